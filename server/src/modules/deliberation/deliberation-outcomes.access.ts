import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { CommunityEntity } from '../org/org.entities';
import type { UserEntity } from '../users/user.entity';
import { accessErrors } from './deliberation-access';
import { DeliberationSessionEntity } from './deliberation.entities';

/**
 * Who reads and acts on outcomes: members (resident, grid worker, community staff) within their own
 * community; street_admin within every community of their street. Anything else answers 404.
 */
export type Viewer =
  | { kind: 'member'; user: UserEntity; communityId: number }
  | { kind: 'street'; user: UserEntity; streetId: number };

export interface SessionInCommunity {
  session: DeliberationSessionEntity;
  community: CommunityEntity;
}

/** Minutes and resolutions are recorded once the session has started, and never for a cancelled one. */
export function assertHeld(s: DeliberationSessionEntity, now: Date): void {
  if (s.status === 'cancelled') throw new DomainException(ErrorCode.SESSION_CANCELLED, 409, '这场议事已经取消');
  if (new Date(s.startsAt) > now) throw new DomainException(ErrorCode.SESSION_NOT_HELD_YET, 409, '议事开始后才能记录纪要和决议');
}

@Injectable()
export class OutcomesAccess {
  constructor(private readonly db: DatabaseService) {}

  async viewer(auth: AuthClaims, m: EntityManager = this.db.manager): Promise<Viewer> {
    const user = await loadCurrentUser(m, auth.sub);
    if (user.role === 'street_admin') {
      if (user.streetId === null) throw new DomainException(ErrorCode.AREA_NOT_FOUND, 404, '您还没有所属街道');
      return { kind: 'street', user, streetId: Number(user.streetId) };
    }
    if (user.communityId === null) throw accessErrors.unitRequired();
    return { kind: 'member', user, communityId: Number(user.communityId) };
  }

  /** Community staff acting on their own community. */
  async staff(auth: AuthClaims, m: EntityManager = this.db.manager): Promise<{ user: UserEntity; communityId: number }> {
    const v = await this.viewer(auth, m);
    if (v.kind !== 'member' || v.user.role !== 'community_staff') throw new DomainException(ErrorCode.FORBIDDEN, 403, '只有社区工作人员可以这样做');
    return { user: v.user, communityId: v.communityId };
  }

  canSee(v: Viewer, where: { communityId: number; streetId: number }): boolean {
    return v.kind === 'member' ? v.communityId === where.communityId : v.streetId === where.streetId;
  }

  async community(id: number, m: EntityManager = this.db.manager): Promise<CommunityEntity | null> {
    return m.findOne(CommunityEntity, { where: { id } });
  }

  /** A session the viewer may see, with its community; 404 otherwise. */
  async session(v: Viewer, sessionId: number, m: EntityManager = this.db.manager): Promise<SessionInCommunity> {
    const session = await m.findOne(DeliberationSessionEntity, { where: { id: sessionId } });
    if (!session) throw accessErrors.sessionNotFound();
    const community = await this.community(session.communityId, m);
    if (!community || !this.canSee(v, { communityId: community.id, streetId: Number(community.streetId) })) throw accessErrors.sessionNotFound();
    return { session, community };
  }
}
