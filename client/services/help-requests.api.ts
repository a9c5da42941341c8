import type { Page } from '@contracts/common.contract';
import type {
  ConfirmHelpRequest, CreateHelpRequest, HelpRequestDetail, HelpRequestItem, ProxyHelpRequest,
} from '@contracts/volunteers.contract';
import { request } from './request';

// 微心愿 help requests: posting, my requests, the hall (接单大厅), my tasks and the steps of one request.
// Who may call what: see the header of contracts/volunteers.contract.ts and services/volunteers.api.ts.

const HELP_PAGE_SIZE = 20;

type Lister = (cursor: string | null) => Promise<Page<HelpRequestItem>>;
const lister = (path: string): Lister => (cursor) =>
  request<Page<HelpRequestItem>>(path, { query: { cursor, limit: HELP_PAGE_SIZE } });

/** Posted by me, or for a resident by me (代办). */
export const listMyHelpRequests: Lister = lister('/api/help-requests/mine');
/** Open requests of my community (approved volunteers). */
export const listHall: Lister = lister('/api/help-requests/hall');
/** The requests I hold a seat on. */
export const listMyTasks: Lister = lister('/api/help-requests/tasks');

export function createHelpRequest(body: CreateHelpRequest, idempotencyKey: string): Promise<HelpRequestItem> {
  return request<HelpRequestItem>('/api/help-requests', { method: 'POST', body, idempotencyKey });
}

export function createProxyHelpRequest(body: ProxyHelpRequest, idempotencyKey: string): Promise<HelpRequestItem> {
  return request<HelpRequestItem>('/api/help-requests/proxy', { method: 'POST', body, idempotencyKey });
}

export function getHelpRequest(id: number): Promise<HelpRequestDetail> {
  return request<HelpRequestDetail>(`/api/help-requests/${id}`);
}

/** The volunteer's steps and the requester's cancel: an optional note. */
export type SeatStep = 'claim' | 'accept' | 'decline' | 'withdraw' | 'done' | 'cancel';

export function helpRequestStep(id: number, step: SeatStep, note?: string): Promise<HelpRequestDetail> {
  const body = step === 'claim' || step === 'accept' ? {} : note ? { note } : {};
  return request<HelpRequestDetail>(`/api/help-requests/${id}/${step}`, { method: 'POST', body });
}

export function confirmHelpRequest(id: number, body: ConfirmHelpRequest): Promise<HelpRequestDetail> {
  return request<HelpRequestDetail>(`/api/help-requests/${id}/confirm`, { method: 'POST', body });
}
