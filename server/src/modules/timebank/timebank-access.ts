import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DomainException, forbidden } from '../../common/domain-exception';
import type { UserEntity } from '../users/user.entity';

export interface CommunityOf {
  user: UserEntity;
  communityId: number;
  streetId: number;
}

/** Community staff: their own community (the only one they manage here). */
export async function staffCommunity(m: EntityManager, userId: number): Promise<CommunityOf> {
  const user = await loadCurrentUser(m, userId);
  if (user.role !== 'community_staff' || !user.communityId || !user.streetId) throw forbidden('只有社区工作人员可以进行此操作');
  return { user, communityId: user.communityId, streetId: user.streetId };
}

/** A resident's community (from their unit); without one there is no time bank to show. */
export async function residentCommunity(m: EntityManager, userId: number): Promise<CommunityOf> {
  const user = await loadCurrentUser(m, userId);
  if (!user.communityId || !user.streetId) throw new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先选择您住的单元');
  return { user, communityId: user.communityId, streetId: user.streetId };
}

/** Whether the user is an approved 小红帽 of the community (volunteers module's table). */
/**
 * Approved in this community now. With `lock` (a locking read suffix, DatabaseService.forUpdate) the volunteer's row stays
 * locked to the end of the caller's transaction, so a suspension waits for it (and then sees what it wrote) or came first.
 */
export async function isApprovedVolunteer(m: EntityManager, userId: number, communityId: number, lock = ''): Promise<boolean> {
  const rows = (await m.query(`SELECT id FROM volunteers WHERE user_id = ? AND community_id = ? AND status = 'approved'${lock}`, [userId, communityId])) as unknown[];
  return rows.length > 0;
}

export const notVolunteer = () => new DomainException(ErrorCode.TIMEBANK_NOT_VOLUNTEER, 403, '只有审核通过的志愿者可以参加');
