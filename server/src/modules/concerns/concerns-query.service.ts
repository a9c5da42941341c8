import { Injectable } from '@nestjs/common';
import { SIMILAR_WITHIN_DAYS } from '../../../../contracts/concerns.constants';
import type { ConcernDetail, ConcernItem, InboxQuery, SimilarQuery } from '../../../../contracts/concerns.contract';
import type { Page, PageQuery } from '../../../../contracts/common.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { decodeCursor, encodeCursor, toIso } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { scopeOf } from '../../common/access';
import { AuditService } from '../audit/audit.service';
import { ConcernAccess } from './concern-access';
import { levelOfRole } from './concern-lifecycle';
import { toConcernDetail, toConcernItem } from './concerns.mapper';
import { ConcernsRepository, type ConcernRow, type InboxCursor } from './concerns.repository';

const badCursor = () => new DomainException(ErrorCode.VALIDATION_FAILED, 400, '翻页参数不正确', [{ path: 'cursor', message: 'invalid cursor' }]);

/** Reading concerns: my concerns, the staff inbox and area view, public ones, details with allowed actions. */
@Injectable()
export class ConcernsQueryService {
  constructor(
    private readonly db: DatabaseService, private readonly concerns: ConcernsRepository, private readonly access: ConcernAccess, private readonly audit: AuditService,
  ) {}

  async mine(auth: AuthClaims, query: PageQuery): Promise<Page<ConcernItem>> {
    const before = decodeCursor(query.cursor);
    if (before === -1) throw badCursor();
    return this.byId(await this.concerns.listBySubmitter(auth.sub, before, query.limit + 1), query.limit);
  }

  /** view=inbox: what my level holds, overdue first then by deadline; view=area: all in my area, newest first. */
  async inbox(auth: AuthClaims, q: InboxQuery): Promise<Page<ConcernItem>> {
    const actor = await this.access.user(auth);
    const level = levelOfRole(actor.role);
    const scope = scopeOf(actor);
    if (q.view === 'area') {
      const before = decodeCursor(q.cursor);
      if (before === -1) throw badCursor();
      return this.byId(await this.concerns.area(scope, { status: q.status, category: q.category }, before, q.limit + 1), q.limit);
    }
    const after = q.cursor ? this.decodeInboxCursor(q.cursor) : null;
    const rows = await this.concerns.inbox(scope, { level: level ?? 'grid', status: q.status, category: q.category }, after, q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toConcernItem(r)),
      nextCursor: rows.length > q.limit && last ? this.encodeInboxCursor(last) : null,
    };
  }

  /** The community's public concerns (residents of the community; staff of its area). */
  async publicList(auth: AuthClaims, query: PageQuery): Promise<Page<ConcernItem>> {
    const before = decodeCursor(query.cursor);
    if (before === -1) throw badCursor();
    const actor = await this.access.user(auth);
    if (!actor.communityId) return { items: [], nextCursor: null };
    return this.byId(await this.concerns.publicInCommunity(actor.communityId, { beforeId: before, limit: query.limit + 1 }), query.limit);
  }

  /** Before filing: public concerns of the same category in the resident's building or grid, last 30 days, still open. */
  async similar(auth: AuthClaims, q: SimilarQuery): Promise<{ items: ConcernItem[] }> {
    const who = await this.concerns.submitterPlace(auth.sub);
    if (!who?.communityId) return { items: [] };
    const since = new Date(Date.now() - SIMILAR_WITHIN_DAYS * 24 * 3600_000);
    const rows = await this.concerns.publicInCommunity(who.communityId, { category: q.category, since, limit: 50, excludeClosed: true });
    const near = rows.filter((r) => Number(r.submitterId) !== auth.sub && (Number(r.buildingId) === Number(who.buildingId) || Number(r.gridId) === Number(who.gridId)));
    return { items: near.slice(0, 10).map((r) => toConcernItem(r)) };
  }

  async detail(auth: AuthClaims, id: number): Promise<ConcernDetail> {
    const ctx = await this.access.load(auth, id);
    const [events, photos, departments] = await Promise.all([
      this.concerns.timeline(id),
      this.db.manager.query(`SELECT id, event_id AS eventId FROM concern_photos WHERE concern_id = ? ORDER BY id`, [id]) as Promise<{ id: number; eventId: number | null }[]>,
      this.access.departmentsFor(ctx),
    ]);
    const url = (p: { id: number }) => `/api/photos/${Number(p.id)}`;
    const eventPhotoUrls = new Map<number, string[]>();
    for (const p of photos.filter((x) => x.eventId !== null)) {
      eventPhotoUrls.set(Number(p.eventId), [...(eventPhotoUrls.get(Number(p.eventId)) ?? []), url(p)]);
    }
    // PIPL: staff opening a concern see who raised it and where they live (a 代办 concern names a person without an account).
    if (ctx.actor.role !== 'resident' && ctx.row.submitterId !== null && !ctx.row.proxyName) {
      await this.audit.recordPersonalDataReads(ctx.actor, [Number(ctx.row.submitterId)], `问题详情 #${id}（提出人姓名、住址）`);
    }
    return toConcernDetail(ctx.row, events, {
      actions: this.access.actions(ctx),
      departments,
      joined: ctx.view.role === 'resident' && !ctx.view.isSubmitter && Boolean(Number(ctx.row.isPublic)) && !ctx.view.mayJoin,
      photoUrls: photos.filter((x) => x.eventId === null).map(url),
      eventPhotoUrls,
    });
  }

  private byId(rows: ConcernRow[], limit: number): Page<ConcernItem> {
    const items = rows.slice(0, limit).map((r) => toConcernItem(r));
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
  }

  private encodeInboxCursor(r: ConcernRow): string {
    return Buffer.from(`d:${toIso(r.stageDeadlineAt) ?? ''}|${Number(r.id)}`).toString('base64url');
  }

  private decodeInboxCursor(cursor: string): InboxCursor {
    const m = /^d:([0-9T:.\-Z]{20,30})\|(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    const date = m ? new Date(m[1]) : null;
    if (!m || !date || Number.isNaN(date.getTime())) throw badCursor();
    return { deadline: this.db.dateParam(date), id: Number(m[2]) };
  }
}
