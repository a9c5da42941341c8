import type {
  CreateGridRequest, CreateTeamRequest, SetupKind, SetupNode, SetupTree, UpdateAreaRequest,
} from '@contracts/setup.contract';
import { request } from './request';

// 组织架构 (issue 10 setup): the street's organisation, kept by its street admin and community staff. Who may: permissions.ts.

export const getSetupTree = (withRetired: boolean) => request<SetupTree>('/api/setup/tree', { query: { retired: withRetired ? 1 : undefined } });

export const createCommunity = (name: string) => request<SetupNode>('/api/setup/communities', { method: 'POST', body: { name } });
export const createGrid = (communityId: number, body: CreateGridRequest) =>
  request<SetupNode>(`/api/setup/communities/${communityId}/grids`, { method: 'POST', body });
export const createBuilding = (gridId: number, name: string) => request<SetupNode>(`/api/setup/grids/${gridId}/buildings`, { method: 'POST', body: { name } });
export const createUnit = (buildingId: number, name: string) => request<SetupNode>(`/api/setup/buildings/${buildingId}/units`, { method: 'POST', body: { name } });
export const createDepartment = (name: string) => request<SetupNode>('/api/setup/departments', { method: 'POST', body: { name } });
export const createTeam = (body: CreateTeamRequest) => request<SetupNode>('/api/setup/volunteer-teams', { method: 'POST', body });

/** Rename; a grid's households; move a building to another grid of its community. */
export const updateArea = (kind: SetupKind, id: number, body: UpdateAreaRequest) => request<SetupNode>(`/api/setup/${kind}/${id}`, { method: 'PATCH', body });
export const retireArea = (kind: SetupKind, id: number) => request<SetupNode>(`/api/setup/${kind}/${id}/retire`, { method: 'POST', body: {} });
export const restoreArea = (kind: SetupKind, id: number) => request<SetupNode>(`/api/setup/${kind}/${id}/restore`, { method: 'POST', body: {} });
