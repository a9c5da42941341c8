import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RegistrationItem } from '../../../../contracts/deliberation.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { dbDate } from '../../common/time';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { accessErrors, DeliberationAccess } from './deliberation-access';
import type { DeliberationSessionEntity } from './deliberation.entities';
import { sessionLink, toRegistrationItem } from './deliberation.mapper';
import { DeliberationRepository, newCheckInCode, type RegistrationValues, type SeatKind } from './deliberation.repository';

interface EnrolOptions {
  proxyBy: number | null;
  already: () => DomainException;
}

/** What a sign-up wrote: the registration, and (waiting) its place on the list when the ticket was taken. */
export interface Placement {
  id: number;
  status: 'confirmed' | 'waitlisted';
  seatKind: SeatKind | null;
  waitlistNo: number | null;
  position: number | null;
  checkInCode: string;
}

/** What cancelling and handing a seat over need of the session. */
type SessionRef = Pick<DeliberationSessionEntity, 'id' | 'communityId'>;

const alreadyRegistered = () => new DomainException(ErrorCode.ALREADY_REGISTERED, 409, '您已经报名了这场议事');

/**
 * Sign-up and cancellation. Seats are taken by a conditional update on the session (never more than its
 * capacity); a resident who finds it full gets the next waiting-list ticket; a cancellation hands its seat
 * to the first waiting resident in the same transaction.
 */
