import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { DispatchHelpRequest, HelpRequestDetail } from '../../../../contracts/volunteers.contract';
import { loadCurrentUser, sessionExpired } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException } from '../../common/domain-exception';
import { DatabaseService, isUniqueViolation, retryDeadlock } from '../../database/database.service';
import { actionsOf, HelpRequestAccess, helpRequestNotFound, illegal, isStaffOf, stale, viewOf } from './help-request-access';
import { canRequest, canSeat, isDueSoon } from './help-request-lifecycle';
import { HelpRequestsQueryService } from './help-requests-query.service';
import { HelpRequestsRepository } from './help-requests.repository';
import { excerpt, HelpRequestNotices } from './help-request-notices';
import type { HelpRequestEntity } from './volunteers.entities';
import { toHelpRequestDetailNamed, toHelpRequestItem } from './volunteers.mapper';

const taken = () => conflict(ErrorCode.REQUEST_TAKEN, '手慢了，这条微心愿已经有志愿者接了');
const alreadyOn = () => conflict(ErrorCode.ALREADY_ON_REQUEST, '您已经在这条微心愿上了（退出或谢绝后不能再接同一条）');
const notOn = () => new DomainException(ErrorCode.NOT_ON_REQUEST, 403, '您没有接这条微心愿');
const notApproved = () => new DomainException(ErrorCode.VOLUNTEER_NOT_APPROVED, 403, '只有本社区审核通过的志愿者才能接单');
const suspendedNow = () => new DomainException(ErrorCode.VOLUNTEER_NOT_APPROVED, 403, '您现在不是本社区审核通过的志愿者（志愿服务可能已暂停），派单已收回');
const notApprovedTarget = () => new DomainException(ErrorCode.VOLUNTEER_NOT_APPROVED, 422, '只能派给本社区审核通过的志愿者');
const MAX_TEAM_ALERTS = 50;

/**
 * Seats on a help request: claim (接单), dispatch (派单) and the dispatched volunteer's accept/decline, withdrawal.
 * A seat is taken by a conditional UPDATE (taken_count < volunteers_needed) and a unique (request, volunteer) row
 * in the same transaction; a claim that loses the race is answered 409 REQUEST_TAKEN at once.
 */
