import type { MeResponse } from '@contracts/users.contract';
import { request } from './request';

export function getMe(): Promise<MeResponse> {
  return request<MeResponse>('/api/me');
}

export function setMyUnit(unitId: number): Promise<MeResponse> {
  return request<MeResponse>('/api/me/unit', { method: 'PUT', body: { unitId } });
}
