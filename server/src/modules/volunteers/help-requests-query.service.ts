import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Page } from '../../../../contracts/common.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { RECENT_TASKS_DAYS, type AvailabilitySlot, type VolunteerSkill } from '../../../../contracts/volunteers.constants';
import type { HelpRequestDetail, HelpRequestItem, HelpRequestsQuery, VolunteerSuggestion } from '../../../../contracts/volunteers.contract';
import { scopeOf } from '../../common/access';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { decodeCursor, encodeCursor } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { HelpRequestAccess, helpRequestNotFound, isStaffOf } from './help-request-access';
import { allowedActions, slotOf } from './help-request-lifecycle';
import { HelpRequestsRepository } from './help-requests.repository';
import { HelpRequestAssignmentEntity, HelpRequestEntity, VolunteerEntity } from './volunteers.entities';
import { splitCodes, toHelpRequestDetail, toHelpRequestItem } from './volunteers.mapper';

type Where = { sql: string; params: unknown[] };

/** Reading help requests: mine, the hall (接单大厅), my tasks, the staff board, one request with its history, suggestions. */
@Injectable()
export class HelpRequestsQueryService {
  constructor(private readonly db: DatabaseService, private readonly requests: HelpRequestsRepository, private readonly access: HelpRequestAccess) {}

  async detail(auth: AuthClaims, id: number): Promise<HelpRequestDetail> {
    const ctx = await this.access.load(auth, id);
    const names = (await this.requests.names([ctx.row])).get(ctx.row.id)!;
    const events = await this.requests.events(id);
    const people = await this.db.manager.find(UserEntity, {
      where: { id: In([...new Set(events.flatMap((e) => [Number(e.actorId), ...(e.volunteerId === null ? [] : [Number(e.volunteerId)])]))]) }, select: { id: true, name: true },
    });
    const item = toHelpRequestItem(ctx.row, names, ctx.seat?.status ?? null, ctx.actions);
    return toHelpRequestDetail(item, events, new Map(people.map((p) => [p.id, p.name])));
  }

  /** Requests I asked for, or posted for a resident (代办). */
  async mine(auth: AuthClaims, q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    return this.page(me, q, { sql: '(r.requester_id = ? OR r.posted_by = ?)', params: [me.id, me.id] });
  }

  /** Open requests of my community, soonest first: only for approved volunteers. */
  async hall(auth: AuthClaims, q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const v = await this.db.manager.findOne(VolunteerEntity, { where: { userId: me.id } });
    if (!v || v.status !== 'approved') throw new DomainException(ErrorCode.VOLUNTEER_NOT_APPROVED, 403, '审核通过的志愿者才能进入接单大厅');
    return this.page(me, { ...q, status: 'open' }, { sql: 'r.community_id = ?', params: [v.communityId] });
  }

  /** Requests I hold (or held) a seat on. */
  async tasks(auth: AuthClaims, q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    return this.page(me, q, { sql: 'r.id IN (SELECT a.request_id FROM help_request_assignments a WHERE a.volunteer_id = ?)', params: [me.id] });
  }

  /** Staff: requests of their area (grid workers: their grid). */
  async board(auth: AuthClaims, q: HelpRequestsQuery): Promise<Page<HelpRequestItem>> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const scope = scopeOf(me);
    const area: Where | null = scope.level === 'grid' ? { sql: 'r.grid_id = ?', params: [scope.gridId] }
      : scope.level === 'community' ? { sql: 'r.community_id = ?', params: [scope.communityId] }
        : scope.level === 'street' ? { sql: 'r.street_id = ?', params: [scope.streetId] } : null;
    if (!area) return { items: [], nextCursor: null };
    return this.page(me, q, area);
  }

  /**
   * Approved volunteers of the request's community whose skills match (any skill for 'other'), not already on it:
   * free at the request's time first, then fewest seats in the last 30 days, then the longest-serving.
   */
  async suggestions(auth: AuthClaims, id: number): Promise<VolunteerSuggestion[]> {
    const actor = await loadCurrentUser(this.db.manager, auth.sub);
    const row = await this.requests.find(id);
    if (!row || !isStaffOf(actor, row)) throw helpRequestNotFound();
    const since = new Date(Date.now() - RECENT_TASKS_DAYS * 24 * 3600_000);
    const rows: { user_id: number; name: string; skills: string; availability: string; recent: number }[] = await this.db.manager.query(
      `SELECT v.user_id, u.name, v.skills, v.availability,
         (SELECT COUNT(*) FROM help_request_assignments a WHERE a.volunteer_id = v.user_id AND a.status IN ('dispatched', 'accepted') AND a.created_at >= ?) AS recent
       FROM volunteers v JOIN users u ON u.id = v.user_id
       WHERE v.community_id = ? AND v.status = 'approved' AND v.user_id <> ?
         AND v.user_id NOT IN (SELECT a.volunteer_id FROM help_request_assignments a WHERE a.request_id = ?)`,
      [this.db.dateParam(since), row.communityId, row.requesterId ?? 0, row.id],
    );
    const slot = slotOf(new Date(row.windowFrom));
    return rows
      .map((r) => ({ userId: Number(r.user_id), name: r.name, skills: splitCodes<VolunteerSkill>(r.skills), matchesTime: splitCodes<AvailabilitySlot>(r.availability).includes(slot), recentTasks: Number(r.recent) }))
      .filter((s) => row.skill === 'other' || s.skills.includes(row.skill))
      .sort((a, b) => Number(b.matchesTime) - Number(a.matchesTime) || a.recentTasks - b.recentTasks || a.userId - b.userId)
      .slice(0, 20);
  }

  private async page(me: UserEntity, q: HelpRequestsQuery, where: Where): Promise<Page<HelpRequestItem>> {
    const before = decodeCursor(q.cursor);
    if (before === -1) throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, '翻页参数不正确');
    let n = 0;
    const qb = this.db.manager.createQueryBuilder(HelpRequestEntity, 'r').where(where.sql.replace(/\?/g, () => `:p${++n}`));
    where.params.forEach((p, i) => qb.setParameter(`p${i + 1}`, p));
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (before !== null) qb.andWhere('r.id < :before', { before });
    const rows = await qb.orderBy('r.id', 'DESC').limit(q.limit + 1).getMany();
    const shown = rows.slice(0, q.limit);
    const names = await this.requests.names(shown);
    const mySeats = shown.length
      ? await this.db.manager.find(HelpRequestAssignmentEntity, { where: { volunteerId: me.id, requestId: In(shown.map((r) => r.id)) } }) : [];
    const approved = new Set((await this.db.manager.find(VolunteerEntity, { where: { userId: me.id, status: 'approved' } })).map((v) => v.communityId));
    const items = shown.map((r) => {
      const seat = mySeats.find((s) => s.requestId === r.id)?.status ?? null;
      const view = {
        isRequester: r.requesterId === me.id, isPoster: r.postedBy === me.id && r.requesterId !== me.id, isStaff: isStaffOf(me, r),
        isApprovedVolunteer: approved.has(r.communityId), seat,
      };
      return toHelpRequestItem(r, names.get(r.id)!, seat, allowedActions({ status: r.status, hasRequesterAccount: r.requesterId !== null }, view));
    });
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1].id) : null };
  }
}
