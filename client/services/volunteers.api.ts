import type { Role } from '@contracts/roles';
import { ErrorCode } from '@contracts/errors';
import type { ApplyVolunteerRequest, VolunteerItem, VolunteerTeamItem } from '@contracts/volunteers.contract';
import { ApiError, request } from './request';

// 小红帽 volunteers, the resident's side. Who may call what (mirrors the server's route declarations):
//   GET /api/volunteers/teams, GET /api/volunteers/me: any signed-in user
//   POST /api/volunteers/apply: resident (with a unit)
//   GET /api/help-requests/board, POST dispatch: grid_worker, community_staff, street_admin
//   POST /api/help-requests/proxy (代人求助): grid_worker
//   GET /api/volunteers, approve / decline: community_staff, street_admin

/** Only residents ask for help for themselves, apply to volunteer and take tasks. */
export function isResident(role: Role | undefined): boolean {
  return role === 'resident';
}

/** The dispatch board (派单) and confirming for a requester without a phone. */
export function canDispatch(role: Role | undefined): boolean {
  return role === 'grid_worker' || role === 'community_staff' || role === 'street_admin';
}

/** 代人求助: a grid worker posts for a resident of their grid. */
export function canAskForResident(role: Role | undefined): boolean {
  return role === 'grid_worker';
}

/** Approving volunteers, activities and the rewards list: community staff and the street. */
export function canManageVolunteers(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

export async function listTeams(): Promise<VolunteerTeamItem[]> {
  return (await request<{ items: VolunteerTeamItem[] }>('/api/volunteers/teams')).items;
}

/** My application, or null when I have never applied (404 VOLUNTEER_NOT_FOUND). */
export async function getMyVolunteer(): Promise<VolunteerItem | null> {
  try {
    return await request<VolunteerItem>('/api/volunteers/me');
  } catch (e) {
    if (e instanceof ApiError && e.code === ErrorCode.VOLUNTEER_NOT_FOUND) return null;
    throw e;
  }
}

export function applyToVolunteer(body: ApplyVolunteerRequest): Promise<VolunteerItem> {
  return request<VolunteerItem>('/api/volunteers/apply', { method: 'POST', body });
}
