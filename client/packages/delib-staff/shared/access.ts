import type { Role } from '@contracts/roles';

// Who gets which 议事亭 staff screen. Mirrors the server's route declarations so nobody sees a button
// that can only fail:
//   series, settings, representatives, cancel/move, topic triage, agenda changes, votes (open, close,
//   offline tally), minutes, resolutions: community_staff
//   GET /api/deliberation/sessions: resident, grid_worker, community_staff
//   check-in, attendance, proxy candidates and 代报名: community_staff, grid_worker

/** Settings, triage, agenda, votes, minutes and resolutions: community staff of the community. */
export function canRunDeliberation(role: Role | undefined): boolean {
  return role === 'community_staff';
}

/** The check-in scanner, attendance and 代报名: community staff and grid workers. */
export function canCheckInAttendees(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'grid_worker';
}

/** The line shown instead of a screen the role cannot use. */
export const STAFF_ONLY_LINE = '这个页面供社区工作人员使用。';
export const CHECKIN_ONLY_LINE = '这个页面供社区工作人员和网格员在议事现场签到使用。';
