import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditActionLabels, type AuditAction, type AuditEntry, type AuditPage, type AuditQuery } from '../../../../contracts/audit.contract';
import { RoleLabels, type Role } from '../../../../contracts/roles';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { forbidden } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditRecord {
  action: AuditAction;
  streetId: number | null;
  /** The acting user (id, role), or null for the setup command. */
  actor: { id: number; role: string } | null;
  subjectUserId?: number | null;
  target?: { type: string; id: number | null } | null;
  detail?: string | null;
}

/** The staff member reading: enough for an audit entry. */
export interface Reader {
  id: number;
  role: string;
  streetId: number | null;
}

const PAGE = 50;

const toRow = (r: AuditRecord, at: Date) => ({
  streetId: r.streetId, actorId: r.actor?.id ?? null, actorRole: r.actor?.role ?? null, action: r.action,
  subjectUserId: r.subjectUserId ?? null, targetType: r.target?.type ?? null, targetId: r.target?.id ?? null,
  detail: r.detail ? r.detail.slice(0, 500) : null, createdAt: at,
});

/** Writes (append-only) and reads the audit log 审计日志. */
@Injectable()
export class AuditService {
  constructor(private readonly db: DatabaseService) {}

  /** Appends one entry inside the caller's transaction: the change and its audit entry commit together. */
  async record(m: EntityManager, r: AuditRecord): Promise<void> {
    await m.insert(AuditLogEntity, toRow(r, new Date()));
  }

  /** Several entries in one multi-row INSERT (e.g. one per resident shown on a list a staff member read). */
  async recordMany(m: EntityManager, records: AuditRecord[]): Promise<void> {
    const now = new Date();
    for (let i = 0; i < records.length; i += 200) await m.insert(AuditLogEntity, records.slice(i, i + 200).map((r) => toRow(r, now)));
  }

  /** A read of personal data: its own small transaction (a read has no change to join). */
  recordRead(r: AuditRecord): Promise<void> {
    return this.db.transaction((m) => this.record(m, r));
  }

  /**
   * PIPL: a staff read of residents' personal data (names with phone, unit, profile) leaves one `personal_data.read` entry
   * per resident shown (subject = that resident), in one small multi-row insert after the read, never on a hot path. The
   * resident sees it in 我的数据 (谁查看过我的信息), the street in GET /api/audit. Reading one's own data is not logged.
   */
  async recordPersonalDataReads(reader: Reader, subjectIds: number[], detail: string): Promise<void> {
    const subjects = [...new Set(subjectIds)].filter((id) => id !== reader.id);
    if (!subjects.length) return;
    const actor = { id: reader.id, role: reader.role };
    await this.db.transaction((m) => this.recordMany(m, subjects.map((id) => ({ action: 'personal_data.read' as const, streetId: reader.streetId, actor, subjectUserId: id, detail }))));
  }

  /** The street's log, newest first (street admins only). */
  async streetLog(auth: AuthClaims, q: AuditQuery): Promise<AuditPage> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    if (me.role !== 'street_admin' || !me.streetId) throw forbidden();
    const qb = this.db.manager.createQueryBuilder(AuditLogEntity, 'a').where('a.street_id = :s', { s: me.streetId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.before) qb.andWhere('a.id < :before', { before: q.before });
    const rows = await qb.orderBy('a.id', 'DESC').limit(PAGE + 1).getMany();
    const page = rows.slice(0, PAGE);
    return { items: await this.describe(page), nextBefore: rows.length > PAGE ? page[page.length - 1].id : null };
  }

  /** Entries about one person (what a resident sees of who read their data). */
  async aboutSubject(userId: number, limit = 100): Promise<AuditEntry[]> {
    const rows = await this.db.manager.find(AuditLogEntity, { where: { subjectUserId: userId }, order: { id: 'DESC' }, take: limit });
    return this.describe(rows);
  }

  /** Names resolved at read time, so a deleted account's name is gone from the log too. */
  private async describe(rows: AuditLogEntity[]): Promise<AuditEntry[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.subjectUserId]).filter((x): x is number => x !== null))];
    const users = ids.length ? await this.db.manager.createQueryBuilder(UserEntity, 'u').select(['u.id', 'u.name', 'u.role', 'u.deletedAt']).whereInIds(ids).getMany() : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const nameOf = (id: number | null) => {
      if (id === null) return null;
      const u = byId.get(id);
      return !u || u.deletedAt ? '已注销用户' : u.name;
    };
    return rows.map((r) => ({
      id: r.id,
      at: r.createdAt.toISOString(),
      action: r.action,
      actionLabel: AuditActionLabels[r.action] ?? r.action,
      actor: r.actorId === null ? '系统' : `${nameOf(r.actorId)}${r.actorRole ? `（${RoleLabels[r.actorRole as Role] ?? r.actorRole}）` : ''}`,
      subject: nameOf(r.subjectUserId),
      detail: r.detail,
    }));
  }
}
