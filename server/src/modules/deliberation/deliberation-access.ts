import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import type { Role } from '../../../../contracts/roles';
import { loadCurrentUser, sessionExpired } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import type { UserEntity } from '../users/user.entity';
import type { DeliberationSessionEntity } from './deliberation.entities';
import { DeliberationRepository } from './deliberation.repository';

export interface Member {
  user: UserEntity;
  communityId: number;
}

/** The errors of member() and session(), also thrown by hot paths that read member and session in one query. */
export const accessErrors = {
  /** The caller's user row is gone: the app-wide answer (loadCurrentUser). */
  unauthenticated: sessionExpired,
  unitRequired: () => new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先在“我的”里选择您居住的单元，再参加议事'),
  sessionNotFound: () => new DomainException(ErrorCode.SESSION_NOT_FOUND, 404, '没有找到这场议事'),
  /** Issue 10: a resident whose unit nobody confirmed may raise concerns, but not vote, support or propose topics. */
  unitNotConfirmed: () => new DomainException(ErrorCode.UNIT_NOT_CONFIRMED, 403, '您的住址还没有经网格员确认，确认后才能投票'),
};

/** True when a resident's chosen unit has been confirmed by their grid worker / community staff (0/1 in raw rows). */
export const isUnitConfirmed = (v: unknown): boolean => v === true || Number(v) === 1;

/**
 * Issue 10, the one rule: a resident whose unit nobody has confirmed yet may not vote, support or propose (staff are
 * not held back). Used by confirmedMember(), the ballot's one-read hot path and the vote card's reason.
 */
export const awaitsUnitConfirmation = (role: Role, unitConfirmed: unknown): boolean => role === 'resident' && !isUnitConfirmed(unitConfirmed);

/** Who may see and change what: everyone acts within their own community; a session of another community is "not found". */
@Injectable()
export class DeliberationAccess {
  constructor(private readonly db: DatabaseService, private readonly repo: DeliberationRepository) {}

  async member(auth: AuthClaims): Promise<Member> {
    const user = await loadCurrentUser(this.db.manager, auth.sub);
    if (user.communityId === null) throw accessErrors.unitRequired();
    return { user, communityId: Number(user.communityId) };
  }

  /** member() for what only a confirmed resident may do in their community (propose, support). */
  async confirmedMember(auth: AuthClaims): Promise<Member> {
    const member = await this.member(auth);
    if (awaitsUnitConfirmation(member.user.role, member.user.unitConfirmed)) throw accessErrors.unitNotConfirmed();
    return member;
  }

  async session(member: Member, sessionId: number): Promise<DeliberationSessionEntity> {
    const s = await this.repo.findSession(sessionId);
    if (!s || s.communityId !== member.communityId) throw accessErrors.sessionNotFound();
    return s;
  }
}
