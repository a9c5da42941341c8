import { Injectable } from '@nestjs/common';
import { randomFillSync } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { RegistrationStatus, SessionStatus } from '../../../../contracts/deliberation.contract';
import { affectedRows, changedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import {
  DeliberationRegistrationEntity, DeliberationRepresentativeEntity, DeliberationSeriesEntity, DeliberationSessionEntity,
} from './deliberation.entities';

export type SeatKind = 'open' | 'reserved';

/**
 * Check-in codes: 10 characters without look-alikes (no 0/O, 1/I), ~50 bits. The random bytes come from a pool
 * filled by the CSPRNG 400 codes at a time (each byte used once; 32 letters divide 256, so no modulo bias).
 */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
const randomPool = Buffer.alloc(CODE_LENGTH * 400);
let randomAt = randomPool.length;
export function newCheckInCode(): string {
  if (randomAt + CODE_LENGTH > randomPool.length) {
    randomFillSync(randomPool);
    randomAt = 0;
  }
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomPool[randomAt++] % CODE_ALPHABET.length];
  return code;
}

// ---- The sign-up hot path as SQL text, exported so the benchmark's bare handler runs exactly these statements.
// ---- Each conditional UPDATE carries the invariant in its WHERE; callers check the affected rows.

/**
 * Everything a resident's sign-up needs, in one read: their community, the session, their registration for it
 * (if any) and whether they are one of the session's community's representatives — counted only while their unit is
 * confirmed (issue 10: an unconfirmed resident takes an open seat or a ticket, never a reserved one). Parameters: session id, user id.
 */
export const SIGN_UP_CONTEXT_SQL = `SELECT u.community_id AS communityId,
       s.id AS sessionId, s.community_id AS sessionCommunityId, s.status AS sessionStatus, s.opens_at AS opensAt, s.closes_at AS closesAt,
       r.id AS registrationId, r.status AS registrationStatus, r.check_in_code AS checkInCode,
       (SELECT COUNT(*) FROM deliberation_representatives p WHERE p.community_id = s.community_id AND p.user_id = u.id AND u.unit_confirmed = 1) AS representative
  FROM users u
  LEFT JOIN deliberation_sessions s ON s.id = ?
  LEFT JOIN deliberation_registrations r ON r.session_id = s.id AND r.user_id = u.id
 WHERE u.id = ?`;
export const TAKE_SEAT_SQL: Record<SeatKind, string> = {
  open: "UPDATE deliberation_sessions SET taken = taken + 1 WHERE id = ? AND status = 'scheduled' AND taken < capacity",
  reserved: "UPDATE deliberation_sessions SET reserved_taken = reserved_taken + 1 WHERE id = ? AND status = 'scheduled' AND reserved_taken < reserved_capacity",
};
/** A new waiting-list ticket: the next number, and one more on the list (`waitlist_count` = registrations waiting now). */
export const NEXT_WAITLIST_SQL =
  "UPDATE deliberation_sessions SET waitlist_seq = waitlist_seq + 1, waitlist_count = waitlist_count + 1 WHERE id = ? AND status = 'scheduled'";
/** Read right after NEXT_WAITLIST_SQL in its transaction: the ticket just taken and the place it gives (everyone else waits on a lower ticket). */
export const WAITLIST_SEQ_SQL = 'SELECT waitlist_seq AS seq, waitlist_count AS waiting FROM deliberation_sessions WHERE id = ?';
/** One fewer on the waiting list (promoted or withdrawn), in the same transaction as the registration's change. */
export const LEAVE_WAITLIST_SQL = 'UPDATE deliberation_sessions SET waitlist_count = waitlist_count - 1 WHERE id = ?';
export const INSERT_REGISTRATION_SQL =
  'INSERT INTO deliberation_registrations (session_id, user_id, status, seat_kind, waitlist_no, check_in_code, proxy_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Signing up again after cancelling: the same row, only while it is still cancelled (and never checked in). */
export const SIGN_UP_AGAIN_SQL =
  "UPDATE deliberation_registrations SET status = ?, seat_kind = ?, waitlist_no = ?, proxy_by = ?, updated_at = ? WHERE id = ? AND status = 'cancelled' AND checked_in_at IS NULL";

export interface RegistrationValues {
  sessionId: number;
  userId: number;
  status: RegistrationStatus;
  seatKind: SeatKind | null;
  waitlistNo: number | null;
  checkInCode: string;
  proxyBy: number | null;
}

export function registrationInsertParams(v: RegistrationValues, at: Date | string): unknown[] {
  return [v.sessionId, v.userId, v.status, v.seatKind, v.waitlistNo, v.checkInCode, v.proxyBy, at, at];
}

export function signUpAgainParams(registrationId: number, v: Pick<RegistrationValues, 'status' | 'seatKind' | 'waitlistNo' | 'proxyBy'>, at: Date | string): unknown[] {
  return [v.status, v.seatKind, v.waitlistNo, v.proxyBy, at, registrationId];
}

