import type {
  BuildingItem,
  CommunityItem,
  ListResponse,
  UnconfirmedResident,
  UnitItem,
} from '@contracts/org.contract';
import { request } from './request';

export function listCommunities(): Promise<ListResponse<CommunityItem>> {
  return request<ListResponse<CommunityItem>>('/api/org/communities');
}

export function listBuildings(communityId: number): Promise<ListResponse<BuildingItem>> {
  return request<ListResponse<BuildingItem>>(`/api/org/communities/${communityId}/buildings`);
}

export function listUnits(buildingId: number): Promise<ListResponse<UnitItem>> {
  return request<ListResponse<UnitItem>>(`/api/org/buildings/${buildingId}/units`);
}

export function listUnconfirmedResidents(): Promise<ListResponse<UnconfirmedResident>> {
  return request<ListResponse<UnconfirmedResident>>('/api/org/residents/unconfirmed');
}

export function confirmResident(residentId: number): Promise<UnconfirmedResident> {
  return request<UnconfirmedResident>(`/api/org/residents/${residentId}/confirm`, { method: 'POST', body: {} });
}
