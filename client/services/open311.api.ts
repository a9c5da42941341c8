import type { ApiKeyItem, CreatedApiKey } from '@contracts/open311.contract';
import { request } from './request';

/** GET /api/open311/keys — the street's Open311 API keys (prefix only). */
export function listApiKeys(): Promise<{ items: ApiKeyItem[] }> {
  return request<{ items: ApiKeyItem[] }>('/api/open311/keys');
}

/** POST /api/open311/keys — the answer carries the key itself, this one time only. */
export function createApiKey(name: string): Promise<CreatedApiKey> {
  return request<CreatedApiKey>('/api/open311/keys', { method: 'POST', body: { name } });
}

/** POST /api/open311/keys/:id/revoke */
export function revokeApiKey(id: number): Promise<ApiKeyItem> {
  return request<ApiKeyItem>(`/api/open311/keys/${id}/revoke`, { method: 'POST', body: {} });
}
