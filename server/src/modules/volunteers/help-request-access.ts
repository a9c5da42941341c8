import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { AssignmentStatus } from '../../../../contracts/volunteers.constants';
import type { HelpRequestAction } from '../../../../contracts/volunteers.contract';
import { inScope, scopeOf } from '../../common/access';
import { loadCurrentUser, sessionExpired } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import type { UserEntity } from '../users/user.entity';
import { allowedActions, type HelpActor } from './help-request-lifecycle';
import { HelpRequestsRepository, type HelpCaller, type HelpRowContext } from './help-requests.repository';
import { isApprovedVolunteer } from '../timebank/timebank-access';
import type { HelpRequestAssignmentEntity, HelpRequestEntity } from './volunteers.entities';

export const helpRequestNotFound = () => notFound(ErrorCode.HELP_REQUEST_NOT_FOUND, '没有找到这条微心愿');
export const illegal = (status: string, what: string) =>
  conflict(ErrorCode.HELP_REQUEST_ILLEGAL_TRANSITION, `这条微心愿现在不能${what}`, { status });
export const stale = (r: HelpRequestEntity) =>
  conflict(ErrorCode.HELP_REQUEST_STATE_CONFLICT, '这条微心愿刚刚有了变化，请刷新后再试', { status: r.status, version: Number(r.version) });

/** HELP_CONTEXT_SQL's one read, checked: the request exists and the caller may see it. */
export interface LeanHelpContext extends HelpRowContext {
  row: HelpRequestEntity;
  view: HelpActor;
}

export interface HelpContext {
  row: HelpRequestEntity;
  actor: UserEntity;
  seat: HelpRequestAssignmentEntity | null;
  view: HelpActor;
  actions: HelpRequestAction[];
}

/**
 * Who may see a help request: its requester and poster, volunteers with a seat on it, staff whose area
 * contains it, and approved volunteers of its community while it is open (the hall). Others get 404.
 */
@Injectable()
export class HelpRequestAccess {
  constructor(private readonly db: DatabaseService, private readonly requests: HelpRequestsRepository) {}

  async load(auth: AuthClaims, id: number, m: EntityManager = this.db.manager): Promise<HelpContext> {
    const actor = await loadCurrentUser(m, auth.sub);
    const row = await this.requests.find(id, m);
    if (!row) throw helpRequestNotFound();
    const seat = await this.requests.seatOf(m, row.id, actor.id);
    const view = viewOf(actor, row, seat?.status ?? null, await this.isApproved(m, actor.id, row.communityId));
    if (!isVisible(view, row)) throw helpRequestNotFound();
    return { row, actor, seat, view, actions: actionsOf(row, view) };
  }

  /**
   * load()'s checks, in its order, on the one read of HELP_CONTEXT_SQL (the hot paths: confirm). 401 when the user
   * is gone, 404 when the request is missing or not theirs to see.
   */
  async loadLean(auth: AuthClaims, id: number): Promise<LeanHelpContext> {
    const ctx = await this.requests.context(id, auth.sub);
    if (!ctx) throw sessionExpired();
    if (!ctx.row) throw helpRequestNotFound();
    const view = viewOf(ctx.actor, ctx.row, ctx.seat?.status ?? null, ctx.approved);
    if (!isVisible(view, ctx.row)) throw helpRequestNotFound();
    return { ...ctx, row: ctx.row, view };
  }

  isApproved(m: EntityManager, userId: number, communityId: number): Promise<boolean> {
    return isApprovedVolunteer(m, userId, communityId);
  }
}

/** What the caller is to the request (the view the actions and visibility are computed from). */
export function viewOf(actor: HelpCaller, row: HelpRequestEntity, seat: AssignmentStatus | null, isApprovedVolunteer: boolean): HelpActor {
  return {
    isRequester: row.requesterId !== null && row.requesterId === actor.id,
    isPoster: row.postedBy === actor.id && row.requesterId !== actor.id,
    isStaff: isStaffOf(actor, row),
    isApprovedVolunteer,
    seat,
  };
}

/** Its requester and poster, volunteers with a seat, staff of its area, and approved volunteers of its community while open. */
export const isVisible = (v: HelpActor, row: Pick<HelpRequestEntity, 'status'>) =>
  v.isRequester || v.isPoster || v.isStaff || v.seat !== null || (v.isApprovedVolunteer && row.status === 'open');

export const actionsOf = (row: Pick<HelpRequestEntity, 'status' | 'requesterId'>, view: HelpActor): HelpRequestAction[] =>
  allowedActions({ status: row.status, hasRequesterAccount: row.requesterId !== null }, view);

/** Staff of the request's area: its grid worker, its community's staff, its street's admin. */
export function isStaffOf(actor: HelpCaller, r: Pick<HelpRequestEntity, 'streetId' | 'communityId' | 'gridId'>): boolean {
  if (actor.role === 'resident' || actor.role === 'department') return false;
  return inScope(scopeOf(actor), { streetId: r.streetId, communityId: r.communityId, gridId: r.gridId });
}
