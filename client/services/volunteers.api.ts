import { ErrorCode } from '@contracts/errors';
import type { ApplyVolunteerRequest, VolunteerItem, VolunteerTeamItem } from '@contracts/volunteers.contract';
import { ApiError, request } from './request';

// 小红帽 volunteers, the resident's side: the teams, my application, applying. Who may call what: services/permissions.ts.

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
