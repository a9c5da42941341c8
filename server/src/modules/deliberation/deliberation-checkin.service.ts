import { Injectable } from '@nestjs/common';
import type { AttendanceResponse, CheckInRequest, CheckInResponse } from '../../../../contracts/deliberation-votes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException, notFound } from '../../common/domain-exception';
import { toIso } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { DeliberationAccess, type Member } from './deliberation-access';
import { toAttendeeItem } from './deliberation-checkin.mapper';
import { DeliberationCheckinRepository, type AttendeeRow } from './deliberation-checkin.repository';
import { checkInWindow, chinaClock, chinaDay, normaliseCode } from './deliberation-checkin.time';
import type { DeliberationRegistrationEntity, DeliberationSessionEntity } from './deliberation.entities';
import { DeliberationRepository } from './deliberation.repository';

const codeNotFound = () => notFound(ErrorCode.CHECK_IN_CODE_NOT_FOUND, '没有找到这个签到码，请核对后重试');

/**
 * Check-in at the pavilion (staff scan or type the code) and the attendance list. A registration is checked
 * in once: the conditional UPDATE (checked_in_at IS NULL) makes repeated or concurrent scans count once.
 */
@Injectable()
export class DeliberationCheckinService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: DeliberationAccess,
    private readonly repo: DeliberationCheckinRepository,
    private readonly sessions: DeliberationRepository,
  ) {}

  async checkIn(auth: AuthClaims, sessionId: number, body: CheckInRequest): Promise<CheckInResponse> {
    const member = await this.access.member(auth);
    const session = await this.access.session(member, sessionId);
    this.assertCheckInOpen(session, new Date());
    const reg = await this.findRegistration(member, session, body);
    return this.checkInRegistration(reg, member.user.id);
  }

  /** Checks one registration of an open session in (also used right after a 代办 registration). */
  async checkInRegistration(reg: Pick<DeliberationRegistrationEntity, 'id' | 'sessionId' | 'status' | 'waitlistNo'>, by: number): Promise<CheckInResponse> {
    if (reg.status === 'waitlisted') {
      const position = reg.waitlistNo !== null ? await this.sessions.waitlistPosition(reg.sessionId, reg.waitlistNo) : null;
      throw conflict(ErrorCode.CHECK_IN_WAITLISTED, `这位居民还在候补名单上${position ? `（第 ${position} 位）` : ''}，没有座位，不能签到`);
    }
    if (reg.status === 'cancelled') throw conflict(ErrorCode.CHECK_IN_CANCELLED, '这位居民已经取消了报名，不能签到');
    const fresh = await this.db.transaction((m) => this.repo.checkIn(m, reg.id, by, new Date()));
    const row = (await this.repo.attendee(reg.id))!;
    if (!fresh && row.status !== 'confirmed') return this.checkInRegistration({ ...reg, status: row.status, waitlistNo: row.waitlistNo }, by);
    const at = row.checkedInAt ? new Date(toIso(row.checkedInAt)!) : new Date();
    return {
      attendee: toAttendeeItem(row),
      alreadyCheckedIn: !fresh,
      message: fresh ? `${row.name} 签到成功` : `${row.name} 已于 ${chinaClock(at)} 签到过了，不重复计数`,
    };
  }

  async attendance(auth: AuthClaims, sessionId: number): Promise<AttendanceResponse> {
    const member = await this.access.member(auth);
    const session = await this.access.session(member, sessionId);
    const rows = await this.repo.confirmed(sessionId);
    const now = new Date();
    const { opensAt, closesAt } = checkInWindow(new Date(session.startsAt), new Date(session.endsAt));
    const count = (p: (r: AttendeeRow) => boolean) => rows.filter(p).length;
    const pending = count((r) => r.checkedInAt === null && r.attendance !== 'absent');
    return {
      sessionId, startsAt: toIso(session.startsAt)!, endsAt: toIso(session.endsAt)!, checkInOpensAt: opensAt.toISOString(), checkInClosesAt: closesAt.toISOString(),
      checkInOpen: session.status === 'scheduled' && opensAt <= now && now <= closesAt,
      absencesRecorded: new Date(session.endsAt) <= now && pending === 0,
      counts: {
        confirmed: rows.length, present: count((r) => r.checkedInAt !== null), absent: count((r) => r.checkedInAt === null && r.attendance === 'absent'),
        pending, waitlisted: session.waitlistCount, proxy: count((r) => r.proxyBy !== null),
      },
      attendees: rows.map(toAttendeeItem),
    };
  }

  assertCheckInOpen(session: DeliberationSessionEntity, now: Date): void {
    if (session.status === 'cancelled') throw conflict(ErrorCode.SESSION_CANCELLED, '这场议事已经取消');
    const { opensAt, closesAt } = checkInWindow(new Date(session.startsAt), new Date(session.endsAt));
    if (now < opensAt) throw conflict(ErrorCode.CHECK_IN_NOT_OPEN, `签到还没有开始，${chinaDay(opensAt)} ${chinaClock(opensAt)} 起可以签到`);
    if (now > closesAt) throw conflict(ErrorCode.CHECK_IN_CLOSED, '签到已经结束');
  }

  /** By code (any community's code not of mine is "not found") or by registration id from the list. */
  private async findRegistration(member: Member, session: DeliberationSessionEntity, body: CheckInRequest): Promise<DeliberationRegistrationEntity> {
    if (body.registrationId !== undefined) {
      const reg = await this.repo.findById(body.registrationId);
      if (!reg || reg.sessionId !== session.id) throw new DomainException(ErrorCode.REGISTRATION_NOT_FOUND, 404, '这场议事没有这条报名');
      return reg;
    }
    const code = normaliseCode(body.code ?? '');
    const reg = code.length >= 6 && code.length <= 16 ? await this.repo.findByCode(code) : null;
    if (!reg) throw codeNotFound();
    if (reg.sessionId === session.id) return reg;
    const other = await this.sessions.findSession(reg.sessionId);
    if (!other || other.communityId !== member.communityId) throw codeNotFound();
    throw conflict(ErrorCode.CHECK_IN_WRONG_SESSION, `这是 ${chinaDay(new Date(other.startsAt))} ${chinaClock(new Date(other.startsAt))} 那场议事的签到码，不是本场的`);
  }
}
