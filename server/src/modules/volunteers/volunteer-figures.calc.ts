import type { TeamMinutes, VolunteerCounts } from '../../../../contracts/volunteer-figures.contract';
import { dbDate } from '../../common/time';
import { median as middle, rate } from '../figures/figures.calc';

/**
 * The arithmetic of the 小红帽 figures, pure: the database returns rows, everything is counted here the same way on
 * SQLite and MariaDB (durations are computed from the instants, not by SQL date functions).
 * Definitions: contracts/volunteer-figures.contract.ts.
 */

type Instant = Date | string;

/** A help request posted in the period, with the instant of its first seat (any assignment, null if none). */
export interface RequestRow {
  communityId: number;
  status: string;
  createdAt: Instant;
  confirmedAt: Instant | null;
  firstSeatAt: Instant | null;
  rating: number | string | null;
  proxy: number | string;
}

/** How many volunteer applications of a community are in one status now. */
export interface VolunteerStatusRow {
  communityId: number;
  status: string;
  n: number | string;
}

/** Net volunteer-side minutes of one volunteer for one team (null: the credit names no team) in one community. */
export interface LedgerRow {
  communityId: number;
  volunteerId: number;
  teamId: number | null;
  minutes: number | string;
}

/** A volunteer with at least one credit not reversed in the period, in one community. */
export interface ActiveRow {
  communityId: number;
  volunteerId: number;
}

/** A team activity held in the period, with its sign-ups not withdrawn and how many of them checked in. */
export interface ActivityRow {
  communityId: number;
  signups: number | string | null;
  attended: number | string | null;
}

export interface TeamRow {
  id: number;
  name: string;
  /** null: a street-level team. */
  communityId: number | null;
}

export interface FigureRows {
  requests: RequestRow[];
  statuses: VolunteerStatusRow[];
  ledger: LedgerRow[];
  active: ActiveRow[];
  activities: ActivityRow[];
}

/** The area's teams and who belongs to which (user id -> team ids), for hoursByTeam. */
export interface Teams {
  all: TeamRow[];
  of: Map<number, number[]>;
}

export const NO_TEAM_NAME = '未入队';
const FINAL = ['confirmed', 'expired', 'cancelled'];
const HOUR_MS = 3600_000;

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** The middle value (figures.calc.ts), rounded to one decimal; null for none. */
export function median(xs: readonly number[]): number | null {
  const mid = middle(xs);
  return mid === null ? null : oneDecimal(mid);
}

export function average(xs: readonly number[]): number | null {
  return xs.length ? oneDecimal(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
}

const hoursBetween = (from: Instant, to: Instant) => (dbDate(to).getTime() - dbDate(from).getTime()) / HOUR_MS;

/** Only the rows of one community (or all of them for the street's totals). */
export function rowsOf(rows: FigureRows, communityId: number | null): FigureRows {
  if (communityId === null) return rows;
  const mine = <T extends { communityId: number }>(xs: T[]) => xs.filter((r) => Number(r.communityId) === communityId);
  return { requests: mine(rows.requests), statuses: mine(rows.statuses), ledger: mine(rows.ledger), active: mine(rows.active), activities: mine(rows.activities) };
}

/**
 * Minutes by team, most first: a credit naming a team counts for it; any other for each of the volunteer's teams, or
 * for 未入队. `listed` teams always appear (0 when idle); other teams and 未入队 only with minutes.
 */
export function minutesByTeam(ledger: readonly LedgerRow[], teams: Teams, listed: readonly TeamRow[]): TeamMinutes[] {
  const sums = new Map<number | null, number>();
  const add = (team: number | null, minutes: number) => sums.set(team, (sums.get(team) ?? 0) + minutes);
  for (const r of ledger) {
    const minutes = Number(r.minutes);
    if (r.teamId !== null) add(Number(r.teamId), minutes);
    else {
      const own = teams.of.get(Number(r.volunteerId)) ?? [];
      if (own.length) own.forEach((t) => add(t, minutes));
      else add(null, minutes);
    }
  }
  const names = new Map(teams.all.map((t) => [t.id, t.name]));
  const out = new Map<number | null, TeamMinutes>(listed.map((t) => [t.id, { teamId: t.id, name: t.name, minutes: 0 }]));
  for (const [teamId, minutes] of sums) {
    if (minutes === 0 && !out.has(teamId)) continue;
    out.set(teamId, { teamId, name: teamId === null ? NO_TEAM_NAME : names.get(teamId) ?? `队伍 ${teamId}`, minutes });
  }
  return [...out.values()].sort((a, b) => b.minutes - a.minutes || (a.teamId === null ? 1 : 0) - (b.teamId === null ? 1 : 0) || (a.teamId ?? 0) - (b.teamId ?? 0));
}

export function countVolunteers(rows: FigureRows, teams: Teams, listed: readonly TeamRow[]): VolunteerCounts {
  const req = rows.requests;
  const count = (status: string) => req.filter((r) => r.status === status).length;
  const confirmed = req.filter((r) => r.status === 'confirmed' && r.confirmedAt !== null);
  const seated = req.filter((r) => r.firstSeatAt !== null);
  const toConfirm = confirmed.map((r) => hoursBetween(r.createdAt, r.confirmedAt!));
  const toFirst = seated.map((r) => hoursBetween(r.createdAt, r.firstSeatAt!));
  const ratings = req.filter((r) => r.rating !== null).map((r) => Number(r.rating));
  const proxy = req.filter((r) => Number(r.proxy) === 1).length;
  const final = req.filter((r) => FINAL.includes(r.status)).length;
  const inStatus = (status: string) => rows.statuses.filter((s) => s.status === status).reduce((sum, s) => sum + Number(s.n), 0);
  const signups = rows.activities.reduce((s, a) => s + Number(a.signups ?? 0), 0);
  const attended = rows.activities.reduce((s, a) => s + Number(a.attended ?? 0), 0);
  return {
    requestsPosted: req.length,
    requestsConfirmed: count('confirmed'),
    requestsOpen: req.filter((r) => !FINAL.includes(r.status)).length,
    requestsExpired: count('expired'),
    requestsCancelled: count('cancelled'),
    fulfilmentRate: rate(count('confirmed'), final),
    medianHoursToConfirm: median(toConfirm),
    averageHoursToConfirm: average(toConfirm),
    medianHoursToFirstVolunteer: median(toFirst),
    averageHoursToFirstVolunteer: average(toFirst),
    rated: ratings.length,
    averageRating: average(ratings),
    proxyPosted: proxy,
    proxyShare: rate(proxy, req.length),
    volunteersApproved: inStatus('approved'),
    volunteersApplied: inStatus('applied'),
    volunteersActive: new Set(rows.active.map((a) => Number(a.volunteerId))).size,
    creditedMinutes: rows.ledger.reduce((s, r) => s + Number(r.minutes), 0),
    hoursByTeam: minutesByTeam(rows.ledger, teams, listed),
    activitiesHeld: rows.activities.length,
    activitySignups: signups,
    activityAttended: attended,
    attendanceRate: rate(attended, signups),
  };
}
