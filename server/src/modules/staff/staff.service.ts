import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { ChangeRoleRequest, StaffMember } from '../../../../contracts/staff.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { notFound } from '../../common/domain-exception';
import { DatabaseService, retryDeadlock } from '../../database/database.service';
import { maskPhone } from '../users/users.mapper';
import { UserEntity } from '../users/user.entity';
import { AreaNames, mayManage, resolveGrant, roleLabel, staffAreaOf } from './staff-areas';
import { StaffRoleChanges } from './staff-role-changes';
import { StaffRepository } from './staff.repository';

const staffNotFound = () => notFound(ErrorCode.STAFF_NOT_FOUND, '没有找到这位工作人员');

/** 人员: the staff of the caller's area, and changing or revoking a role (effective on the person's next request). */
@Injectable()
export class StaffService {
  constructor(private readonly db: DatabaseService, private readonly repo: StaffRepository, private readonly roles: StaffRoleChanges) {}

  async list(auth: AuthClaims): Promise<{ items: StaffMember[] }> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = staffAreaOf(me);
    const [rows, names] = await Promise.all([this.repo.staffIn(area), AreaNames.load(this.db.manager, area.streetId)]);
    return { items: rows.map((u) => this.toMember(u, me, names)) };
  }

  async changeRole(auth: AuthClaims, id: number, body: ChangeRoleRequest): Promise<StaffMember> {
    await retryDeadlock(() => this.db.transaction(async (m) => {
      const { me, target } = await this.manageable(m, auth, id);
      const { grant, areaName } = await resolveGrant(m, staffAreaOf(me).streetId, body, me);
      await this.roles.apply(m, target, { id: me.id, role: me.role }, grant, areaName);
    }));
    return this.member(auth, id);
  }

  /** Back to 居民 at once: the guard reads the role from the database on the person's very next request. */
  async revoke(auth: AuthClaims, id: number): Promise<StaffMember> {
    await retryDeadlock(() => this.db.transaction(async (m) => {
      const { me, target } = await this.manageable(m, auth, id);
      await this.roles.revoke(m, target, { id: me.id, role: me.role });
    }));
    return this.member(auth, id);
  }

  /** The caller and the staff member they may change or revoke, or 404 (not one they manage). */
  private async manageable(m: EntityManager, auth: AuthClaims, id: number): Promise<{ me: UserEntity; target: UserEntity }> {
    const me = await loadCurrentUser(m, auth.sub);
    const target = await m.findOne(UserEntity, { where: { id } });
    if (!target || !mayManage(me, target)) throw staffNotFound();
    return { me, target };
  }

  /** The person as the caller now sees them (after a revoke: a resident, no longer manageable). */
  private async member(auth: AuthClaims, id: number): Promise<StaffMember> {
    const m = this.db.manager;
    const [me, user] = await Promise.all([loadCurrentUser(m, auth.sub), m.findOneByOrFail(UserEntity, { id })]);
    const streetId = me.streetId ?? user.streetId ?? 0;
    return this.toMember(user, me, await AreaNames.load(m, streetId));
  }

  private toMember(u: UserEntity, me: UserEntity, names: AreaNames): StaffMember {
    return {
      id: u.id, name: u.name, phoneMasked: maskPhone(u.phone), role: u.role, roleLabel: roleLabel(u.role), areaName: names.of(u),
      communityId: u.communityId, gridId: u.gridId, departmentId: u.departmentId, self: u.id === me.id, manageable: mayManage(me, u),
    };
  }
}
