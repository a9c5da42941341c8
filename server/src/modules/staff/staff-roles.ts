import type { EntityManager } from 'typeorm';
import { RoleLabels, type Role } from '../../../../contracts/roles';
import { NotificationEntity } from '../notifications/notification.entity';
import { UserEntity } from '../users/user.entity';
import { DatabaseService } from '../../database/database.service';

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
 * `grid_worker_id` points at them; a grid they served before is released, and whoever held the new grid is
 * returned to 居民 and told (one worker per grid 一格一员). The caller writes the audit entries (role.change / role.revoke).
 * Used by invitations, role changes and the demo seeder (A).
 *
 * One worker per grid under concurrency: the grid rows are taken with a locking read (MariaDB: the latest committed
 * version, in id order) before deciding whom to displace, so two grants of one grid run one after the other and the
 * second displaces the first. Lock order on every role path: invitations → street → grids → users.
 */
export async function applyStaffRole(m: EntityManager, userId: number, grant: StaffGrant): Promise<StaffRoleResult> {
  const displacedWorkerIds: number[] = [];
  if (grant.role === 'grid_worker') {
    if (!grant.gridId) throw new Error('applyStaffRole: a grid worker needs a grid');
    const grid = await lockGrid(m, grant.gridId, userId);
    for (const id of await holdersOf(m, grid, userId)) if (await displace(m, id, grid)) displacedWorkerIds.push(id);
    await m.query('UPDATE grids SET grid_worker_id = NULL WHERE grid_worker_id = ? AND id <> ?', [userId, grid.id]);
    await m.query('UPDATE grids SET grid_worker_id = ? WHERE id = ?', [userId, grid.id]);
    // A grid worker's community is the grid's, whatever the caller passed.
    grant = { ...grant, communityId: grid.communityId };
  } else {
    await m.query('UPDATE grids SET grid_worker_id = NULL WHERE grid_worker_id = ?', [userId]);
  }
  const user = await m.findOneOrFail(UserEntity, { where: { id: userId } });
  await m.update(UserEntity, { id: userId }, columnsFor(grant));
  return { previousRole: user.role, displacedWorkerIds };
}

/** Whether the user already holds exactly this role and area (a no-op change). */
export function holdsGrant(u: UserEntity, g: StaffGrant): boolean {
  if (u.role !== g.role || u.streetId !== g.streetId) return false;
  if (g.role === 'grid_worker') return u.gridId === (g.gridId ?? null);
  if (g.role === 'community_staff') return u.communityId === (g.communityId ?? null);
  if (g.role === 'department') return u.departmentId === (g.departmentId ?? null);
  return true;
}

type LockedGrid = { id: number; communityId: number; name: string; gridWorkerId: number | null };

/** Locks the target grid and any grid the user serves now, in ascending id order (no two paths lock grids crosswise). */
async function lockGrid(m: EntityManager, gridId: number, userId: number): Promise<LockedGrid> {
  const served = (await m.query('SELECT id FROM grids WHERE grid_worker_id = ?', [userId])) as { id: number | string }[];
  const ids = [...new Set([gridId, ...served.map((r) => Number(r.id))])].sort((a, b) => a - b);
  const rows = (await m.query(
    `SELECT id, community_id, name, grid_worker_id FROM grids WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id${DatabaseService.forUpdateOf(m)}`, ids,
  )) as { id: number | string; community_id: number | string; name: string; grid_worker_id: number | string | null }[];
  const row = rows.find((r) => Number(r.id) === gridId);
  if (!row) throw new Error(`applyStaffRole: grid ${gridId} not found`);
  return { id: gridId, communityId: Number(row.community_id), name: row.name, gridWorkerId: row.grid_worker_id === null ? null : Number(row.grid_worker_id) };
}

/**
 * Everyone who holds the grid besides `userId`: the grid's pointer and any user row saying grid_worker of this grid
 * (locked, read at their latest), so a stale second holder is cleared too and the grid row stays the one source.
 */
async function holdersOf(m: EntityManager, grid: LockedGrid, userId: number): Promise<number[]> {
  const rows = (await m.query(
    `SELECT id FROM users WHERE grid_id = ? AND role = 'grid_worker' AND id <> ? ORDER BY id${DatabaseService.forUpdateOf(m)}`, [grid.id, userId],
  )) as { id: number | string }[];
  const ids = new Set(rows.map((r) => Number(r.id)));
  if (grid.gridWorkerId !== null && grid.gridWorkerId !== userId) ids.add(grid.gridWorkerId);
  return [...ids].sort((a, b) => a - b);
}

/** Back to 居民: area cleared, any grid they served left without a worker. Returns the role they had. */
export async function revokeStaffRole(m: EntityManager, userId: number): Promise<Role> {
  await m.query('UPDATE grids SET grid_worker_id = NULL WHERE grid_worker_id = ?', [userId]);
  const user = await m.findOneOrFail(UserEntity, { where: { id: userId } });
  await m.update(UserEntity, { id: userId }, RESIDENT_COLUMNS);
  return user.role;
}

/** "网格员 → 居民": the detail line of a role audit entry. */
export function roleChangeDetail(from: Role, to: Role, area?: string | null): string {
  return `${RoleLabels[from]} → ${RoleLabels[to]}${area ? `（${area}）` : ''}`;
}

/** Returns a grid worker of that grid to 居民 and tells them; false when they no longer were one (a stale pointer is just cleared). */
async function displace(m: EntityManager, workerId: number, grid: LockedGrid): Promise<boolean> {
  const result = await m.update(UserEntity, { id: workerId, role: 'grid_worker', gridId: grid.id }, RESIDENT_COLUMNS);
  if (!result.affected) return false;
  await m.insert(NotificationEntity, {
    userId: workerId, type: 'role.revoked', title: '您的网格员身份已交接',
    body: `${grid.name}已由新的网格员负责，您的身份已改为居民。如有疑问请联系街道。`, link: null, readAt: null, createdAt: new Date(),
  });
  return true;
}
