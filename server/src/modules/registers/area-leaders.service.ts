import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import {
  AreaLeaderLevelLabels, type AreaLeaderLevel, type AssignLeaderRequest, type LeaderSlot, type LeadersQuery, type LeadersResponse,
} from '../../../../contracts/registers.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException, notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { AreaLeaderEntity } from './registers.entities';
import { activeOrg, areaWhere, canManage, inArea, manageArea, ORG_COLUMNS, readArea } from './register-area';
import { onConflictUpdate } from './registers.repository';

interface SlotRow { level: AreaLeaderLevel; areaId: number; areaName: string; communityName: string; gridId: number; name: string | null; phone: string | null; userId: number | null }
interface AreaRow { streetId: number; communityId: number; gridId: number; name: string }

const areaNotFound = () => notFound(ErrorCode.AREA_NOT_FOUND, '没有找到这个网格或楼栋，或不在您负责的范围内');

/** 网格长 per grid and 楼栋长 per building: the list of one's area, and their assignment by community/street staff. */
@Injectable()
export class AreaLeadersService {
  constructor(private readonly db: DatabaseService, private readonly audit: AuditService) {}

  async list(auth: AuthClaims, q: LeadersQuery): Promise<LeadersResponse> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const w = areaWhere(readArea(me), ORG_COLUMNS);
    const where = `${w.sql}${q.communityId ? ' AND c.id = ?' : ''}`;
    const params = q.communityId ? [...w.params, q.communityId] : w.params;
    const leader = (level: AreaLeaderLevel, id: string) => `LEFT JOIN area_leaders l ON l.level = '${level}' AND l.area_id = ${id}`;
    const cols = 'l.name, l.phone, l.user_id AS userId, c.name AS communityName, g.id AS gridId';
    const grids = (await this.db.manager.query(
      `SELECT 'grid' AS level, g.id AS areaId, g.name AS areaName, ${cols} FROM grids g JOIN communities c ON c.id = g.community_id ${leader('grid', 'g.id')}
       WHERE ${where}${activeOrg({ c: 'c', g: 'g' })} ORDER BY c.id, g.id`, params,
    )) as SlotRow[];
    const buildings = (await this.db.manager.query(
      `SELECT 'building' AS level, b.id AS areaId, b.name AS areaName, ${cols} FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id
       ${leader('building', 'b.id')} WHERE ${where}${activeOrg({ c: 'c', g: 'g', b: 'b' })} ORDER BY b.id`, params,
    )) as SlotRow[];
    const items: LeaderSlot[] = [];
    for (const g of grids) {
      items.push(toSlot(g));
      for (const b of buildings) if (Number(b.gridId) === Number(g.areaId)) items.push(toSlot(b));
    }
    await this.recordListRead(me, grids.concat(buildings));
    return { items, canAssign: canManage(me) };
  }

  /** The list shows the leaders' phones in full (they are the area's contact people): the read is audited (PIPL). */
  private async recordListRead(me: UserEntity, rows: SlotRow[]): Promise<void> {
    const shown = rows.filter((r) => r.name !== null);
    if (!shown.length) return;
    const actor = { id: me.id, role: me.role };
    const detail = `查看网格长/楼栋长名单（${shown.length} 位，含电话）`;
    const linked = [...new Set(shown.map((r) => (r.userId === null ? null : Number(r.userId))).filter((id): id is number => id !== null && id !== me.id))];
    await this.db.transaction((m) => this.audit.recordMany(m, [
      { action: 'register.read', streetId: me.streetId, actor, detail },
      ...linked.map((id) => ({ action: 'personal_data.read' as const, streetId: me.streetId, actor, subjectUserId: id, detail })),
    ]));
  }

  /** Sets (or replaces) the leader of a grid or building of the caller's area; audited. */
  async assign(auth: AuthClaims, body: AssignLeaderRequest): Promise<LeaderSlot> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = manageArea(me);
    return this.db.transaction(async (m) => {
      const place = await this.findArea(body.level, body.areaId);
      if (!place || !inArea(area, place)) throw areaNotFound();
      const userId = body.userId ?? null;
      if (userId !== null) {
        const user = await m.findOne(UserEntity, { where: { id: userId } });
        if (!user || user.deletedAt || user.streetId !== place.streetId) throw new DomainException(ErrorCode.AREA_LEADER_USER_INVALID, 422, '所选的账号不是本街道的用户');
      }
      const p = [body.level, body.areaId, place.streetId, place.communityId, body.name, body.phone, userId, me.id, this.db.dateParam(new Date())];
      const upd = ['street_id', 'community_id', 'name', 'phone', 'user_id', 'assigned_by', 'updated_at'];
      await m.query(
        `INSERT INTO area_leaders (level, area_id, street_id, community_id, name, phone, user_id, assigned_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)${
          onConflictUpdate(this.db.dialect, ['level', 'area_id'], upd)}`, p,
      );
      await this.audit.record(m, {
        action: 'register.update', streetId: me.streetId, actor: { id: me.id, role: me.role }, subjectUserId: userId, target: { type: body.level, id: body.areaId },
        detail: `${place.name}的${AreaLeaderLevelLabels[body.level]}：${body.name}`,
      });
      return { level: body.level, areaId: body.areaId, areaName: place.name, gridId: place.gridId, leader: { name: body.name, phone: body.phone, userId } };
    });
  }

  async clear(auth: AuthClaims, level: AreaLeaderLevel, areaId: number): Promise<void> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = manageArea(me);
    await this.db.transaction(async (m) => {
      const place = await this.findArea(level, areaId);
      if (!place || !inArea(area, place)) throw areaNotFound();
      const r = await m.delete(AreaLeaderEntity, { level, areaId });
      if (!r.affected) return;
      await this.audit.record(m, {
        action: 'register.update', streetId: me.streetId, actor: { id: me.id, role: me.role }, target: { type: level, id: areaId },
        detail: `撤销${place.name}的${AreaLeaderLevelLabels[level]}`,
      });
    });
  }

  /** The grid or building (active) with its street, community and grid; its name as "甲社区 1号楼". */
  private async findArea(level: AreaLeaderLevel, id: number): Promise<AreaRow | null> {
    const sql = level === 'grid'
      ? `SELECT c.street_id AS streetId, c.id AS communityId, g.id AS gridId, c.name AS communityName, g.name AS areaName FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.id = ?${activeOrg({ c: 'c', g: 'g' })}`
      : `SELECT c.street_id AS streetId, c.id AS communityId, b.grid_id AS gridId, c.name AS communityName, b.name AS areaName FROM buildings b JOIN communities c ON c.id = b.community_id WHERE b.id = ?${activeOrg({ c: 'c', b: 'b' })}`;
    const [row] = (await this.db.manager.query(sql, [id])) as (AreaRow & { communityName: string; areaName: string })[];
    return row ? { streetId: +row.streetId, communityId: +row.communityId, gridId: +row.gridId, name: `${row.communityName} ${row.areaName}` } : null;
  }
}

function toSlot(r: SlotRow): LeaderSlot {
  return {
    level: r.level, areaId: Number(r.areaId), areaName: `${r.communityName} ${r.areaName}`, gridId: Number(r.gridId),
    leader: r.name ? { name: r.name, phone: String(r.phone), userId: r.userId === null ? null : Number(r.userId) } : null,
  };
}
