import type { CommunityVolunteerFigures, VolunteerCounts, VolunteerFigures } from '../../contracts/volunteer-figures.contract';
import { routeOf, type Handler } from './helpers';

export const VOL_FIGURES = 'GET /api/volunteers/figures';

/** 小红帽 counts of a period in which nothing happened. */
export const ZERO_VOLUNTEER_COUNTS: VolunteerCounts = {
  requestsPosted: 0, requestsConfirmed: 0, requestsOpen: 0, requestsExpired: 0, requestsCancelled: 0, fulfilmentRate: null,
  medianHoursToConfirm: null, averageHoursToConfirm: null, medianHoursToFirstVolunteer: null, averageHoursToFirstVolunteer: null,
  rated: 0, averageRating: null, proxyPosted: 0, proxyShare: null, volunteersApproved: 0, volunteersApplied: 0, volunteersActive: 0,
  creditedMinutes: 0, hoursByTeam: [], activitiesHeld: 0, activitySignups: 0, activityAttended: 0, attendanceRate: null,
};

export const volunteerRow = (communityId: number, name: string, c: VolunteerCounts): CommunityVolunteerFigures => ({ communityId, name, ...c });

export function volunteerFigures(
  level: 'community' | 'street', id: number, name: string, c: VolunteerCounts, perCommunity: CommunityVolunteerFigures[], to = '2026-11-23',
): VolunteerFigures {
  return { area: { level, id, name }, period: { from: '2026-10-25', to }, ...c, perCommunity };
}

/** The 统计 page also asks for the 小红帽 figures: tests about its other sections answer with a quiet community. */
export function withQuietVolunteerFigures(handler: Handler): Handler {
  return (req) =>
    routeOf(req) === VOL_FIGURES
      ? { status: 200, body: volunteerFigures('community', 1, '创业一社区', ZERO_VOLUNTEER_COUNTS, [volunteerRow(1, '创业一社区', ZERO_VOLUNTEER_COUNTS)]) }
      : handler(req);
}
