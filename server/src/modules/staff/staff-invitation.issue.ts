import { createHash, randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  formatInvitationCode, INVITATION_ALPHABET, INVITATION_CODE_LENGTH, INVITATION_DAYS, normalizeInvitationCode,
  type InvitableRole, type InvitationItem, type InvitationStatus,
} from '../../../../contracts/staff.contract';
import { toIso } from '../../common/time';
import { isUniqueViolation } from '../../database/database.service';
import { roleLabel } from './staff-areas';
import { StaffInvitationEntity } from './staff.entities';
import type { StaffGrant } from './staff-roles';

/** 8 letters from an unambiguous alphabet, by crypto random. */
function newInvitationCode(): string {
  let code = '';
  for (let i = 0; i < INVITATION_CODE_LENGTH; i++) code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  return code;
}

/** What is stored: SHA-256 of the normalised code (the code itself never is). */
export function invitationCodeHash(code: string): string {
  return createHash('sha256').update(normalizeInvitationCode(code)).digest('hex');
}

export interface NewInvitation {
  grant: StaffGrant & { role: InvitableRole };
  inviteeName: string;
  note?: string | null;
  /** Null: the setup command. */
  createdBy: number | null;
}

/**
 * Inserts an invitation and returns it with its code — the only moment the code exists outside the invitee's hands
 * (the table keeps a SHA-256). Used by the invite screen and the setup command (admin:create).
 */
export async function issueInvitation(m: EntityManager, n: NewInvitation, now = new Date()): Promise<{ row: StaffInvitationEntity; code: string }> {
  for (let attempt = 1; ; attempt++) {
    const code = newInvitationCode();
    try {
      const values: Omit<StaffInvitationEntity, 'id'> = {
        codeHash: invitationCodeHash(code), streetId: n.grant.streetId, role: n.grant.role,
        communityId: n.grant.communityId ?? null, gridId: n.grant.gridId ?? null, departmentId: n.grant.departmentId ?? null,
        inviteeName: n.inviteeName, note: n.note ?? null, createdBy: n.createdBy, createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
        redeemedBy: null, redeemedAt: null, revokedAt: null, revokedBy: null,
      };
      const result = await m.insert(StaffInvitationEntity, values);
      return { row: { id: Number(result.identifiers[0].id), ...values }, code: formatInvitationCode(code) };
    } catch (err) {
      // Two codes alike (31^8 of them): draw again.
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

export function invitationStatus(row: StaffInvitationEntity, now = new Date()): InvitationStatus {
  if (row.redeemedBy !== null) return 'redeemed';
  if (row.revokedAt !== null) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function toInvitationItem(row: StaffInvitationEntity, areaName: string, createdBy: string): InvitationItem {
  return {
    id: row.id, role: row.role, roleLabel: roleLabel(row.role), areaName, inviteeName: row.inviteeName, note: row.note,
    createdBy, createdAt: toIso(row.createdAt)!, expiresAt: toIso(row.expiresAt)!, status: invitationStatus(row),
  };
}
