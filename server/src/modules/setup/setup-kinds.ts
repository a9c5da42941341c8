import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { SetupKindLabels, type SetupKind, type SetupNode } from '../../../../contracts/setup.contract';
import { conflict, notFound } from '../../common/domain-exception';

/** One organisation row as the setup commands see it, with where it sits (street, community) and its parent's state. */
export interface AreaRow {
  kind: SetupKind;
  id: number;
  name: string;
  retired: boolean;
  streetId: number;
  /** null for departments and street-level teams. */
  communityId: number | null;
  /** The parent (community of a grid, grid of a building, building of a unit, community of a team) is retired. */
  parentRetired: boolean;
  /** Grids: the assigned grid worker and the households covered. Buildings: their grid. */
  gridWorkerId: number | null;
  households: number | null;
  gridId: number | null;
}

interface KindSpec {
  table: string;
  /** Audit target type. */
  target: string;
  /** SELECT … yielding id, name, retired_at, street_id, community_id, parent_retired, grid_worker_id, households, grid_id
   *  for `x.id = ?`. */
  locate: string;
  /** Conditions (on the row `x`) under which it may be retired: no active children. */
  retirable: string;
  /** The children that keep it from being retired, in words (null: none). */
  children: string | null;
  /** Its parent, in words, when restoring is refused because the parent is retired (null: no parent). */
  parent: string | null;
}

const NO_EXTRA = 'NULL AS grid_worker_id, NULL AS households, NULL AS grid_id';
const active = (table: string, column: string) => `NOT EXISTS (SELECT 1 FROM ${table} ch WHERE ch.${column} = x.id AND ch.retired_at IS NULL)`;

export const KINDS: Record<SetupKind, KindSpec> = {
  communities: {
    table: 'communities', target: 'community', parent: null, children: '网格或社区志愿服务队',
    locate: `SELECT x.id, x.name, x.retired_at, x.street_id, x.id AS community_id, NULL AS parent_retired, ${NO_EXTRA} FROM communities x`,
    retirable: `${active('grids', 'community_id')} AND ${active('volunteer_teams', 'community_id')}`,
  },
  grids: {
    table: 'grids', target: 'grid', parent: '所在社区', children: '楼栋',
    locate: `SELECT x.id, x.name, x.retired_at, p.street_id, x.community_id, p.retired_at AS parent_retired, x.grid_worker_id, x.households, NULL AS grid_id
             FROM grids x JOIN communities p ON p.id = x.community_id`,
    retirable: `${active('buildings', 'grid_id')} AND x.grid_worker_id IS NULL`,
  },
  buildings: {
    table: 'buildings', target: 'building', parent: '所在网格', children: '单元',
    locate: `SELECT x.id, x.name, x.retired_at, c.street_id, x.community_id, p.retired_at AS parent_retired, NULL AS grid_worker_id, NULL AS households, x.grid_id
             FROM buildings x JOIN grids p ON p.id = x.grid_id JOIN communities c ON c.id = x.community_id`,
    retirable: active('units', 'building_id'),
  },
  units: {
    table: 'units', target: 'unit', parent: '所在楼栋', children: null,
    locate: `SELECT x.id, x.name, x.retired_at, c.street_id, p.community_id, p.retired_at AS parent_retired, ${NO_EXTRA}
             FROM units x JOIN buildings p ON p.id = x.building_id JOIN communities c ON c.id = p.community_id`,
    retirable: '1 = 1',
  },
  departments: {
    table: 'departments', target: 'department', parent: null, children: null,
    locate: `SELECT x.id, x.name, x.retired_at, x.street_id, NULL AS community_id, NULL AS parent_retired, ${NO_EXTRA} FROM departments x`,
    retirable: '1 = 1',
  },
  'volunteer-teams': {
    table: 'volunteer_teams', target: 'volunteer_team', parent: '所在社区', children: null,
    locate: `SELECT x.id, x.name, x.retired_at, x.street_id, x.community_id, p.retired_at AS parent_retired, ${NO_EXTRA}
             FROM volunteer_teams x LEFT JOIN communities p ON p.id = x.community_id`,
    retirable: '1 = 1',
  },
};

const present = (v: unknown) => v !== null && v !== undefined;
const idOrNull = (v: unknown) => (present(v) ? Number(v) : null);

/** The row of this kind, or 404 AREA_NOT_FOUND. `lock`: the database's FOR UPDATE suffix ('' on SQLite). */
export async function locate(m: EntityManager, kind: SetupKind, id: number, lock = ''): Promise<AreaRow> {
  const [r] = (await m.query(`${KINDS[kind].locate} WHERE x.id = ?${lock}`, [id])) as Record<string, unknown>[];
  if (!r) throw areaNotFound(kind);
  return {
    kind, id: Number(r.id), name: String(r.name), retired: present(r.retired_at), streetId: Number(r.street_id),
    communityId: idOrNull(r.community_id), parentRetired: present(r.parent_retired),
    gridWorkerId: idOrNull(r.grid_worker_id), households: idOrNull(r.households), gridId: idOrNull(r.grid_id),
  };
}

export const toNode = (row: Pick<AreaRow, 'kind' | 'id' | 'name' | 'retired'>): SetupNode => ({ kind: row.kind, id: row.id, name: row.name, retired: row.retired });

export const areaNotFound = (kind: SetupKind) => notFound(ErrorCode.AREA_NOT_FOUND, `没有找到这个${SetupKindLabels[kind]}`);
export const nameTaken = (kind: SetupKind, name: string) =>
  conflict(ErrorCode.AREA_NAME_TAKEN, `已经有叫“${name}”的${SetupKindLabels[kind]}了（停用的也算），请换一个名字`);
export const parentRetired = (what: string) => conflict(ErrorCode.AREA_RETIRED, `${what}已停用，请先恢复${what}`);
