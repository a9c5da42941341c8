import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type {
  CreateInvitationRequest, CreatedInvitation, InvitationItem, RedeemResponse, StaffAreasResponse,
} from '../../../../contracts/staff.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { conflict, DomainException, notFound } from '../../common/domain-exception';
import { DatabaseService, retryDeadlock } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { CommunityEntity, DepartmentEntity, GridEntity, StreetEntity } from '../org/org.entities';
import { UserEntity } from '../users/user.entity';
import { RedeemAttempts } from './redeem-attempts';
import { AreaNames, grantableRoles, mayGrant, resolveGrant, roleLabel, staffAreaOf, type ResolvedGrant } from './staff-areas';
import { invitationCodeHash, invitationStatus, issueInvitation, toInvitationItem } from './staff-invitation.issue';
import { StaffRoleChanges } from './staff-role-changes';
import { StaffInvitationEntity } from './staff.entities';
import { StaffRepository } from './staff.repository';

const invitationNotFound = () => notFound(ErrorCode.INVITATION_NOT_FOUND, '没有找到这个邀请码，请核对后再输入');
const invitationUsed = () => conflict(ErrorCode.INVITATION_USED, '这个邀请码已经用过了，每个邀请码只能用一次');
const invitationExpired = () => new DomainException(ErrorCode.INVITATION_EXPIRED, 410, '这个邀请码已过期，请邀请人重新生成');
const invitationRevoked = () => new DomainException(ErrorCode.INVITATION_REVOKED, 410, '这个邀请码已作废，请联系邀请人');
const inviterChanged = () => new DomainException(ErrorCode.INVITATION_REVOKED, 410, '邀请人已不再负责这个范围，这个邀请码已作废，请联系街道重新邀请');
const ownCode = () => new DomainException(ErrorCode.INVITATION_OWN_CODE, 403, '不能使用自己生成的邀请码，请把邀请码交给被邀请的人');