@Injectable()
export class DeliberationSignupService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationRepository,
    private readonly access: DeliberationAccess,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A resident's own sign-up: the hot path of a sign-up race. One read (member, session, my registration, am I a
   * representative), then the one transaction; the answer is built from what the transaction wrote.
   */
  async signUp(auth: AuthClaims, sessionId: number): Promise<RegistrationItem> {
    const ctx = await this.repo.signUpContext(auth.sub, sessionId);
    // The same checks, in the same order, as DeliberationAccess.member and .session.
    if (!ctx) throw accessErrors.unauthenticated();
    if (ctx.communityId === null) throw accessErrors.unitRequired();
    if (!ctx.session || ctx.session.communityId !== ctx.communityId) throw accessErrors.sessionNotFound();
    this.assertRegistrationOpen(ctx.session, new Date());
    if (ctx.registration && ctx.registration.status !== 'cancelled') throw alreadyRegistered();
    const placed = await this.place(ctx.session.id, auth.sub, ctx.registration, ctx.representative, { proxyBy: null, already: alreadyRegistered });
    return toRegistrationItem({ ...placed, sessionId: ctx.session.id, checkedInAt: null }, placed.position);
  }

  /**
   * Gives one resident of the session's community a seat, or else the next waiting-list ticket: the path for a
   * grid worker's 代办 (`proxyBy`); a resident's own sign-up reads the same facts in one query. The caller checks the time window.
   */
  async enrol(session: SessionRef, userId: number, opts: EnrolOptions): Promise<Placement> {
    const existing = await this.repo.findRegistration(session.id, userId);
    if (existing && existing.status !== 'cancelled') throw opts.already();
    const representative = await this.repo.isRepresentative(session.communityId, userId);
    return this.place(session.id, userId, existing, representative, opts);
  }

  /**
   * The transaction of a sign-up: a reserved seat (representatives), else an open seat, else the next ticket; then
   * the registration row (a new one, or the resident's cancelled one again). `existing` is their cancelled row, if any.
   */
  private async place(
    sessionId: number, userId: number, existing: { id: number; checkInCode: string } | null, representative: boolean, opts: EnrolOptions,
  ): Promise<Placement> {
    return this.db.transaction(async (m) => {
      const now = new Date();
      let seatKind: SeatKind | null = null;
      if (representative && (await this.repo.takeSeat(m, sessionId, 'reserved'))) seatKind = 'reserved';
      else if (await this.repo.takeSeat(m, sessionId, 'open')) seatKind = 'open';
      const ticket = seatKind ? null : await this.repo.nextWaitlistNo(m, sessionId);
      if (!seatKind && ticket === null) throw new DomainException(ErrorCode.SESSION_CANCELLED, 409, '这场议事已经取消');
      const v = {
        sessionId, userId, status: seatKind ? 'confirmed' : 'waitlisted', seatKind, waitlistNo: ticket?.waitlistNo ?? null,
        checkInCode: existing?.checkInCode ?? newCheckInCode(), proxyBy: opts.proxyBy,
      } satisfies RegistrationValues;
      let id: number;
      if (existing) {
        // Signing up again after cancelling: the same row (one registration per resident per session).
        if (!(await this.repo.signUpAgain(m, existing.id, v, now))) throw opts.already();
        id = existing.id;
      } else {
        try {
          id = await this.repo.insertRegistration(m, v, now);
        } catch (err) {
          if (isUniqueViolation(err)) throw opts.already();
          throw err;
        }
      }
      return { id, status: v.status, seatKind, waitlistNo: v.waitlistNo, position: ticket?.position ?? null, checkInCode: v.checkInCode };
    });
  }

  /** Cancels my registration before the start; a confirmed seat goes to the first waiting resident. */
  async withdraw(auth: AuthClaims, sessionId: number): Promise<RegistrationItem> {
    const member = await this.access.member(auth);
    const session = await this.access.session(member, sessionId);
    if (new Date(session.startsAt) <= new Date()) throw new DomainException(ErrorCode.SESSION_STARTED, 409, '议事已经开始，不能再取消报名');
    const userId = member.user.id;
    const withdrawn = await this.db.transaction(async (m) => {
      const now = new Date();
      await this.repo.lockSession(m, sessionId, now);
      const reg = await this.repo.findRegistration(sessionId, userId, m);
      if (!reg || reg.status === 'cancelled') throw this.notFound();
      if (reg.checkedInAt) throw new DomainException(ErrorCode.ALREADY_CHECKED_IN, 409, '您已经签到，不能再取消报名；如需离开请告诉工作人员');
      if (!(await this.cancelLocked(m, session, reg, now))) throw this.notFound();
      return reg;
    });
    // The row as the transition left it (cancelled, no seat), without reading it again.
    return toRegistrationItem({ ...withdrawn, status: 'cancelled', seatKind: null }, null);
  }

  /**
   * Cancels one registration inside the caller's transaction, the session row already locked (lockSession): a waiting
   * ticket leaves the list, a seat goes to the first waiting resident. False when it changed meanwhile (or was checked in).
   * Also used when a resident moves away or deletes their account (DeliberationMembershipRelease).
   */
  async cancelLocked(
    m: EntityManager, session: SessionRef, reg: { id: number; status: RegistrationItem['status']; seatKind: SeatKind | null }, now: Date,
  ): Promise<boolean> {
    if (!(await this.repo.transition(m, reg.id, reg.status, { status: 'cancelled', seatKind: null }, now))) return false;
    if (reg.status === 'waitlisted') await this.repo.leaveWaitlist(m, session.id);
    if (reg.status === 'confirmed' && reg.seatKind) await this.handOver(m, session, reg.seatKind, now);
    return true;
  }

  /**
   * A freed open seat goes to the first on the waiting list; a freed reserved seat to the first waiting
   * representative. With nobody to take it, the seat is released.
   */
  private async handOver(m: EntityManager, session: SessionRef, seatKind: SeatKind, now: Date): Promise<void> {
    const next = await this.repo.firstWaiting(m, session.id, seatKind === 'reserved' ? session.communityId : undefined);
    if (!next) {
      await this.repo.releaseSeat(m, session.id, seatKind);
      return;
    }
    if (!(await this.repo.transition(m, next.id, 'waitlisted', { status: 'confirmed', seatKind }, now))) {
      throw new DomainException(ErrorCode.REGISTRATION_NOT_FOUND, 409, '候补名单刚刚变化，请重试');
    }
    await this.repo.leaveWaitlist(m, session.id);
    await this.notifications.notify(m, {
      userId: next.userId, type: 'deliberation.promoted', title: '候补成功',
      body: '有居民取消了报名，您已从候补转为正式报名，请按时参加议事。', link: sessionLink(session.id),
    });
  }

  private assertRegistrationOpen(s: Pick<DeliberationSessionEntity, 'status'> & { opensAt: Date | string; closesAt: Date | string }, now: Date): void {
    if (s.status === 'cancelled') throw new DomainException(ErrorCode.SESSION_CANCELLED, 409, '这场议事已经取消');
    if (now < dbDate(s.opensAt)) throw new DomainException(ErrorCode.REGISTRATION_NOT_OPEN, 409, '报名还没有开始');
    if (now >= dbDate(s.closesAt)) throw new DomainException(ErrorCode.REGISTRATION_CLOSED, 409, '报名已经截止');
  }

  private notFound(): DomainException {
    return new DomainException(ErrorCode.REGISTRATION_NOT_FOUND, 404, '您没有报名这场议事');
  }
}