@Injectable()
export class HelpRequestSeatsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly requests: HelpRequestsRepository,
    private readonly access: HelpRequestAccess,
    private readonly query: HelpRequestsQueryService,
    private readonly notices: HelpRequestNotices,
  ) {}

  /**
   * A volunteer's claim (接单): the hot path of a claim race. One read (me, the request and its names, my approval, my
   * seat), then one transaction: the seat counter's conditional UPDATE (a loser is told REQUEST_TAKEN at once), the
   * unique seat row, the counters and seats as they now are, the event, the notice. The answer is built from that,
   * with the history read once after.
   */
  async claim(auth: AuthClaims, id: number): Promise<HelpRequestDetail> {
    const ctx = await this.requests.context(id, auth.sub);
    if (!ctx) throw sessionExpired();
    const { row } = ctx;
    if (!row) throw helpRequestNotFound();
    if (!ctx.approved) throw notApproved();
    if (row.requesterId === auth.sub || row.postedBy === auth.sub) throw new DomainException(ErrorCode.OWN_HELP_REQUEST, 422, '不能接自己的微心愿');
    if (row.status === 'filled') throw taken();
    if (!canRequest('claim', row.status)) throw illegal(row.status, '接单');
    if (ctx.seat) throw alreadyOn();
    // Retried whole if MariaDB picks it as a deadlock victim (a suspension takes the volunteer row, then request rows).
    const { state, eventId } = await retryDeadlock(() => this.db.transaction(async (m) => {
      await this.seat(m, row, auth.sub, 'claim', null);
      const now = await this.requests.seats(m, row.id);
      const ev = await this.requests.insertEvent(m, { requestId: row.id, actorId: auth.sub, actorRole: auth.role, type: 'claimed', fromStatus: 'open', toStatus: now.status, volunteerId: auth.sub });
      await this.notices.tell(m, row.requesterId ?? row.postedBy, row, 'help.claimed', '有志愿者接单了', `“${excerpt(row)}”已有志愿者接单`);
      return { state: now, eventId: ev };
    }));
    const after = { ...row, status: state.status, takenCount: state.takenCount, version: state.version };
    const view = viewOf(ctx.actor, after, 'accepted', true);
    const item = toHelpRequestItem(after, { ...ctx.names, seats: state.seats }, 'accepted', actionsOf(after, view));
    return toHelpRequestDetailNamed(item, await this.requests.eventsUpTo(row.id, eventId));
  }

  async dispatch(auth: AuthClaims, id: number, body: DispatchHelpRequest): Promise<HelpRequestDetail> {
    const actor = await loadCurrentUser(this.db.manager, auth.sub);
    const row = await this.requests.find(id);
    if (!row || !isStaffOf(actor, row)) throw helpRequestNotFound();
    if (row.status === 'filled') throw taken();
    if (!canRequest('dispatch', row.status)) throw illegal(row.status, '派单');
    if (body.volunteerUserId === row.requesterId) throw new DomainException(ErrorCode.OWN_HELP_REQUEST, 422, '不能把微心愿派给许愿人自己');
    if (!(await this.access.isApproved(this.db.manager, body.volunteerUserId, row.communityId))) throw notApprovedTarget();
    await retryDeadlock(() => this.db.transaction(async (m) => {
      if (await this.requests.seatOf(m, row.id, body.volunteerUserId)) throw alreadyOn();
      await this.seat(m, row, body.volunteerUserId, 'dispatch', actor.id);
      const now = await this.requests.seats(m, row.id);
      await this.requests.insertEvent(m, {
        requestId: row.id, actorId: actor.id, actorRole: actor.role, type: 'dispatched', fromStatus: 'open', toStatus: now.status, volunteerId: body.volunteerUserId, note: body.note,
      });
      await this.notices.tell(m, body.volunteerUserId, row, 'help.dispatched', '社区给您派单了', `“${excerpt(row)}”，请接受或谢绝`);
    }));
    return this.query.detail(auth, id);
  }

  async accept(auth: AuthClaims, id: number): Promise<HelpRequestDetail> {
    const { row, seat } = await this.access.load(auth, id);
    if (!seat) throw notOn();
    // First: a suspension took back this dispatch (released); say why to a volunteer who opens the old notice afterwards.
    if (!(await this.access.isApproved(this.db.manager, auth.sub, row.communityId))) throw suspendedNow();
    if (!canSeat('accept', seat.status) || !canRequest('give_back', row.status)) throw illegal(row.status, '接受派单');
    await this.db.transaction(async (m) => {
      if (!(await this.requests.moveSeat(m, seat.id, ['dispatched'], 'accepted'))) throw stale(row);
      await this.requests.insertEvent(m, { requestId: row.id, actorId: auth.sub, actorRole: auth.role, type: 'accepted', fromStatus: row.status, toStatus: row.status, volunteerId: auth.sub });
      await this.notices.tell(m, row.requesterId ?? row.postedBy, row, 'help.accepted', '志愿者已接受派单', `“${excerpt(row)}”的志愿者已确定`);
    });
    return this.query.detail(auth, id);
  }

  /** A dispatched volunteer declines: the seat comes back and the request is open again. */
  async decline(auth: AuthClaims, id: number, note: string | undefined): Promise<HelpRequestDetail> {
    return this.giveBack(auth, id, 'decline', note);
  }

  /** An accepted volunteer withdraws: the seat comes back; due within 24 h, the team and staff are alerted. */
  async withdraw(auth: AuthClaims, id: number, note: string | undefined): Promise<HelpRequestDetail> {
    return this.giveBack(auth, id, 'withdraw', note);
  }

  private async giveBack(auth: AuthClaims, id: number, action: 'decline' | 'withdraw', note: string | undefined): Promise<HelpRequestDetail> {
    const { row, seat, actor } = await this.access.load(auth, id);
    if (!seat) throw notOn();
    if (!canSeat(action, seat.status) || !canRequest('give_back', row.status)) throw illegal(row.status, action === 'decline' ? '谢绝' : '退出');
    const from = action === 'decline' ? 'dispatched' : 'accepted';
    await this.db.transaction(async (m) => {
      // Request row first (the same lock order as a claim), then the seat; either failing rolls both back.
      if (!(await this.requests.giveSeatBack(m, row.id))) throw stale(row);
      if (!(await this.requests.moveSeat(m, seat.id, [from], action === 'decline' ? 'declined' : 'withdrawn'))) throw stale(row);
      await this.requests.insertEvent(m, {
        requestId: row.id, actorId: actor.id, actorRole: actor.role, type: action === 'decline' ? 'declined' : 'withdrawn', fromStatus: row.status, toStatus: 'open', volunteerId: actor.id, note,
      });
      const who = `${actor.name}${action === 'decline' ? '谢绝了派单' : '退出了'}`;
      if (action === 'decline' && seat.dispatchedBy) await this.notices.tell(m, seat.dispatchedBy, row, 'help.declined', '志愿者谢绝了派单', `${who}：“${excerpt(row)}”，请重新派单`);
      if (action === 'withdraw') await this.notices.tell(m, row.requesterId ?? row.postedBy, row, 'help.withdrawn', '志愿者退出了', `“${excerpt(row)}”正在重新安排志愿者`);
      if (action === 'withdraw' && isDueSoon(new Date(row.windowFrom), new Date())) await this.alertDropOut(m, row, actor.id, who);
    });
    return this.query.detail(auth, id);
  }

  /** Due within 24 h: the community's staff and the members and leaders of the volunteer's teams (approved, same community). */
  private async alertDropOut(m: EntityManager, row: HelpRequestEntity, volunteerId: number, who: string): Promise<void> {
    const team: { user_id: number }[] = await m.query(
      `SELECT DISTINCT u.user_id FROM (
         SELECT mb.user_id FROM volunteer_team_members mb JOIN volunteers v ON v.user_id = mb.user_id AND v.status = 'approved' AND v.community_id = ?
           WHERE mb.team_id IN (SELECT team_id FROM volunteer_team_members WHERE user_id = ?)
         UNION SELECT t.leader_user_id AS user_id FROM volunteer_teams t
           WHERE t.leader_user_id IS NOT NULL AND t.id IN (SELECT team_id FROM volunteer_team_members WHERE user_id = ?)
       ) u WHERE u.user_id <> ? ORDER BY u.user_id LIMIT ${MAX_TEAM_ALERTS}`,
      [row.communityId, volunteerId, volunteerId, volunteerId],
    );
    const staff = await this.requests.staffIds(m, row.communityId);
    const body = `${who}，“${excerpt(row)}”即将开始，急需志愿者`;
    for (const s of staff) await this.notices.tell(m, s, row, 'help.drop_out', '志愿者临时退出', body);
    for (const t of team) await this.notices.tell(m, Number(t.user_id), row, 'help.drop_out_team', '队友临时退出，急需接单', body);
  }

  /** One seat: the conditional UPDATE, then the unique row (a duplicate rolls the seat back). */
  private async seat(m: EntityManager, row: HelpRequestEntity, volunteerId: number, via: 'claim' | 'dispatch', by: number | null): Promise<void> {
    const now = new Date();
    if (!(await this.requests.takeSeat(m, row.id, now))) throw taken();
    try {
      const seated = await this.requests.insertSeat(m, { requestId: row.id, volunteerId, communityId: row.communityId, status: via === 'claim' ? 'accepted' : 'dispatched', via, dispatchedBy: by }, now);
      // Suspended (or moved) since the read before the transaction: the seat taken above rolls back with this throw.
      if (!seated) throw via === 'claim' ? notApproved() : notApprovedTarget();
    } catch (err) {
      if (isUniqueViolation(err)) throw alreadyOn();
      throw err;
    }
  }
}
