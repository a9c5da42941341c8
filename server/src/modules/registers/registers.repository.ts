import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HOUSEHOLDS_PAGE, type HouseholdsQuery } from '../../../../contracts/registers.contract';
import { DatabaseService } from '../../database/database.service';
import { activeOrg, areaWhere, ORG_COLUMNS, type RegisterArea } from './register-area';
import type { HouseholdRow, OrgUnit } from './register-sheet';

/** Rows per multi-row INSERT … ON CONFLICT/ON DUPLICATE KEY statement (13 parameters each). */
export const UPSERT_CHUNK = 500;
const COLS = ['street_id', 'community_id', 'grid_id', 'building_id', 'unit_id', 'room', 'head_name', 'head_phone', 'people', 'tags', 'note', 'created_at', 'updated_at'];
const UPDATED = ['street_id', 'community_id', 'grid_id', 'building_id', 'head_name', 'head_phone', 'people', 'tags', 'note', 'updated_at'];

/** A household with the names of its place (list, detail, export). */
export interface HouseholdPlaceRow {
  id: number;
  streetId: number;
  communityId: number;
  gridId: number;
  unitId: number;
  communityName: string;
  gridName: string;
  buildingName: string;
  unitName: string;
  room: string;
  headName: string;
  headPhone: string;
  people: number;
  tags: string;
  note: string | null;
  updatedAt: Date | string;
}

const SELECT_PLACE = `SELECT h.id, h.street_id AS streetId, h.community_id AS communityId, h.grid_id AS gridId, h.unit_id AS unitId,
  c.name AS communityName, g.name AS gridName, b.name AS buildingName, u.name AS unitName,
  h.room, h.head_name AS headName, h.head_phone AS headPhone, h.people, h.tags, h.note, h.updated_at AS updatedAt
  FROM households h JOIN communities c ON c.id = h.community_id JOIN grids g ON g.id = h.grid_id
  JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id`;

@Injectable()
export class RegistersRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Every active unit of the area with the names above it, in one query. */
  async orgUnits(m: EntityManager, area: RegisterArea): Promise<OrgUnit[]> {
    const w = areaWhere(area, ORG_COLUMNS);
    const rows = (await m.query(
      `SELECT c.street_id AS streetId, c.id AS communityId, c.name AS communityName, g.id AS gridId, g.name AS gridName,
         b.id AS buildingId, b.name AS buildingName, u.id AS unitId, u.name AS unitName
       FROM units u JOIN buildings b ON b.id = u.building_id JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id
       WHERE ${w.sql}${activeOrg(this.db.dataSource, { c: 'c', g: 'g', b: 'b', u: 'u' })}`,
      w.params,
    )) as OrgUnit[];
    return rows.map((r) => ({ ...r, streetId: +r.streetId, communityId: +r.communityId, gridId: +r.gridId, buildingId: +r.buildingId, unitId: +r.unitId }));
  }

  /** Names of the active communities of a street. */
  async communityNames(m: EntityManager, streetId: number, communityId?: number): Promise<string[]> {
    const rows = (await m.query(
      `SELECT c.name FROM communities c WHERE c.street_id = ?${communityId ? ' AND c.id = ?' : ''}${activeOrg(this.db.dataSource, { c: 'c' })}`,
      communityId ? [streetId, communityId] : [streetId],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }

  /** (unit, 门牌号) keys of the households already in the area. */
  async existingKeys(m: EntityManager, area: RegisterArea): Promise<Set<string>> {
    const w = areaWhere(area, 'h');
    const rows = (await m.query(`SELECT h.unit_id AS unitId, h.room FROM households h WHERE ${w.sql}`, w.params)) as { unitId: number; room: string }[];
    return new Set(rows.map((r) => `${Number(r.unitId)}\u0000${r.room}`));
  }

  /** Inserts new households and updates existing ones (same unit and 门牌号), UPSERT_CHUNK rows a statement. */
  async upsert(m: EntityManager, rows: HouseholdRow[], now: Date): Promise<void> {
    const at = this.db.dateParam(now);
    const one = `(${COLS.map(() => '?').join(', ')})`;
    const tail = this.db.dialect === 'sqlite'
      ? ` ON CONFLICT(unit_id, room) DO UPDATE SET ${UPDATED.map((c) => `${c} = excluded.${c}`).join(', ')}`
      : ` ON DUPLICATE KEY UPDATE ${UPDATED.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      const chunk = rows.slice(i, i + UPSERT_CHUNK);
      const params: unknown[] = [];
      for (const h of chunk) {
        const u = h.unit;
        params.push(u.streetId, u.communityId, u.gridId, u.buildingId, u.unitId, h.room, h.headName, h.headPhone, h.people, h.tags, h.note, at, at);
      }
      await m.query(`INSERT INTO households (${COLS.join(', ')}) VALUES ${Array(chunk.length).fill(one).join(', ')}${tail}`, params);
    }
  }

  /** A page of the area's households (keyset on id), filtered and searched. */
  async page(area: RegisterArea, q: HouseholdsQuery): Promise<HouseholdPlaceRow[]> {
    const w = areaWhere(area, 'h');
    const where = [w.sql, 'h.id > ?'];
    const params: unknown[] = [...w.params, q.after ?? 0];
    for (const [col, v] of [['community_id', q.communityId], ['grid_id', q.gridId], ['building_id', q.buildingId], ['unit_id', q.unitId]] as const) {
      if (v) (where.push(`h.${col} = ?`), params.push(v));
    }
    if (q.q) (where.push("(h.room = ? OR h.head_name LIKE ? ESCAPE '!')"), params.push(q.q, `%${q.q.replace(/[!%_]/g, (c) => `!${c}`)}%`));
    return this.db.manager.query(`${SELECT_PLACE} WHERE ${where.join(' AND ')} ORDER BY h.id LIMIT ${HOUSEHOLDS_PAGE + 1}`, params);
  }

  async findOne(m: EntityManager, id: number): Promise<HouseholdPlaceRow | null> {
    const [row] = (await m.query(`${SELECT_PLACE} WHERE h.id = ?`, [id])) as HouseholdPlaceRow[];
    return row ?? null;
  }

  /** Every household of the area (export), by place. */
  exportRows(area: RegisterArea, filter: { communityId?: number; gridId?: number }): Promise<HouseholdPlaceRow[]> {
    const w = areaWhere(area, 'h');
    const where = [w.sql];
    const params: unknown[] = [...w.params];
    if (filter.communityId) (where.push('h.community_id = ?'), params.push(filter.communityId));
    if (filter.gridId) (where.push('h.grid_id = ?'), params.push(filter.gridId));
    return this.db.manager.query(`${SELECT_PLACE} WHERE ${where.join(' AND ')} ORDER BY h.community_id, h.building_id, h.unit_id, h.id`, params);
  }

  /** The area's active buildings and units with their household counts. */
  async areaUnits(area: RegisterArea): Promise<Record<string, unknown>[]> {
    const w = areaWhere(area, ORG_COLUMNS);
    return this.db.manager.query(
      `SELECT b.id AS buildingId, b.name AS buildingName, g.id AS gridId, g.name AS gridName, c.id AS communityId, c.name AS communityName,
         u.id AS unitId, u.name AS unitName, (SELECT COUNT(*) FROM households h WHERE h.unit_id = u.id) AS households
       FROM units u JOIN buildings b ON b.id = u.building_id JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id
       WHERE ${w.sql}${activeOrg(this.db.dataSource, { c: 'c', g: 'g', b: 'b', u: 'u' })}
       ORDER BY c.id, b.id, u.id`,
      w.params,
    );
  }
}
