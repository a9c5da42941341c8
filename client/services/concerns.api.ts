import type { Page } from '@contracts/common.contract';
import type {
  ConcernDetail,
  ConcernItem,
  ConcernStatus,
  CreateConcernRequest,
} from '@contracts/concerns.contract';
import { request } from './request';

export const CONCERN_PAGE_SIZE = 20;

export function createConcern(body: CreateConcernRequest, idempotencyKey: string): Promise<ConcernItem> {
  return request<ConcernItem>('/api/concerns', { method: 'POST', body, idempotencyKey });
}

export function listMyConcerns(cursor?: string | null): Promise<Page<ConcernItem>> {
  return request<Page<ConcernItem>>('/api/concerns/mine', {
    query: { cursor, limit: CONCERN_PAGE_SIZE },
  });
}

export function listInbox(status?: ConcernStatus, cursor?: string | null): Promise<Page<ConcernItem>> {
  return request<Page<ConcernItem>>('/api/concerns/inbox', {
    query: { status, cursor, limit: CONCERN_PAGE_SIZE },
  });
}

export function getConcern(id: number): Promise<ConcernDetail> {
  return request<ConcernDetail>(`/api/concerns/${id}`);
}

export function acceptConcern(id: number, note?: string): Promise<ConcernDetail> {
  return request<ConcernDetail>(`/api/concerns/${id}/accept`, {
    method: 'POST',
    body: note ? { note } : {},
  });
}
