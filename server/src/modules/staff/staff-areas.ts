import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { RoleLabels } from '../../../../contracts/roles';
import type { InvitableRole } from '../../../../contracts/staff.contract';
import { DomainException, forbidden } from '../../common/domain-exception';
import { CommunityEntity, DepartmentEntity, GridEntity, StreetEntity } from '../org/org.entities';
import type { UserEntity } from '../users/user.entity';
import type { StaffGrant } from './staff-roles';
import type { StaffArea } from './staff.repository';

/** A requested role and area (body of an invitation or a role change). */
export interface GrantRequest {
  role: InvitableRole;
  communityId?: number | null;
  gridId?: number | null;
  departmentId?: number | null;
}

/** A checked grant and its area in words ("甲社区 甲一网格"). */
export interface ResolvedGrant {
  grant: StaffGrant & { role: InvitableRole };
  areaName: string;
}

/** The roles a staff member may hand out (street admins any; community staff grid workers and colleagues). */
export function grantableRoles(me: Pick<UserEntity, 'role'>): InvitableRole[] {
  if (me.role === 'street_admin') return ['grid_worker', 'community_staff', 'street_admin', 'department'];
  if (me.role === 'community_staff') return ['grid_worker', 'community_staff'];
  return [];
}

/** The area a staff member manages: a street admin their street, community staff their community; anyone else none. */
export function staffAreaOf(me: UserEntity): StaffArea {
  if (me.role === 'street_admin' && me.streetId) return { streetId: me.streetId };
  if (me.role === 'community_staff' && me.streetId && me.communityId) return { streetId: me.streetId, communityId: me.communityId };
  throw forbidden();
}

/** Whether `me` may hand out this grant: a role they may give, in their own community for community staff. */
export function mayGrant(me: UserEntity, grant: { role: InvitableRole; communityId?: number | null }): boolean {
  const ownCommunity = me.role === 'community_staff' ? me.communityId : null;
  return grantableRoles(me).includes(grant.role) && (!ownCommunity || grant.communityId === ownCommunity);
}

/** Whether `me` may change or revoke `target`'s role: street admins anyone in the street, community staff their grid workers. */
export function mayManage(me: UserEntity, target: UserEntity): boolean {
  if (target.role === 'resident' || target.deletedAt) return false;
  if (me.role === 'street_admin') return !!me.streetId && target.streetId === me.streetId;
  if (me.role === 'community_staff') return !!me.communityId && target.role === 'grid_worker' && target.communityId === me.communityId;
  return false;
}

const areaNotFound = () => new DomainException(ErrorCode.STAFF_AREA_NOT_FOUND, 404, '没有找到这个范围，请重新选择');
const areaRetired = () => new DomainException(ErrorCode.AREA_RETIRED, 409, '这个范围已经停用，请选择别的');
const missing = (what: string) => new DomainException(ErrorCode.VALIDATION_FAILED, 400, `请选择${what}`, [{ path: what, message: 'required' }]);
const retired = (row: { retiredAt?: Date | null }) => !!row.retiredAt;

/**
 * Checks a requested role and area against the street (exists, in the street, not retired) and, when `me` is given,
 * against what `me` may hand out (street admins their street; community staff their own community).
 */
export async function resolveGrant(m: EntityManager, streetId: number, req: GrantRequest, me?: UserEntity): Promise<ResolvedGrant> {
  if (me && !grantableRoles(me).includes(req.role)) throw forbidden('您不能给出这个身份');
  const ownCommunity = me?.role === 'community_staff' ? me.communityId : null;
  switch (req.role) {
    case 'grid_worker': {
      if (!req.gridId) throw missing('网格');
      const grid = await m.findOne(GridEntity, { where: { id: req.gridId } });
      const community = grid ? await m.findOne(CommunityEntity, { where: { id: grid.communityId } }) : null;
      if (!grid || !community || community.streetId !== streetId || (ownCommunity && community.id !== ownCommunity)) throw areaNotFound();
      if (retired(grid) || retired(community)) throw areaRetired();
      return { grant: { role: 'grid_worker', streetId, communityId: community.id, gridId: grid.id }, areaName: `${community.name} ${grid.name}` };
    }
    case 'community_staff': {
      if (!req.communityId) throw missing('社区');
      const community = await m.findOne(CommunityEntity, { where: { id: req.communityId } });
      if (!community || community.streetId !== streetId || (ownCommunity && community.id !== ownCommunity)) throw areaNotFound();
      if (retired(community)) throw areaRetired();
      return { grant: { role: 'community_staff', streetId, communityId: community.id }, areaName: community.name };
    }
    case 'department': {
      if (!req.departmentId) throw missing('部门');
      const department = await m.findOne(DepartmentEntity, { where: { id: req.departmentId } });
      if (!department || department.streetId !== streetId) throw areaNotFound();
      if (retired(department)) throw areaRetired();
      return { grant: { role: 'department', streetId, departmentId: department.id }, areaName: department.name };
    }
    default: {
      const street = await m.findOne(StreetEntity, { where: { id: streetId } });
      if (!street) throw areaNotFound();
      return { grant: { role: 'street_admin', streetId }, areaName: street.name };
    }
  }
}

/** Names of a street's areas, for lists (one query per kind). */
export class AreaNames {
  private constructor(
    private readonly street: string,
    private readonly communities: Map<number, string>,
    private readonly grids: Map<number, string>,
    private readonly departments: Map<number, string>,
  ) {}

  static async load(m: EntityManager, streetId: number): Promise<AreaNames> {
    const [street, communities, departments] = await Promise.all([
      m.findOne(StreetEntity, { where: { id: streetId } }),
      m.find(CommunityEntity, { where: { streetId } }),
      m.find(DepartmentEntity, { where: { streetId } }),
    ]);
    const ids = communities.map((c) => c.id);
    const grids = ids.length ? await m.createQueryBuilder(GridEntity, 'g').where('g.community_id IN (:...ids)', { ids }).getMany() : [];
    const byId = <T extends { id: number; name: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r.name]));
    return new AreaNames(street?.name ?? '', byId(communities), byId(grids), byId(departments));
  }

  of(row: { role: string; communityId: number | null; gridId: number | null; departmentId: number | null }): string {
    switch (row.role) {
      case 'grid_worker': return `${this.communities.get(row.communityId ?? 0) ?? ''} ${this.grids.get(row.gridId ?? 0) ?? ''}`.trim();
      case 'community_staff': return this.communities.get(row.communityId ?? 0) ?? '';
      case 'department': return this.departments.get(row.departmentId ?? 0) ?? '';
      case 'street_admin': return this.street;
      default: return '';
    }
  }
}

export const roleLabel = (role: string) => RoleLabels[role as keyof typeof RoleLabels] ?? role;
