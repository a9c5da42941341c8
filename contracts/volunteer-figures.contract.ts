import { z } from 'zod';
import { areaPeriodQuerySchema } from './figures.contract';

/**
 * 小红帽 figures (统计) of a community or a street over a period of days: help requests (微心愿), volunteers and
 * the hours of the time bank (红色银行). The mini-program imports only types from this file (zod stays on the server).
 *
 *   GET /api/volunteers/figures?level=&id=&from=&to=   community_staff (own community), street_admin (the street, or
 *       one community of it with level=community&id=) -> VolunteerFigures. Another area: 404 AREA_NOT_FOUND; a bad
 *       period (from after to, a day that does not exist, more than FIGURES_MAX_DAYS days, level without id): 400
 *       VALIDATION_FAILED. Default: my own area, the last 30 days.
 *
 * Definitions (computed in server/src/modules/volunteers/volunteer-figures.calc.ts):
 *  - period: `from` 00:00 to the end of `to` (both days included), China time (UTC+8).
 *  Help requests — the ones POSTED in the period in the area (proxy posts included):
 *  - requestsPosted = requestsConfirmed + requestsOpen + requestsExpired + requestsCancelled, by their status now:
 *    confirmed (已完成, the requester or staff confirmed it); open (还在进行: waiting for a volunteer, taken, or done and
 *    waiting for confirmation); expired (过期无人接); cancelled (已取消).
 *  - fulfilmentRate (完成率) = confirmed / (confirmed + expired + cancelled): of those that reached a final state.
 *  - median/averageHoursToConfirm: over the confirmed ones, hours from posting to confirmation (1 decimal).
 *  - median/averageHoursToFirstVolunteer: over the ones a volunteer took (接单 or 派单, any seat ever), hours from
 *    posting to the first seat (1 decimal).
 *  - rated: of the posted, the ones with a rating (1–5); averageRating: their mean (1 decimal).
 *  - proxyPosted: of the posted, the ones a grid worker posted for a resident (代办); proxyShare = proxyPosted / posted.
 *  Volunteers — of the area's communities:
 *  - volunteersApproved (已通过) and volunteersApplied (待审核): applications in that status NOW (not tied to the period).
 *  - volunteersActive: distinct volunteers with at least one credit in the time bank (a confirmed help request or a
 *    credited team activity) whose service day is in the period and which was not reversed (a credit cut to 0 by the
 *    daily cap still counts: they did serve).
 *  Hours — from the time-bank ledger, the volunteer side of each transaction:
 *  - creditedMinutes: credits whose service day (the request's window start, the activity's start) is in the period,
 *    net of their reversals (a reversal keeps the service day of what it reverses; redemptions are not counted).
 *  - hoursByTeam: the same minutes by team, most first. A credit for a team's activity counts for that team; any
 *    other credit counts for each team the volunteer belongs to now (so a volunteer in two teams counts in both, and
 *    the rows may add up to more than creditedMinutes), or for “未入队” (teamId null) when they belong to none.
 *    Every team of the community is listed (0 when idle); street-level teams and 未入队 only when they have minutes.
 *  - activitiesHeld: team activities not cancelled that started in the period (and have started);
 *    activitySignups: their sign-ups not withdrawn; activityAttended: of those, checked in;
 *    attendanceRate = activityAttended / activitySignups.
 *  Rates are fractions 0..1 rounded to 4 places, null when the denominator is 0; times and averages null when
 *  there is nothing to measure.
 */
export const VolunteerFiguresQuerySchema = areaPeriodQuerySchema(['community', 'street']);
export type VolunteerFiguresQuery = z.infer<typeof VolunteerFiguresQuerySchema>;

export interface TeamMinutes {
  /** null: 未入队 (volunteers in no team). */
  teamId: number | null;
  name: string;
  minutes: number;
}

export interface VolunteerCounts {
  requestsPosted: number;
  requestsConfirmed: number;
  requestsOpen: number;
  requestsExpired: number;
  requestsCancelled: number;
  fulfilmentRate: number | null;
  medianHoursToConfirm: number | null;
  averageHoursToConfirm: number | null;
  medianHoursToFirstVolunteer: number | null;
  averageHoursToFirstVolunteer: number | null;
  rated: number;
  averageRating: number | null;
  proxyPosted: number;
  proxyShare: number | null;
  volunteersApproved: number;
  volunteersApplied: number;
  volunteersActive: number;
  creditedMinutes: number;
  hoursByTeam: TeamMinutes[];
  activitiesHeld: number;
  activitySignups: number;
  activityAttended: number;
  attendanceRate: number | null;
}

export interface CommunityVolunteerFigures extends VolunteerCounts {
  communityId: number;
  name: string;
}

/** GET /api/volunteers/figures */
export interface VolunteerFigures extends VolunteerCounts {
  area: { level: 'community' | 'street'; id: number; name: string };
  /** Both days included, China time. */
  period: { from: string; to: string };
  /** One row per community of a street (the totals are counted over all of them); a single row for a community. */
  perCommunity: CommunityVolunteerFigures[];
}
