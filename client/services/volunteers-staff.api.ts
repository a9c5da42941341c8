import type { Page } from '@contracts/common.contract';
import type { HelpRequestStatus, VolunteerStatus } from '@contracts/volunteers.constants';
import type { ConfirmOnBehalf, HelpRequestDetail, HelpRequestItem, VolunteerItem, VolunteerSuggestion } from '@contracts/volunteers.contract';
import { request } from './request';

// 小红帽, staff side: approving volunteers, the dispatch board (派单) and confirming for a requester without a phone.

const BOARD_PAGE_SIZE = 20;

export const listVolunteers = (status: VolunteerStatus) =>
  request<{ items: VolunteerItem[] }>('/api/volunteers', { query: { status } });
export const approveVolunteer = (v: Pick<VolunteerItem, 'id' | 'version'>) =>
  request<VolunteerItem>(`/api/volunteers/${v.id}/approve`, { method: 'POST', body: { version: v.version } });
export const declineVolunteer = (v: Pick<VolunteerItem, 'id' | 'version'>, reason: string) =>
  request<VolunteerItem>(`/api/volunteers/${v.id}/decline`, { method: 'POST', body: { reason, version: v.version } });

const HR = '/api/help-requests';
export const getBoard = (status: HelpRequestStatus | null, cursor: string | null) =>
  request<Page<HelpRequestItem>>(`${HR}/board`, { query: { status, cursor, limit: BOARD_PAGE_SIZE } });
export const getSuggestions = (id: number) => request<{ items: VolunteerSuggestion[] }>(`${HR}/${id}/suggestions`);
export const dispatchRequest = (id: number, volunteerUserId: number) =>
  request<HelpRequestDetail>(`${HR}/${id}/dispatch`, { method: 'POST', body: { volunteerUserId } });
export const confirmOnBehalf = (id: number, body: ConfirmOnBehalf) =>
  request<HelpRequestDetail>(`${HR}/${id}/confirm-on-behalf`, { method: 'POST', body });
