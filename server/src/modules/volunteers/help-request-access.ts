import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { HelpRequestAction } from '../../../../contracts/volunteers.contract';
import { inScope, scopeOf } from '../../common/access';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException, notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import type { UserEntity } from '../users/user.entity';
import { allowedActions, type HelpActor } from './help-request-lifecycle';
import { HelpRequestsRepository } from './help-requests.repository';
import { isApprovedVolunteer } from '../timebank/timebank-access';
import type { HelpRequestAssignmentEntity, HelpRequestEntity } from './volunteers.entities';

export const helpRequestNotFound = () => notFound(ErrorCode.HELP_REQUEST_NOT_FOUND, '没有找到这条微心愿');
export const illegal = (status: string, what: string) =>
  conflict(ErrorCode.HELP_REQUEST_ILLEGAL_TRANSITION, `这条微心愿现在不能${what}`, { status });
export const stale = (r: HelpRequestEntity) =>
  conflict(ErrorCode.HELP_REQUEST_STATE_CONFLICT, '这条微心愿刚刚有了变化，请刷新后再试', { status: r.status, version: Number(r.version) });

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
    const isApprovedVolunteer = await this.isApproved(m, actor.id, row.communityId);
    const view: HelpActor = {
      isRequester: row.requesterId !== null && row.requesterId === actor.id,
      isPoster: row.postedBy === actor.id && row.requesterId !== actor.id,
      isStaff: isStaffOf(actor, row),
      isApprovedVolunteer,
      seat: seat?.status ?? null,
    };
    const visible = view.isRequester || view.isPoster || view.isStaff || seat !== null || (isApprovedVolunteer && row.status === 'open');
    if (!visible) throw helpRequestNotFound();
    return { row, actor, seat, view, actions: allowedActions({ status: row.status, hasRequesterAccount: row.requesterId !== null }, view) };
  }

  isApproved(m: EntityManager, userId: number, communityId: number): Promise<boolean> {
    return isApprovedVolunteer(m, userId, communityId);
  }

  async assertApproved(m: EntityManager, userId: number, communityId: number): Promise<void> {
    if (!(await this.isApproved(m, userId, communityId))) {
      throw new DomainException(ErrorCode.VOLUNTEER_NOT_APPROVED, 403, '只有本社区审核通过的志愿者才能接单');
    }
  }
}

/** Staff of the request's area: its grid worker, its community's staff, its street's admin. */
export function isStaffOf(actor: UserEntity, r: Pick<HelpRequestEntity, 'streetId' | 'communityId' | 'gridId'>): boolean {
  if (actor.role === 'resident' || actor.role === 'department') return false;
  return inScope(scopeOf(actor), { streetId: r.streetId, communityId: r.communityId, gridId: r.gridId });
}
