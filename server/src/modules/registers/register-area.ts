import type { DataSource } from 'typeorm';
import type { Scope } from '../../common/access';
import { forbidden } from '../../common/domain-exception';
import { BuildingEntity, CommunityEntity, GridEntity, UnitEntity } from '../org/org.entities';
import type { UserEntity } from '../users/user.entity';
import { scopeOf } from '../../common/access';

/** The part of the organisation a register call covers: a street, a community or a grid. */
export type RegisterArea = { level: 'street'; streetId: number } | { level: 'community'; streetId: number; communityId: number } | { level: 'grid'; streetId: number; gridId: number };

/** The caller's area for reading the register (grid worker: own grid; community staff: own community; street admin: the street). */
export function readArea(user: UserEntity): RegisterArea {
  const scope: Scope = scopeOf(user);
  const streetId = user.streetId ?? 0;
  if (scope.level === 'street') return { level: 'street', streetId };
  if (scope.level === 'community') return { level: 'community', streetId, communityId: scope.communityId };
  if (scope.level === 'grid') return { level: 'grid', streetId, gridId: scope.gridId };
  throw forbidden('只有网格员、社区和街道工作人员可以查看居民台账');
}

/** The caller's area for importing, exporting and assigning leaders: community staff or street admin only. */
export function manageArea(user: UserEntity): RegisterArea & { level: 'street' | 'community' } {
  const area = readArea(user);
  if (area.level === 'grid') throw forbidden('导入、导出台账和安排网格长、楼栋长由社区或街道工作人员办理');
  return area;
}

export const canManage = (user: UserEntity) => user.role === 'community_staff' || user.role === 'street_admin';

/**
 * SQL condition for the area: on a table with street_id/community_id/grid_id columns under an alias, or on the org
 * tables' own columns (`ORG_COLUMNS`: c.street_id, c.id, g.id).
 */
export function areaWhere(area: RegisterArea, on: string | { street: string; community: string; grid: string }): { sql: string; params: number[] } {
  const cols = typeof on === 'string' ? { street: `${on}.street_id`, community: `${on}.community_id`, grid: `${on}.grid_id` } : on;
  if (area.level === 'street') return { sql: `${cols.street} = ?`, params: [area.streetId] };
  if (area.level === 'community') return { sql: `${cols.community} = ?`, params: [area.communityId] };
  return { sql: `${cols.grid} = ?`, params: [area.gridId] };
}

/** The area's columns in a query over communities c and grids g. */
export const ORG_COLUMNS = { street: 'c.street_id', community: 'c.id', grid: 'g.id' };

export function inArea(area: RegisterArea, where: { streetId: number; communityId: number; gridId: number }): boolean {
  if (area.level === 'street') return Number(where.streetId) === area.streetId;
  if (area.level === 'community') return Number(where.communityId) === area.communityId;
  return Number(where.gridId) === area.gridId;
}

/**
 * "AND c.retired_at IS NULL AND …" for the org tables that have a retired_at column (停用 areas are left out of imports
 * and pickers). Read from the entity metadata, so it follows the schema whether or not a table has the column.
 */
export function activeOrg(ds: DataSource, aliases: { c?: string; g?: string; b?: string; u?: string }): string {
  const tables: [string | undefined, Function][] = [[aliases.c, CommunityEntity], [aliases.g, GridEntity], [aliases.b, BuildingEntity], [aliases.u, UnitEntity]];
  return tables
    .filter(([alias, entity]) => alias && ds.getMetadata(entity).findColumnWithPropertyName('retiredAt'))
    .map(([alias]) => ` AND ${alias}.retired_at IS NULL`)
    .join('');
}
