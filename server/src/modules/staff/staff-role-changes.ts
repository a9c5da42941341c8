import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { UserEntity } from '../users/user.entity';
import { AreaNames, roleLabel } from './staff-areas';
import { applyStaffRole, holdsGrant, revokeStaffRole, roleChangeDetail, type StaffGrant } from './staff-roles';
import { StaffRepository } from './staff.repository';

type Actor = { id: number; role: string };

/** Why invitations are voided when their maker's role changes (audit detail). */
export const INVITER_CHANGED = '邀请人身份已变更，邀请作废';

/**
 * A role given, changed or taken back, inside the caller's transaction: the person's pending invitations voided, the
 * last-admin rule, the user row, the grid's worker, the audit entries (invitation.revoke / role.change / role.revoke)
 * and the person's notification, all committed together. Lock order: invitations → street → grids → users.
 */
@Injectable()
export class StaffRoleChanges {
  constructor(private readonly repo: StaffRepository, private readonly audit: AuditService, private readonly notifications: NotificationsService) {}

  async apply(m: EntityManager, target: UserEntity, actor: Actor, grant: StaffGrant, areaName: string, notify = true): Promise<void> {
    if (!holdsGrant(target, grant)) await this.voidInvitationsOf(m, target.id, actor);
    if (grant.role !== 'street_admin' || grant.streetId !== target.streetId) await this.repo.assertStreetKeepsAdmin(m, target);
    const { previousRole, displacedWorkerIds } = await applyStaffRole(m, target.id, grant);
    await this.audit.record(m, {
      action: 'role.change', streetId: grant.streetId, actor, subjectUserId: target.id, target: { type: 'user', id: target.id },
      detail: roleChangeDetail(previousRole, grant.role, areaName),
    });
    for (const id of displacedWorkerIds) {
      await this.audit.record(m, {
        action: 'role.revoke', streetId: grant.streetId, actor, subjectUserId: id, target: { type: 'user', id },
        detail: `${roleChangeDetail('grid_worker', 'resident')}（${areaName}改由 ${target.name} 负责）`,
      });
      await this.voidInvitationsOf(m, id, actor);
    }
    if (!notify) return;
    await this.notifications.notify(m, {
      userId: target.id, type: 'role.changed', title: '您的身份已调整',
      body: `您现在是${roleLabel(grant.role)}（${areaName}）。重新打开“我的”即可看到新的工作台。`, link: null,
    });
  }

  async revoke(m: EntityManager, target: UserEntity, actor: Actor): Promise<void> {
    await this.voidInvitationsOf(m, target.id, actor);
    await this.repo.assertStreetKeepsAdmin(m, target);
    const previous = await revokeStaffRole(m, target.id);
    await this.audit.record(m, {
      action: 'role.revoke', streetId: target.streetId, actor, subjectUserId: target.id, target: { type: 'user', id: target.id },
      detail: roleChangeDetail(previous, 'resident'),
    });
    await this.notifications.notify(m, {
      userId: target.id, type: 'role.revoked', title: '您的工作人员身份已撤销',
      body: `您的${roleLabel(previous)}身份已撤销，现在是居民。如需参与社区事务，请在“我的”里选择住址。`, link: null,
    });
  }

  /** What the person handed out no longer stands once their role or area changes: each live invitation voided, each in the log. */
  private async voidInvitationsOf(m: EntityManager, creatorId: number, actor: Actor): Promise<void> {
    const rows = await this.repo.voidInvitationsBy(m, creatorId, actor.id);
    const names = new Map<number, AreaNames>();
    for (const row of rows) {
      if (!names.has(row.streetId)) names.set(row.streetId, await AreaNames.load(m, row.streetId));
      await this.audit.record(m, {
        action: 'invitation.revoke', streetId: row.streetId, actor, subjectUserId: creatorId, target: { type: 'invitation', id: row.id },
        detail: `作废给 ${row.inviteeName} 的${roleLabel(row.role)}邀请（${names.get(row.streetId)!.of(row)}）：${INVITER_CHANGED}`,
      });
    }
  }
}
