import type { z } from 'zod';
import type { Page } from '@contracts/common.contract';
import type {
  CategoryConfig,
  CloseConcernRequestSchema,
  ConcernCategory,
  ConcernDetail,
  ConcernItem,
  ConcernStatus,
  CreateConcernRequestSchema,
  EscalateConcernRequestSchema,
  NotSolvedRequestSchema,
  ProxyConcernRequestSchema,
  RateConcernRequestSchema,
  ResolveConcernRequestSchema,
  ReturnConcernRequestSchema,
  UpdateCategoryRequestSchema,
} from '@contracts/concerns.contract';
import { request } from './request';

export const CONCERN_PAGE_SIZE = 20;

/** What the client sends (defaults such as photoIds may be left out); checked against the contracts. */
export type CreateConcernBody = z.input<typeof CreateConcernRequestSchema>;
export type ProxyConcernBody = z.input<typeof ProxyConcernRequestSchema>;
export type UpdateCategoryBody = z.input<typeof UpdateCategoryRequestSchema>;
/** Staff steps always send the version the staff member saw. */
type Versioned<S extends z.ZodType> = z.input<S> & { version: number };
export type ResolveBody = Versioned<typeof ResolveConcernRequestSchema>;
export type EscalateBody = Versioned<typeof EscalateConcernRequestSchema>;
export type ReturnBody = Versioned<typeof ReturnConcernRequestSchema>;
export type CloseBody = Versioned<typeof CloseConcernRequestSchema>;
export type RateBody = z.input<typeof RateConcernRequestSchema>;
type NotSolvedBody = z.input<typeof NotSolvedRequestSchema>;

export function createConcern(body: CreateConcernBody, idempotencyKey: string): Promise<ConcernItem> {
  return request<ConcernItem>('/api/concerns', { method: 'POST', body, idempotencyKey });
}

/** 代办: a grid worker submits for a resident who cannot use the app. */
export function createProxyConcern(body: ProxyConcernBody, idempotencyKey: string): Promise<ConcernItem> {
  return request<ConcernItem>('/api/concerns/proxy', { method: 'POST', body, idempotencyKey });
}

export function listMyConcerns(cursor?: string | null): Promise<Page<ConcernItem>> {
  return request<Page<ConcernItem>>('/api/concerns/mine', {
    query: { cursor, limit: CONCERN_PAGE_SIZE },
  });
}

/** The community's public concerns (neighbours may say "我也遇到了"). */
export function listPublicConcerns(cursor?: string | null): Promise<Page<ConcernItem>> {
  return request<Page<ConcernItem>>('/api/concerns/public', {
    query: { cursor, limit: CONCERN_PAGE_SIZE },
  });
}

export type InboxView = 'inbox' | 'area';

export interface InboxFilters {
  view: InboxView;
  status?: ConcernStatus;
  category?: ConcernCategory;
}

/** Staff: view=inbox is what my level must act on (overdue first); view=area is everything in my area. */
export function listInbox(filters: InboxFilters, cursor?: string | null): Promise<Page<ConcernItem>> {
  return request<Page<ConcernItem>>('/api/concerns/inbox', {
    query: { view: filters.view, status: filters.status, category: filters.category, cursor, limit: CONCERN_PAGE_SIZE },
  });
}

/** Public concerns of the same category near the resident (last 30 days), to join instead of filing again. */
export function listSimilarConcerns(category: ConcernCategory): Promise<{ items: ConcernItem[] }> {
  return request<{ items: ConcernItem[] }>('/api/concerns/similar', { query: { category } });
}

export function listCategories(): Promise<{ items: CategoryConfig[] }> {
  return request<{ items: CategoryConfig[] }>('/api/concerns/categories');
}

export function updateCategory(code: ConcernCategory, body: UpdateCategoryBody): Promise<{ items: CategoryConfig[] }> {
  return request<{ items: CategoryConfig[] }>(`/api/concerns/categories/${code}`, { method: 'PUT', body });
}

export function getConcern(id: number): Promise<ConcernDetail> {
  return request<ConcernDetail>(`/api/concerns/${id}`);
}

function post(id: number, step: string, body: object): Promise<ConcernDetail> {
  return request<ConcernDetail>(`/api/concerns/${id}/${step}`, { method: 'POST', body });
}

// Staff steps: each carries the version the staff member saw (a stale one answers 409).

export function acceptConcern(id: number, version: number, note?: string): Promise<ConcernDetail> {
  return post(id, 'accept', note ? { version, note } : { version });
}

export function startConcern(id: number, version: number): Promise<ConcernDetail> {
  return post(id, 'start', { version });
}

export function resolveConcern(id: number, body: ResolveBody): Promise<ConcernDetail> {
  return post(id, 'resolve', body);
}

export function escalateConcern(id: number, body: EscalateBody): Promise<ConcernDetail> {
  return post(id, 'escalate', body);
}

export function returnConcern(id: number, body: ReturnBody): Promise<ConcernDetail> {
  return post(id, 'return', body);
}

export function closeConcern(id: number, body: CloseBody): Promise<ConcernDetail> {
  return post(id, 'close', body);
}

// Resident steps.

export function rateConcern(id: number, body: RateBody): Promise<ConcernDetail> {
  return post(id, 'rate', body);
}

export function reportNotSolved(id: number, comment: string): Promise<ConcernDetail> {
  const body: NotSolvedBody = { comment };
  return post(id, 'not-solved', body);
}

export function withdrawConcern(id: number, comment?: string): Promise<ConcernDetail> {
  const body: Partial<NotSolvedBody> = comment ? { comment } : {};
  return post(id, 'withdraw', body);
}

export function joinConcern(id: number): Promise<ConcernDetail> {
  return post(id, 'me-too', {});
}