/** What SIGN_UP_CONTEXT_SQL found; null when the user does not exist. */
export interface SignUpContext {
  communityId: number | null;
  session: { id: number; communityId: number; status: SessionStatus; opensAt: Date | string; closesAt: Date | string } | null;
  registration: { id: number; status: RegistrationStatus; checkInCode: string } | null;
  representative: boolean;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));


/** Every write here is a single statement whose WHERE carries the invariant; callers check the affected rows. */
@Injectable()
export class DeliberationRepository {
  constructor(private readonly db: DatabaseService) {}

  findSeries(id: number, m: EntityManager = this.db.manager): Promise<DeliberationSeriesEntity | null> {
    return m.findOne(DeliberationSeriesEntity, { where: { id } });
  }

  findSession(id: number, m: EntityManager = this.db.manager): Promise<DeliberationSessionEntity | null> {
    return m.findOne(DeliberationSessionEntity, { where: { id } });
  }

  findRegistration(sessionId: number, userId: number, m: EntityManager = this.db.manager): Promise<DeliberationRegistrationEntity | null> {
    return m.findOne(DeliberationRegistrationEntity, { where: { sessionId, userId } });
  }

  /** A representative of the community whose unit is confirmed (the only ones who take reserved seats). */
  async isRepresentative(communityId: number, userId: number): Promise<boolean> {
    const [row] = await this.db.manager.query(
      `SELECT COUNT(*) AS n FROM deliberation_representatives p JOIN users u ON u.id = p.user_id AND u.unit_confirmed = 1
        WHERE p.community_id = ? AND p.user_id = ?`, [communityId, userId]);
    return Number(row?.n ?? 0) > 0;
  }

  /** One read for a resident's own sign-up (see SIGN_UP_CONTEXT_SQL); null when the user does not exist. */
  async signUpContext(userId: number, sessionId: number): Promise<SignUpContext | null> {
    const [row] = await this.db.manager.query(SIGN_UP_CONTEXT_SQL, [sessionId, userId]);
    if (!row) return null;
    return {
      communityId: num(row.communityId),
      session: row.sessionId === null ? null : {
        id: Number(row.sessionId), communityId: Number(row.sessionCommunityId), status: row.sessionStatus, opensAt: row.opensAt, closesAt: row.closesAt,
      },
      registration: row.registrationId === null ? null : {
        id: Number(row.registrationId), status: row.registrationStatus, checkInCode: row.checkInCode,
      },
      representative: Number(row.representative) > 0,
    };
  }

