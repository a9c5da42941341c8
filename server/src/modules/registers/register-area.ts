import { inScope, scopeOf, type Scope } from '../../common/access';
import { forbidden } from '../../common/domain-exception';
import type { UserEntity } from '../users/user.entity';

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

/** The filters a households query may add inside the area (list, export, the export's members). */
export type HouseholdsFilter = { communityId?: number; gridId?: number; buildingId?: number; unitId?: number };

/** The conditions on households `h` for the area and the filter: join with AND. */
export function householdsWhere(area: RegisterArea, filter: HouseholdsFilter): { where: string[]; params: unknown[] } {
  const w = areaWhere(area, 'h');
  const where = [w.sql];
  const params: unknown[] = [...w.params];
  for (const [col, v] of [['community_id', filter.communityId], ['grid_id', filter.gridId], ['building_id', filter.buildingId], ['unit_id', filter.unitId]] as const) {
    if (v) (where.push(`h.${col} = ?`), params.push(v));
  }
  return { where, params };
}

/** Whether a row (raw SQL: ids may come back as text) lies in the area: the app-wide rule, common/access inScope. */
export const inArea = (area: RegisterArea, where: { streetId: number; communityId: number; gridId: number }): boolean =>
  inScope(area, { streetId: Number(where.streetId), communityId: Number(where.communityId), gridId: Number(where.gridId) });

/** " AND c.retired_at IS NULL AND …" for the given aliases: 停用 areas are left out of imports, lists and pickers. */
export function activeOrg(aliases: { c?: string; g?: string; b?: string; u?: string }): string {
  return Object.values(aliases).map((alias) => ` AND ${alias}.retired_at IS NULL`).join('');
}