/** 人员邀请: create (code shown once), list pending, 作废, and redeem (one-time) an invitation. */
@Injectable()
export class StaffInvitationsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: StaffRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly attempts: RedeemAttempts,
    private readonly roles: StaffRoleChanges,
  ) {}

  /** The roles and (active) areas the caller may invite to, for the pickers. */
  async areas(auth: AuthClaims): Promise<StaffAreasResponse> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = staffAreaOf(me);
    const m = this.db.manager;
    const street = await m.findOneOrFail(StreetEntity, { where: { id: area.streetId } });
    const communities = (await m.find(CommunityEntity, { where: 'communityId' in area ? { id: area.communityId } : { streetId: area.streetId }, order: { id: 'ASC' } }))
      .filter((c) => !c.retiredAt);
    const ids = communities.map((c) => c.id);
    const grids = ids.length ? (await m.createQueryBuilder(GridEntity, 'g').where('g.community_id IN (:...ids)', { ids }).orderBy('g.id').getMany()).filter((g) => !g.retiredAt) : [];
    const workers = await this.repo.names(grids.map((g) => g.gridWorkerId));
    const departments = 'communityId' in area ? [] : (await m.find(DepartmentEntity, { where: { streetId: area.streetId }, order: { id: 'ASC' } })).filter((d) => !d.retiredAt);
    return {
      roles: grantableRoles(me),
      street: { id: street.id, name: street.name },
      communities: communities.map((c) => ({
        id: c.id, name: c.name,
        grids: grids.filter((g) => g.communityId === c.id).map((g) => ({ id: g.id, name: g.name, workerName: g.gridWorkerId ? workers.get(g.gridWorkerId) ?? null : null })),
      })),
      departments: departments.map((d) => ({ id: d.id, name: d.name })),
    };
  }

  async create(auth: AuthClaims, body: CreateInvitationRequest): Promise<CreatedInvitation> {
    return this.db.transaction(async (m) => {
      const me = await loadCurrentUser(m, auth.sub);
      const { grant, areaName } = await resolveGrant(m, staffAreaOf(me).streetId, body, me);
      const { row, code } = await issueInvitation(m, { grant, inviteeName: body.inviteeName, note: body.note, createdBy: me.id });
      await this.audit.record(m, {
        action: 'invitation.create', streetId: grant.streetId, actor: { id: me.id, role: me.role }, target: { type: 'invitation', id: row.id },
        detail: `邀请 ${body.inviteeName} 担任${roleLabel(grant.role)}（${areaName}）`,
      });
      return { ...toInvitationItem(row, areaName, me.name), code };
    });
  }

  async pending(auth: AuthClaims): Promise<{ items: InvitationItem[] }> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = staffAreaOf(me);
    const rows = await this.repo.pendingIn(area);
    const [names, creators] = await Promise.all([AreaNames.load(this.db.manager, area.streetId), this.repo.names(rows.map((r) => r.createdBy))]);
    return { items: rows.map((r) => toInvitationItem(r, names.of(r), r.createdBy === null ? '系统' : creators.get(r.createdBy) ?? '')) };
  }

  /** 作废: a pending invitation of the caller's area can no longer be redeemed. */
  async revoke(auth: AuthClaims, id: number): Promise<InvitationItem> {
    return this.db.transaction(async (m) => {
      const me = await loadCurrentUser(m, auth.sub);
      const area = staffAreaOf(me);
      const row = await m.findOne(StaffInvitationEntity, { where: { id, ...area } });
      if (!row) throw notFound(ErrorCode.INVITATION_NOT_FOUND, '没有找到这个邀请');
      if (!(await this.repo.revokeInvitation(m, id, me.id))) throw stateError(await m.findOneByOrFail(StaffInvitationEntity, { id }));
      const fresh = await m.findOneByOrFail(StaffInvitationEntity, { id });
      const areaName = (await AreaNames.load(m, row.streetId)).of(row);
      await this.audit.record(m, {
        action: 'invitation.revoke', streetId: row.streetId, actor: { id: me.id, role: me.role }, target: { type: 'invitation', id },
        detail: `作废给 ${row.inviteeName} 的${roleLabel(row.role)}邀请（${areaName}）`,
      });
      return toInvitationItem(fresh, areaName, me.name);
    });
  }

  /** A logged-in person types the code: one-time, in one transaction with their new role and the audit entries. */
  async redeem(auth: AuthClaims, code: string): Promise<RedeemResponse> {
    this.attempts.assertAllowed(auth.sub);
    const found = await this.db.manager.findOne(StaffInvitationEntity, { where: { codeHash: invitationCodeHash(code) } });
    if (!found) {
      this.attempts.recordWrong(auth.sub);
      throw invitationNotFound();
    }
    if (found.createdBy === auth.sub) throw ownCode();
    if (invitationStatus(found) !== 'pending') throw stateError(found);
    return retryDeadlock(() => this.db.transaction(async (m) => {
      if (!(await this.repo.takeInvitation(m, found.id, auth.sub, new Date()))) {
        throw stateError(await m.findOneByOrFail(StaffInvitationEntity, { id: found.id }));
      }
      return this.applyInvitation(m, auth.sub, found);
    }));
  }

  private async applyInvitation(m: EntityManager, userId: number, inv: StaffInvitationEntity): Promise<RedeemResponse> {
    const me = await loadCurrentUser(m, userId);
    const { grant, areaName } = await resolveGrant(m, inv.streetId, inv);
    await assertInviterMayStillGrant(m, inv, grant);
    await this.audit.record(m, {
      action: 'invitation.redeem', streetId: inv.streetId, actor: { id: me.id, role: me.role }, subjectUserId: me.id,
      target: { type: 'invitation', id: inv.id }, detail: `${me.name} 接受了${roleLabel(inv.role)}邀请（${areaName}，邀请时填写的姓名：${inv.inviteeName}）`,
    });
    await this.roles.apply(m, me, { id: me.id, role: me.role }, grant, areaName, false);
    if (inv.createdBy !== null && inv.createdBy !== me.id) {
      await this.notifications.notify(m, {
        userId: inv.createdBy, type: 'invitation.redeemed', title: '邀请已被接受',
        body: `${me.name} 用邀请码成为了${roleLabel(grant.role)}（${areaName}）。`, link: null,
      });
    }
    return { role: grant.role, roleLabel: roleLabel(grant.role), areaName };
  }
}

/**
 * The person who made the invitation must still be able to give it now (same street, a role that may hand it out, the
 * area still theirs): an invitation is only as good as its maker's standing. Their role changes void their invitations
 * (StaffRoleChanges) inside a transaction that locks those invitation rows first, so a plain read here sees the maker as
 * of the redeem's own lock; this check also covers invitations made before that rule. The setup command's (null) always stands.
 * `grant` is the invitation's grant as resolveGrant just checked it (area exists, in the street, not retired).
 */
async function assertInviterMayStillGrant(m: EntityManager, inv: StaffInvitationEntity, grant: ResolvedGrant['grant']): Promise<void> {
  if (inv.createdBy === null) return;
  const inviter = await m.findOne(UserEntity, { where: { id: inv.createdBy } });
  if (!inviter || inviter.deletedAt || inviter.streetId !== inv.streetId || !mayGrant(inviter, grant)) throw inviterChanged();
}

/** Why an invitation cannot be taken (again). */
function stateError(row: StaffInvitationEntity): DomainException {
  const status = invitationStatus(row);
  if (status === 'redeemed') return invitationUsed();
  if (status === 'revoked') return invitationRevoked();
  return invitationExpired();
}
