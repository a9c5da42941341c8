import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service';
import { attendance, marks, type AttendanceSource } from '../figures/figures-scope';
import type { ActiveRow, ActivityRow, LedgerRow, RequestRow, TeamRow, Teams, VolunteerStatusRow } from './volunteer-figures.calc';

const TEAM_ACTIVITIES: AttendanceSource = {
  events: 'team_activities', at: 'starts_at', signups: 'team_activity_signups', eventKey: 'activity_id', live: 'signed_up', as: ['signups', 'attended'],
};

/** A credit, or a reversal of a credit (redemptions and their reversals are not service hours). */
const CREDIT_OR_ITS_REVERSAL = "(t.kind = 'credit' OR (t.kind = 'reversal' AND o.kind = 'credit'))";

/**
 * The 小红帽 figures' SQL: one grouped query per kind of row for all the area's communities (no query per community
 * or per request), `?` parameters only, no date functions (instants and days are parameters), valid on SQLite and MariaDB.
 */
@Injectable()
export class VolunteerFiguresRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Help requests posted in [start, end), with the instant of their first seat (claimed or dispatched). */
  requests(ids: number[], start: Date, end: Date): Promise<RequestRow[]> {
    return this.db.manager.query(
      `SELECT r.community_id AS communityId, r.status, r.created_at AS createdAt, r.confirmed_at AS confirmedAt, r.rating,
              CASE WHEN r.proxy_name IS NOT NULL THEN 1 ELSE 0 END AS proxy,
              (SELECT MIN(a.created_at) FROM help_request_assignments a WHERE a.request_id = r.id) AS firstSeatAt
         FROM help_requests r
        WHERE r.community_id IN (${marks(ids)}) AND r.created_at >= ? AND r.created_at < ?`,
      [...ids, this.db.dateParam(start), this.db.dateParam(end)],
    );
  }

  /** Volunteer applications per community and status, now. */
  statuses(ids: number[]): Promise<VolunteerStatusRow[]> {
    return this.db.manager.query(
      `SELECT community_id AS communityId, status, COUNT(*) AS n FROM volunteers WHERE community_id IN (${marks(ids)}) GROUP BY community_id, status`,
      ids,
    );
  }

  /** Net volunteer-side minutes of credits (and their reversals) with a service day in [from, to], per community, volunteer and team. */
  ledger(ids: number[], from: string, to: string): Promise<LedgerRow[]> {
    return this.db.manager.query(
      `SELECT t.community_id AS communityId, t.volunteer_id AS volunteerId, t.team_id AS teamId, SUM(e.amount_minutes) AS minutes
         FROM timebank_transactions t
         JOIN timebank_entries e ON e.transaction_id = t.id
         JOIN timebank_accounts a ON a.id = e.account_id AND a.kind = 'volunteer'
         LEFT JOIN timebank_transactions o ON o.id = t.reverses_id
        WHERE t.community_id IN (${marks(ids)}) AND t.service_date >= ? AND t.service_date <= ? AND ${CREDIT_OR_ITS_REVERSAL}
        GROUP BY t.community_id, t.volunteer_id, t.team_id`,
      [...ids, from, to],
    );
  }

  /** Volunteers with at least one credit not reversed whose service day is in [from, to]. */
  active(ids: number[], from: string, to: string): Promise<ActiveRow[]> {
    return this.db.manager.query(
      `SELECT DISTINCT t.community_id AS communityId, t.volunteer_id AS volunteerId
         FROM timebank_transactions t
        WHERE t.community_id IN (${marks(ids)}) AND t.kind = 'credit' AND t.service_date >= ? AND t.service_date <= ?
          AND NOT EXISTS (SELECT 1 FROM timebank_transactions r WHERE r.kind = 'reversal' AND r.reverses_id = t.id)`,
      [...ids, from, to],
    );
  }

  /** Team activities not cancelled that started in [start, until), with sign-ups not withdrawn and how many checked in. */
  activities(ids: number[], start: Date, until: Date): Promise<ActivityRow[]> {
    return attendance(this.db.manager, (d) => this.db.dateParam(d), TEAM_ACTIVITIES, ids, start, until);
  }

  /** The teams of the communities and of their street (street-level teams), with who belongs to which. */
  async teams(ids: number[], streetId: number): Promise<Teams> {
    const where = `(vt.community_id IN (${marks(ids)}) OR (vt.community_id IS NULL AND vt.street_id = ?))`;
    const [teams, members] = await Promise.all([
      this.db.manager.query(`SELECT vt.id, vt.name, vt.community_id AS communityId FROM volunteer_teams vt WHERE ${where} ORDER BY vt.id`, [...ids, streetId]),
      this.db.manager.query(
        `SELECT m.team_id AS teamId, m.user_id AS userId FROM volunteer_team_members m JOIN volunteer_teams vt ON vt.id = m.team_id WHERE ${where}`,
        [...ids, streetId],
      ),
    ]) as [{ id: number; name: string; communityId: number | null }[], { teamId: number; userId: number }[]];
    const of = new Map<number, number[]>();
    for (const m of members) of.set(Number(m.userId), [...(of.get(Number(m.userId)) ?? []), Number(m.teamId)]);
    const all: TeamRow[] = teams.map((t) => ({ id: Number(t.id), name: t.name, communityId: t.communityId === null ? null : Number(t.communityId) }));
    return { all, of };
  }
}
