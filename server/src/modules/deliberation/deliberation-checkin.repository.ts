import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { DeliberationRegistrationEntity } from './deliberation.entities';

/** A registration with the person behind it, as the attendance list and the check-in answer show it. */
export interface AttendeeRow {
  registrationId: number;
  sessionId: number;
  userId: number;
  name: string;
  phone: string | null;
  buildingName: string | null;
  unitName: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  seatKind: 'open' | 'reserved' | null;
  waitlistNo: number | null;
  checkedInAt: Date | string | null;
  attendance: 'present' | 'absent' | null;
  proxyBy: number | null;
  proxyByName: string | null;
}

export interface CandidateRow {
  userId: number;
  name: string;
  phone: string | null;
  buildingName: string | null;
  unitName: string | null;
  status: 'confirmed' | 'waitlisted' | null;
  checkedInAt: Date | string | null;
}

const ATTENDEE_SELECT = `
  SELECT r.id AS registrationId, r.session_id AS sessionId, r.user_id AS userId, u.name AS name, u.phone AS phone,
         b.name AS buildingName, un.name AS unitName, r.status AS status, r.seat_kind AS seatKind, r.waitlist_no AS waitlistNo,
         r.checked_in_at AS checkedInAt, r.attendance AS attendance, r.proxy_by AS proxyBy, p.name AS proxyByName
  FROM deliberation_registrations r
  JOIN users u ON u.id = r.user_id
  LEFT JOIN units un ON un.id = u.unit_id
  LEFT JOIN buildings b ON b.id = un.building_id
  LEFT JOIN users p ON p.id = r.proxy_by`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toAttendee = (r: AttendeeRow): AttendeeRow => ({
  ...r, registrationId: Number(r.registrationId), sessionId: Number(r.sessionId), userId: Number(r.userId),
  waitlistNo: num(r.waitlistNo), proxyBy: num(r.proxyBy),
});

/** Check-in, attendance and 代办 queries. Writes are single conditional statements; callers check affected rows. */
@Injectable()
export class DeliberationCheckinRepository {
  constructor(private readonly db: DatabaseService) {}

  findByCode(code: string): Promise<DeliberationRegistrationEntity | null> {
    return this.db.manager.findOne(DeliberationRegistrationEntity, { where: { checkInCode: code } });
  }

  findById(id: number): Promise<DeliberationRegistrationEntity | null> {
    return this.db.manager.findOne(DeliberationRegistrationEntity, { where: { id } });
  }

  async attendee(registrationId: number, m: EntityManager = this.db.manager): Promise<AttendeeRow | null> {
    const [row] = await m.query(`${ATTENDEE_SELECT} WHERE r.id = ?`, [registrationId]);
    return row ? toAttendee(row) : null;
  }

  /** Confirmed registrations of a session: checked in first (latest first), then by name. */
  async confirmed(sessionId: number): Promise<AttendeeRow[]> {
    const rows: AttendeeRow[] = await this.db.manager.query(
      `${ATTENDEE_SELECT} WHERE r.session_id = ? AND r.status = 'confirmed'
       ORDER BY CASE WHEN r.checked_in_at IS NULL THEN 1 ELSE 0 END, r.checked_in_at DESC, u.name, r.id`,
      [sessionId],
    );
    return rows.map(toAttendee);
  }

  /**
   * Checks a confirmed registration in, once: the WHERE makes a second (or concurrent) check-in change nothing.
   * A registration already marked absent (session over) turns present on a late check-in the same day.
   */
  async checkIn(m: EntityManager, registrationId: number, by: number, now: Date): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(DeliberationRegistrationEntity)
      .set({ checkedInAt: now, checkedInBy: by, attendance: 'present', updatedAt: now })
      .where("id = :registrationId AND status = 'confirmed' AND checked_in_at IS NULL", { registrationId })
      .execute();
    return affectedRows(r) === 1;
  }

  /**
   * No-shows: confirmed registrations of sessions that ended (after `since`, up to `now`) without a check-in
   * are marked absent. Idempotent; a check-in racing with it wins (it sets attendance itself).
   */
  async markAbsent(m: EntityManager, since: Date, now: Date): Promise<number> {
    if (!m.queryRunner) throw new Error('markAbsent runs inside a transaction');
    const r = await m.queryRunner.query(
      `UPDATE deliberation_registrations SET attendance = 'absent', updated_at = ?
       WHERE status = 'confirmed' AND checked_in_at IS NULL AND attendance IS NULL
         AND session_id IN (SELECT id FROM deliberation_sessions WHERE status = 'scheduled' AND ends_at > ? AND ends_at <= ?)`,
      [this.db.dateParam(now), this.db.dateParam(since), this.db.dateParam(now)],
      true,
    );
    return affectedRows(r);
  }

  /** Residents a worker may register: of one grid (grid worker) or a whole community (staff), with their registration for the session. */
  async candidates(sessionId: number, scope: { communityId: number; gridId: number | null }, q: string | undefined, limit: number): Promise<CandidateRow[]> {
    const params: unknown[] = [sessionId, scope.communityId];
    let where = "u.role = 'resident' AND u.community_id = ?";
    if (scope.gridId !== null) {
      where += ' AND u.grid_id = ?';
      params.push(scope.gridId);
    }
    if (q) {
      where += " AND u.name LIKE ? ESCAPE '!'";
      params.push(`%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`);
    }
    const rows: CandidateRow[] = await this.db.manager.query(
      `SELECT u.id AS userId, u.name AS name, u.phone AS phone, b.name AS buildingName, un.name AS unitName,
              r.status AS status, r.checked_in_at AS checkedInAt
       FROM users u
       LEFT JOIN units un ON un.id = u.unit_id
       LEFT JOIN buildings b ON b.id = un.building_id
       LEFT JOIN deliberation_registrations r ON r.session_id = ? AND r.user_id = u.id AND r.status IN ('confirmed', 'waitlisted')
       WHERE ${where}
       ORDER BY u.name, u.id
       LIMIT ${Math.max(1, Math.min(limit, 100))}`,
      params,
    );
    return rows.map((r) => ({ ...r, userId: Number(r.userId) }));
  }
}
