import { IsNull, type EntityManager } from 'typeorm';
import { RoleLabels } from '../../../../contracts/roles';
import { AuditService } from '../audit/audit.service';
import { StreetEntity } from '../org/org.entities';
import { OrgSetupService } from '../setup/org-setup.service';
import { UserEntity } from '../users/user.entity';
import { issueInvitation } from './staff-invitation.issue';

export interface BootstrapRequest {
  street: string;
  name: string;
  phone?: string | null;
  /** Issue a code although the street already has a street admin. */
  force?: boolean;
}

export type BootstrapResult =
  | { ok: true; streetId: number; streetCreated: boolean; invitationId: number; code: string; expiresAt: Date }
  | { ok: false; existingAdmins: string[] };

/**
 * The first street administrator 街道管理员 (npm run admin:create): the street (created when new), a one-time
 * street_admin invitation for the named person, and the audit entry admin.bootstrap — one transaction.
 * A street that already has an admin gets no second code unless forced (its admins invite from the app).
 */
export async function bootstrapStreetAdmin(m: EntityManager, setup: OrgSetupService, audit: AuditService, req: BootstrapRequest): Promise<BootstrapResult> {
  const existing = await m.findOne(StreetEntity, { where: { name: req.street }, order: { id: 'ASC' } });
  if (existing && !req.force) {
    const admins = await m.find(UserEntity, { where: { streetId: existing.id, role: 'street_admin', deletedAt: IsNull() } });
    if (admins.length) return { ok: false, existingAdmins: admins.map((a) => a.name) };
  }
  const streetId = existing?.id ?? (await setup.createStreet(m, req.street, null));
  const note = req.phone ? `联系电话 ${req.phone}` : null;
  const { row, code } = await issueInvitation(m, { grant: { role: 'street_admin', streetId }, inviteeName: req.name, note, createdBy: null });
  await audit.record(m, {
    action: 'admin.bootstrap', streetId, actor: null, target: { type: 'invitation', id: row.id },
    // No phone number in the log (PIPL): it stays only in the invitation's note.
    detail: `生成${RoleLabels.street_admin}邀请码：${req.name}${existing ? '' : `，新建街道“${req.street}”`}`,
  });
  return { ok: true, streetId, streetCreated: !existing, invitationId: row.id, code, expiresAt: row.expiresAt };
}
