import type { AuditAction, AuditPage } from '@contracts/audit.contract';
import type {
  ChangeRoleRequest, CreateInvitationRequest, CreatedInvitation, InvitationItem, RedeemResponse, StaffAreasResponse, StaffMember,
} from '@contracts/staff.contract';
import { request } from './request';

// 人员与邀请 (issue 10): invitations with a one-time code, the staff of one's area, role changes, and the street's 审计日志.

export const getStaffAreas = () => request<StaffAreasResponse>('/api/staff/areas');
export const createInvitation = (body: CreateInvitationRequest) => request<CreatedInvitation>('/api/staff/invitations', { method: 'POST', body });
export const redeemInvitation = (code: string) => request<RedeemResponse>('/api/staff/invitations/redeem', { method: 'POST', body: { code } });
export async function listPendingInvitations(): Promise<InvitationItem[]> {
  return (await request<{ items: InvitationItem[] }>('/api/staff/invitations')).items;
}
export const revokeInvitation = (id: number) => request<InvitationItem>(`/api/staff/invitations/${id}/revoke`, { method: 'POST', body: {} });
export async function listStaff(): Promise<StaffMember[]> {
  return (await request<{ items: StaffMember[] }>('/api/staff')).items;
}
export const changeStaffRole = (id: number, body: ChangeRoleRequest) => request<StaffMember>(`/api/staff/${id}/role`, { method: 'PUT', body });
export const revokeStaffRole = (id: number) => request<StaffMember>(`/api/staff/${id}/revoke`, { method: 'POST', body: {} });
export const getAuditLog = (action: AuditAction | null, before: number | null) =>
  request<AuditPage>('/api/audit', { query: { action: action ?? undefined, before: before ?? undefined } });
