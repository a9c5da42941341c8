import type { EntityManager } from 'typeorm';
import { RoleLabels, type Role } from '../../../../contracts/roles';
import { GridEntity } from '../org/org.entities';
import { NotificationEntity } from '../notifications/notification.entity';
import { UserEntity } from '../users/user.entity';

/** A role and the area it covers (身份与范围). Columns not meaningful for the role are stored as null. */
export interface StaffGrant {
  role: Role;
  streetId: number;
  communityId?: number | null;
  gridId?: number | null;
  departmentId?: number | null;
}

export interface StaffRoleResult {
  /** The user's role before the change. */
  previousRole: Role;
  /** Grid workers replaced by this grant (one worker per grid 一格一员): they are back to 居民 and were told. */
  displacedWorkerIds: number[];
}

/** The role/area columns a user row carries for a grant; resident unit columns are cleared (one role per person). */
function columnsFor(grant: StaffGrant): Partial<UserEntity> {
  const { role, streetId } = grant;
  const communityId = role === 'community_staff' || role === 'grid_worker' ? grant.communityId ?? null : null;
  return {
    role, streetId, communityId,
    gridId: role === 'grid_worker' ? grant.gridId ?? null : null,
    departmentId: role === 'department' ? grant.departmentId ?? null : null,
    unitId: null, unitConfirmed: false, unitChosenAt: null, unitConfirmedBy: null,
  };
}

const RESIDENT_COLUMNS: Partial<UserEntity> = {
  role: 'resident', streetId: null, communityId: null, gridId: null, departmentId: null,
  unitId: null, unitConfirmed: false, unitChosenAt: null, unitConfirmedBy: null,
};

/**
 * Gives a user a staff role and area, inside the caller's transaction. For a grid worker the grid's
 * `grid_worker_id` points at them; a grid they served before is released, and a worker who held the new grid is
 * returned to 居民 and told (one worker per grid). The caller writes the audit entries (role.change / role.revoke).
 * Used by invitations, role changes and the demo seeder (A).
 */
export async function applyStaffRole(m: EntityManager, userId: number, grant: StaffGrant): Promise<StaffRoleResult> {
  const user = await m.findOneOrFail(UserEntity, { where: { id: userId } });
  await m.update(GridEntity, { gridWorkerId: userId }, { gridWorkerId: null });
  const displacedWorkerIds: number[] = [];
  if (grant.role === 'grid_worker') {
    if (!grant.gridId) throw new Error('applyStaffRole: a grid worker needs a grid');
    const grid = await m.findOneOrFail(GridEntity, { where: { id: grant.gridId } });
    if (grid.gridWorkerId !== null && grid.gridWorkerId !== userId) {
      displacedWorkerIds.push(grid.gridWorkerId);
      await displace(m, grid.gridWorkerId, grid);
    }
    await m.update(GridEntity, { id: grid.id }, { gridWorkerId: userId });
    // A grid worker's community is the grid's, whatever the caller passed.
    grant = { ...grant, communityId: grid.communityId };
  }
  await m.update(UserEntity, { id: userId }, columnsFor(grant));
  return { previousRole: user.role, displacedWorkerIds };
}

/** Back to 居民: area cleared, any grid they served left without a worker. Returns the role they had. */
export async function revokeStaffRole(m: EntityManager, userId: number): Promise<Role> {
  const user = await m.findOneOrFail(UserEntity, { where: { id: userId } });
  await m.update(GridEntity, { gridWorkerId: userId }, { gridWorkerId: null });
  await m.update(UserEntity, { id: userId }, RESIDENT_COLUMNS);
  return user.role;
}

/** "网格员 → 居民": the detail line of a role audit entry. */
export function roleChangeDetail(from: Role, to: Role, area?: string | null): string {
  return `${RoleLabels[from]} → ${RoleLabels[to]}${area ? `（${area}）` : ''}`;
}

async function displace(m: EntityManager, workerId: number, grid: GridEntity): Promise<void> {
  // Only a grid worker of that grid is returned to 居民 (a stale pointer to someone with another role is just cleared).
  const result = await m.update(UserEntity, { id: workerId, role: 'grid_worker', gridId: grid.id }, RESIDENT_COLUMNS);
  if (!result.affected) return;
  await m.insert(NotificationEntity, {
    userId: workerId, type: 'role.revoked', title: '您的网格员身份已交接',
    body: `${grid.name}已由新的网格员负责，您的身份已改为居民。如有疑问请联系街道。`, link: null, readAt: null, createdAt: new Date(),
  });
}

