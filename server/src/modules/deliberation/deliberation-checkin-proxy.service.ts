import { Injectable } from '@nestjs/common';
import type {
  ProxyCandidatesQuery, ProxyCandidatesResponse, ProxyRegistrationRequest, ProxyRegistrationResponse,
} from '../../../../contracts/deliberation-votes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { DeliberationAccess, type Member } from './deliberation-access';
import { toAttendeeItem, toProxyCandidate } from './deliberation-checkin.mapper';
import { DeliberationCheckinRepository } from './deliberation-checkin.repository';
import { DeliberationCheckinService } from './deliberation-checkin.service';
import { checkInWindow } from './deliberation-checkin.time';
import type { DeliberationSessionEntity } from './deliberation.entities';
import { DeliberationSignupService } from './deliberation-signup.service';

const CANDIDATES_MAX = 50;

/**
 * 代办: a grid worker (or community staff) registers a resident without a phone and may check them in at
 * once. Seats and the waiting list work exactly as for a resident's own sign-up (DeliberationSignupService.enrol);
 * the registration is tagged with the worker (proxy_by).
 */
@Injectable()
export class DeliberationCheckinProxyService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: DeliberationAccess,
    private readonly repo: DeliberationCheckinRepository,
    private readonly signup: DeliberationSignupService,
    private readonly checkin: DeliberationCheckinService,
    private readonly audit: AuditService,
  ) {}

  async candidates(auth: AuthClaims, sessionId: number, query: ProxyCandidatesQuery): Promise<ProxyCandidatesResponse> {
    const member = await this.access.member(auth);
    await this.access.session(member, sessionId);
    const rows = await this.repo.candidates(sessionId, this.scope(member), query.q || undefined, CANDIDATES_MAX);
    const items = rows.map(toProxyCandidate);
    await this.audit.recordPersonalDataReads(member.user, items.map((i) => i.userId), '代办报名：查找居民（姓名、电话、单元）');
    return { items };
  }

  async register(auth: AuthClaims, sessionId: number, body: ProxyRegistrationRequest): Promise<ProxyRegistrationResponse> {
    const member = await this.access.member(auth);
    const session = await this.access.session(member, sessionId);
    const resident = await this.resident(member, body.userId);
    this.assertWindow(session, new Date());
    // What the sign-up wrote (status, ticket and place on the list), without reading the registration again.
    const placed = await this.signup.enrol(session, resident.id, {
      proxyBy: member.user.id,
      already: () => conflict(ErrorCode.ALREADY_REGISTERED, `${resident.name} 已经报名了这场议事，可在签到名单中直接为其签到`),
    });
    const canCheckIn = body.checkIn && placed.status === 'confirmed' && this.checkInOpen(session, new Date());
    if (canCheckIn) {
      const done = await this.checkin.checkInRegistration({ ...placed, sessionId }, member.user.id);
      return { attendee: done.attendee, waitlistPosition: null, checkedIn: true, message: `已为 ${resident.name} 报名并签到` };
    }
    const row = (await this.repo.attendee(placed.id))!;
    const position = placed.position;
    const message = position !== null ? `座位已满，${resident.name} 已进入候补第 ${position} 位` : `已为 ${resident.name} 报名`;
    return { attendee: toAttendeeItem(row), waitlistPosition: position, checkedIn: false, message };
  }

  /** A grid worker serves their grid; community staff their whole community. */
  private scope(member: Member): { communityId: number; gridId: number | null } {
    return { communityId: member.communityId, gridId: member.user.role === 'grid_worker' ? member.user.gridId ?? -1 : null };
  }

  private async resident(member: Member, userId: number): Promise<UserEntity> {
    const { communityId, gridId } = this.scope(member);
    const user = await this.db.manager.findOne(UserEntity, { where: { id: userId, role: 'resident', communityId } });
    if (!user || (gridId !== null && user.gridId !== gridId)) {
      throw notFound(ErrorCode.RESIDENT_NOT_FOUND, gridId !== null ? '没有找到这位居民（只能为本网格的居民代办）' : '没有找到这位本社区的居民');
    }
    return user;
  }

  /** From when registration opens until check-in closes: a walk-in under the pavilion can still be registered. */
  private assertWindow(session: DeliberationSessionEntity, now: Date): void {
    if (session.status === 'cancelled') throw conflict(ErrorCode.SESSION_CANCELLED, '这场议事已经取消');
    if (now < new Date(session.opensAt)) throw conflict(ErrorCode.REGISTRATION_NOT_OPEN, '报名还没有开始');
    if (now > checkInWindow(new Date(session.startsAt), new Date(session.endsAt)).closesAt) throw conflict(ErrorCode.REGISTRATION_CLOSED, '这场议事已经结束，不能再报名');
  }

  private checkInOpen(session: DeliberationSessionEntity, now: Date): boolean {
    const { opensAt, closesAt } = checkInWindow(new Date(session.startsAt), new Date(session.endsAt));
    return opensAt <= now && now <= closesAt;
  }
}
