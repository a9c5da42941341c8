import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SetupBuilding, SetupCommunity, SetupGrid, SetupItem, SetupTeam, SetupTree, SetupUnit } from '../../../../contracts/setup.contract';
import { DatabaseService } from '../../database/database.service';
import type { UserEntity } from '../users/user.entity';

type Row = Record<string, unknown>;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
const retired = (r: Row) => r.retired_at !== null && r.retired_at !== undefined;
const group = <T>(rows: T[], key: (r: T) => number) => {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
};

/**
 * The organisation as setup shows it 组织架构: communities → grids (households, grid worker, counts) → buildings → units;
 * departments; volunteer teams. Street admins see the whole street; community staff their own community (and its teams).
 * A handful of queries whatever the size (a street has some hundreds of units).
 */
@Injectable()
export class SetupTreeService {
  constructor(private readonly db: DatabaseService) {}

  async tree(me: UserEntity, withRetired: boolean): Promise<SetupTree> {
    const m = this.db.manager;
    const isStreet = me.role === 'street_admin';
    const [street] = (await m.query('SELECT id, name FROM streets WHERE id = ?', [me.streetId])) as Row[];
    const live = withRetired ? '' : ' AND x.retired_at IS NULL';
    const communities: Row[] = isStreet
      ? await m.query(`SELECT x.id, x.name, x.retired_at FROM communities x WHERE x.street_id = ?${live} ORDER BY x.id`, [me.streetId])
      : await m.query(`SELECT x.id, x.name, x.retired_at FROM communities x WHERE x.id = ?${live}`, [me.communityId]);
    const ids = communities.map((c) => Number(c.id));
    const grids = await this.grids(m, ids, live);
    const departments: Row[] = isStreet ? await m.query(`SELECT x.id, x.name, x.retired_at FROM departments x WHERE x.street_id = ?${live} ORDER BY x.id`, [me.streetId]) : [];
    const teams: Row[] = isStreet
      ? await m.query(`SELECT x.id, x.name, x.retired_at, x.community_id FROM volunteer_teams x WHERE x.street_id = ?${live} ORDER BY x.id`, [me.streetId])
      : await m.query(`SELECT x.id, x.name, x.retired_at, x.community_id FROM volunteer_teams x WHERE x.community_id = ?${live} ORDER BY x.id`, [me.communityId ?? 0]);
    const gridsOf = group(grids, (g) => g.communityId);
    return {
      street: { id: Number(street?.id ?? me.streetId), name: String(street?.name ?? '') },
      canEditStreet: isStreet,
      communities: communities.map((c): SetupCommunity => ({ id: Number(c.id), name: String(c.name), retired: retired(c), grids: (gridsOf.get(Number(c.id)) ?? []).map(({ communityId: _, ...g }) => g) })),
      departments: departments.map((d): SetupItem => ({ id: Number(d.id), name: String(d.name), retired: retired(d) })),
      teams: teams.map((t): SetupTeam => ({ id: Number(t.id), name: String(t.name), retired: retired(t), communityId: t.community_id === null ? null : Number(t.community_id) })),
    };
  }

  private async grids(m: EntityManager, communityIds: number[], live: string): Promise<(SetupGrid & { communityId: number })[]> {
    if (!communityIds.length) return [];
    const rows: Row[] = await m.query(
      `SELECT x.id, x.name, x.retired_at, x.community_id, x.households, u.name AS worker FROM grids x LEFT JOIN users u ON u.id = x.grid_worker_id
       WHERE x.community_id IN (${marks(communityIds.length)})${live} ORDER BY x.id`, communityIds);
    const buildings: Row[] = await m.query(
      `SELECT x.id, x.name, x.retired_at, x.grid_id FROM buildings x WHERE x.community_id IN (${marks(communityIds.length)})${live} ORDER BY x.id`, communityIds);
    const units: Row[] = await m.query(
      `SELECT x.id, x.name, x.retired_at, x.building_id FROM units x JOIN buildings b ON b.id = x.building_id
       WHERE b.community_id IN (${marks(communityIds.length)})${live} ORDER BY x.id`, communityIds);
    const residents: Row[] = await m.query(
      `SELECT unit_id, COUNT(*) AS n FROM users WHERE role = 'resident' AND deleted_at IS NULL AND unit_id IS NOT NULL
       AND community_id IN (${marks(communityIds.length)}) GROUP BY unit_id`, communityIds);
    const residentsIn = new Map(residents.map((r) => [Number(r.unit_id), Number(r.n)]));
    const unitsOf = group(units.map((u): SetupUnit & { buildingId: number } => ({
      id: Number(u.id), name: String(u.name), retired: retired(u), residents: residentsIn.get(Number(u.id)) ?? 0, buildingId: Number(u.building_id),
    })), (u) => u.buildingId);
    const buildingsOf = group(buildings.map((b): SetupBuilding => ({
      id: Number(b.id), name: String(b.name), retired: retired(b), gridId: Number(b.grid_id),
      units: (unitsOf.get(Number(b.id)) ?? []).map(({ buildingId: _, ...u }) => u),
    })), (b) => b.gridId);
    return rows.map((g) => {
      const own = buildingsOf.get(Number(g.id)) ?? [];
      const activeUnits = own.filter((b) => !b.retired).flatMap((b) => b.units.filter((u) => !u.retired));
      return {
        id: Number(g.id), name: String(g.name), retired: retired(g), communityId: Number(g.community_id),
        households: g.households === null || g.households === undefined ? null : Number(g.households),
        gridWorkerName: g.worker === null || g.worker === undefined ? null : String(g.worker),
        buildingCount: own.filter((b) => !b.retired).length, unitCount: activeUnits.length,
        residentCount: own.flatMap((b) => b.units).reduce((n, u) => n + u.residents, 0),
        buildings: own,
      };
    });
  }
}
