import { z } from 'zod';
import type { Role } from './roles';

/**
 * Staff invitations 人员邀请 and roles (issue 10): street/community staff invite a person to a role and area with a
 * one-time code; the invitee types (or scans) it after logging in; roles change and are revoked at once.
 */
export const InvitableRoles = ['grid_worker', 'community_staff', 'street_admin', 'department'] as const;
export type InvitableRole = (typeof InvitableRoles)[number];

/** Days an invitation code stays valid. */
export const INVITATION_DAYS = 7;
/** The code's letters: no 0/O, 1/I/L (read aloud and typed by elderly people). */
export const INVITATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITATION_CODE_LENGTH = 8;

/** "k7qm 2xpa" / "K7QM-2XPA" -> "K7QM2XPA" (case and separators do not matter). */
export function normalizeInvitationCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** "K7QM2XPA" -> "K7QM-2XPA" */
export function formatInvitationCode(code: string): string {
  const c = normalizeInvitationCode(code);
  return c.length === INVITATION_CODE_LENGTH ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

const id = z.number().int().positive();

/** A role and area: community for 社区工作人员, grid for 网格员, department for 职能部门, nothing else for 街道管理员. */
const grantShape = {
  role: z.enum(InvitableRoles),
  communityId: id.nullish(),
  gridId: id.nullish(),
  departmentId: id.nullish(),
};

/** POST /api/staff/invitations */
export const CreateInvitationRequestSchema = z.object({
  ...grantShape,
  inviteeName: z.string().trim().min(1, '请填写被邀请人的姓名').max(30),
  note: z.string().trim().max(200).nullish(),
}).strict();
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequestSchema>;

/** PUT /api/staff/:id/role */
export const ChangeRoleRequestSchema = z.object(grantShape).strict();
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequestSchema>;

/** POST /api/staff/invitations/redeem */
export const RedeemInvitationRequestSchema = z.object({ code: z.string().trim().min(1, '请输入邀请码').max(20) }).strict();
export type RedeemInvitationRequest = z.infer<typeof RedeemInvitationRequestSchema>;

export type InvitationStatus = 'pending' | 'redeemed' | 'expired' | 'revoked';

export interface InvitationItem {
  id: number;
  role: InvitableRole;
  roleLabel: string;
  /** e.g. "甲社区 甲一网格" */
  areaName: string;
  inviteeName: string;
  note: string | null;
  /** Who sent it ("系统" for the setup command). */
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
}

/** The answer to creating an invitation: the only time the code is ever shown (the server keeps a hash). */
export interface CreatedInvitation extends InvitationItem {
  /** "K7QM-2XPA" */
  code: string;
}

export interface StaffMember {
  id: number;
  name: string;
  phoneMasked: string | null;
  role: Role;
  roleLabel: string;
  areaName: string;
  communityId: number | null;
  gridId: number | null;
  departmentId: number | null;
  /** The caller themself. */
  self: boolean;
  /** Whether the caller may change or revoke this person's role. */
  manageable: boolean;
}

/** After redeeming: the new role and area. */
export interface RedeemResponse {
  role: Role;
  roleLabel: string;
  areaName: string;
}

/** GET /api/staff/areas — the roles and areas the caller may invite to (retired areas left out). */
export interface StaffAreasResponse {
  roles: InvitableRole[];
  street: { id: number; name: string };
  communities: { id: number; name: string; grids: { id: number; name: string; workerName: string | null }[] }[];
  departments: { id: number; name: string }[];
}
