import type { StaffTeamItem, TeamMemberItem, VolunteerEventItem, VolunteerItem } from '@contracts/volunteers.contract';
import { request } from './request';

// 小红帽, staff side: 暂停 / 恢复 a volunteer, their history, and each team's 队长. Who may call what: services/permissions.ts.

export const suspendVolunteer = (v: Pick<VolunteerItem, 'id' | 'version'>, reason: string) =>
  request<VolunteerItem>(`/api/volunteers/${v.id}/suspend`, { method: 'POST', body: { reason, version: v.version } });
export const reinstateVolunteer = (v: Pick<VolunteerItem, 'id' | 'version'>) =>
  request<VolunteerItem>(`/api/volunteers/${v.id}/reinstate`, { method: 'POST', body: { version: v.version } });
export async function volunteerHistory(id: number): Promise<VolunteerEventItem[]> {
  return (await request<{ items: VolunteerEventItem[] }>(`/api/volunteers/${id}/history`)).items;
}

/** The teams with their 队长 (the server answers community staff and street admins with leaders; residents without). */
export async function listStaffTeams(): Promise<StaffTeamItem[]> {
  return (await request<{ items: StaffTeamItem[] }>('/api/volunteers/teams')).items;
}
export async function listTeamMembers(teamId: number): Promise<TeamMemberItem[]> {
  return (await request<{ items: TeamMemberItem[] }>(`/api/volunteers/teams/${teamId}/members`)).items;
}
/** Appoint the team's leader, or clear it with null. */
export const setTeamLeader = (teamId: number, userId: number | null) =>
  request<StaffTeamItem>(`/api/volunteers/teams/${teamId}/leader`, { method: 'PUT', body: { userId } });