  /** Creates one scheduled session; false when it already exists (unique series_id + slot_at). */
  async insertSessionOnce(values: Omit<DeliberationSessionEntity, 'id'>): Promise<boolean> {
    try {
      await this.db.transaction((m) => m.insert(DeliberationSessionEntity, values));
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Takes one seat of a kind if one is free and the session still takes place. */
  async takeSeat(m: EntityManager, sessionId: number, kind: SeatKind): Promise<boolean> {
    return (await changedRows(m, TAKE_SEAT_SQL[kind], [sessionId])) === 1;
  }

  async releaseSeat(m: EntityManager, sessionId: number, kind: SeatKind): Promise<void> {
    await m
      .createQueryBuilder()
      .update(DeliberationSessionEntity)
      .set(kind === 'open' ? { taken: () => 'taken - 1' } : { reservedTaken: () => 'reserved_taken - 1' })
      .where(`id = :sessionId AND ${kind === 'open' ? 'taken' : 'reserved_taken'} > 0`, { sessionId })
      .execute();
  }

  /**
   * The next waiting-list ticket of a session (1, 2, 3, … in arrival order) and the place it gives on the list
   * (everyone waiting holds a lower ticket, so it is the number waiting now), or null if the session was cancelled.
   * The increment locks the session row (MariaDB) or runs in the one writer (SQLite), so the read sees our own values.
   */
  async nextWaitlistNo(m: EntityManager, sessionId: number): Promise<{ waitlistNo: number; position: number } | null> {
    if ((await changedRows(m, NEXT_WAITLIST_SQL, [sessionId])) !== 1) return null;
    const [row] = await m.query(WAITLIST_SEQ_SQL, [sessionId]);
    return { waitlistNo: Number(row.seq), position: Number(row.waiting) };
  }

  /** A registration left the waiting list (promoted or withdrawn): inside the transaction that changed it. */
  async leaveWaitlist(m: EntityManager, sessionId: number): Promise<void> {
    if ((await changedRows(m, LEAVE_WAITLIST_SQL, [sessionId])) !== 1) throw new Error(`session ${sessionId} not found while leaving its waiting list`);
  }

  /** Takes the session row's lock first, so every change to one session's seats and queue runs one at a time (MariaDB). */
  async lockSession(m: EntityManager, sessionId: number, now: Date): Promise<void> {
    await m.createQueryBuilder().update(DeliberationSessionEntity).set({ updatedAt: now }).where('id = :sessionId', { sessionId }).execute();
  }

  async insertRegistration(m: EntityManager, v: RegistrationValues, now: Date): Promise<number> {
    return this.db.insert(m, INSERT_REGISTRATION_SQL, registrationInsertParams(v, this.db.dateParam(now)));
  }

  /** Re-activates a cancelled registration (see SIGN_UP_AGAIN_SQL); false if it is no longer cancelled. */
  async signUpAgain(m: EntityManager, registrationId: number, v: Pick<RegistrationValues, 'status' | 'seatKind' | 'waitlistNo' | 'proxyBy'>, now: Date): Promise<boolean> {
    return (await changedRows(m, SIGN_UP_AGAIN_SQL, signUpAgainParams(registrationId, v, this.db.dateParam(now)))) === 1;
  }

  /** Moves a registration from one status to another only if nobody changed it meanwhile. */
  async transition(
    m: EntityManager, id: number, from: RegistrationStatus, to: { status: RegistrationStatus; seatKind: SeatKind | null; waitlistNo?: number | null }, now: Date,
  ): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(DeliberationRegistrationEntity)
      .set({ status: to.status, seatKind: to.seatKind, ...(to.waitlistNo === undefined ? {} : { waitlistNo: to.waitlistNo }), updatedAt: now })
      // A checked-in registration never changes status (attendance counts stay true).
      .where('id = :id AND status = :from AND checked_in_at IS NULL', { id, from })
      .execute();
    return affectedRows(r) === 1;
  }

  /** The first on the waiting list (lowest ticket); with `representativesOf`, only that community's representatives whose unit is confirmed. */
  async firstWaiting(m: EntityManager, sessionId: number, representativesOf?: number): Promise<{ id: number; userId: number } | null> {
    const qb = m
      .createQueryBuilder(DeliberationRegistrationEntity, 'r')
      .select(['r.id', 'r.userId'])
      .where("r.session_id = :sessionId AND r.status = 'waitlisted'", { sessionId })
      .orderBy('r.waitlist_no', 'ASC')
      .limit(1);
    if (representativesOf !== undefined) {
      qb.innerJoin(DeliberationRepresentativeEntity, 'rep', 'rep.user_id = r.user_id AND rep.community_id = :c', { c: representativesOf })
        .innerJoin(UserEntity, 'ru', 'ru.id = r.user_id AND ru.unit_confirmed = :yes', { yes: true });
    }
    const row = await qb.getOne();
    return row ? { id: row.id, userId: row.userId } : null;
  }

  /** User ids of everyone registered (confirmed or waiting) for a session. */
  async registeredUsers(m: EntityManager, sessionId: number): Promise<number[]> {
    const rows = await m.find(DeliberationRegistrationEntity, { where: { sessionId, status: In(['confirmed', 'waitlisted']) }, select: { id: true, userId: true } });
    return rows.map((r) => r.userId);
  }

  async cancelSession(m: EntityManager, sessionId: number, reason: string, now: Date): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(DeliberationSessionEntity)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: now })
      .where("id = :sessionId AND status = 'scheduled'", { sessionId })
      .execute();
    return affectedRows(r) === 1;
  }

  async moveSession(m: EntityManager, sessionId: number, patch: Pick<DeliberationSessionEntity, 'startsAt' | 'endsAt' | 'opensAt' | 'closesAt' | 'place'>, now: Date): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(DeliberationSessionEntity)
      .set({ ...patch, updatedAt: now })
      .where("id = :sessionId AND status = 'scheduled'", { sessionId })
      .execute();
    return affectedRows(r) === 1;
  }

  /**
   * A user's place on each waiting list they are on, for many sessions in one query (session id -> place):
   * the number waiting on the same session with a ticket no later than theirs.
   */
  async waitlistPositions(userId: number, sessionIds: number[]): Promise<Map<number, number>> {
    if (!sessionIds.length) return new Map();
    const rows: { sessionId: number; n: number }[] = await this.db.manager
      .createQueryBuilder(DeliberationRegistrationEntity, 'mine')
      .innerJoin(DeliberationRegistrationEntity, 'w', "w.session_id = mine.session_id AND w.status = 'waitlisted' AND w.waitlist_no <= mine.waitlist_no")
      .select('mine.session_id', 'sessionId')
      .addSelect('COUNT(*)', 'n')
      .where("mine.user_id = :userId AND mine.session_id IN (:...sessionIds) AND mine.status = 'waitlisted'", { userId, sessionIds })
      .groupBy('mine.session_id')
      .getRawMany();
    return new Map(rows.map((r) => [Number(r.sessionId), Number(r.n)]));
  }

  async waitlistPosition(sessionId: number, waitlistNo: number): Promise<number> {
    return this.db.manager
      .createQueryBuilder(DeliberationRegistrationEntity, 'r')
      .where("r.session_id = :sessionId AND r.status = 'waitlisted' AND r.waitlist_no <= :waitlistNo", { sessionId, waitlistNo })
      .getCount();
  }
}
