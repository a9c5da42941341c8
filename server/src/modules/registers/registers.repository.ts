import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { HOUSEHOLDS_PAGE, type HouseholdsQuery } from '../../../../contracts/registers.contract';
import { DatabaseService, type Dialect } from '../../database/database.service';
import { activeOrg, areaWhere, householdsWhere, ORG_COLUMNS, type HouseholdsFilter, type RegisterArea } from './register-area';
import { householdKey, type HouseholdRow, type OrgUnit, type PlaceNames } from './register-sheet';
import type { HouseholdEntity } from './registers.entities';

/** Rows per multi-row INSERT … ON CONFLICT/ON DUPLICATE KEY statement (13 parameters each). */
export const UPSERT_CHUNK = 500;
const COLS = ['street_id', 'community_id', 'grid_id', 'building_id', 'unit_id', 'room', 'head_name', 'head_phone', 'people', 'tags', 'note', 'created_at', 'updated_at'];
/** An existing household (same unit and 门牌号) keeps its key and its created_at. */
const UPDATED = COLS.filter((c) => !['unit_id', 'room', 'created_at'].includes(c));

/** The tail of an INSERT that updates `cols` of the row already holding the unique key `conflict` (SQLite / MariaDB). */
export function onConflictUpdate(dialect: Dialect, conflict: string[], cols: string[]): string {
  return dialect === 'sqlite'
    ? ` ON CONFLICT(${conflict.join(', ')}) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}`
    : ` ON DUPLICATE KEY UPDATE ${cols.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
}

/** A household with the names of its place (list, detail, export). */
export interface HouseholdPlaceRow
  extends Pick<HouseholdEntity, 'id' | 'streetId' | 'communityId' | 'gridId' | 'unitId' | 'room' | 'headName' | 'headPhone' | 'people' | 'tags' | 'note'>, PlaceNames {
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
       WHERE ${w.sql}${activeOrg({ c: 'c', g: 'g', b: 'b', u: 'u' })}`,
      w.params,
    )) as OrgUnit[];
    return rows.map((r) => ({ ...r, streetId: +r.streetId, communityId: +r.communityId, gridId: +r.gridId, buildingId: +r.buildingId, unitId: +r.unitId }));
  }

  /** Names of the active communities of a street. */
  async communityNames(m: EntityManager, streetId: number, communityId?: number): Promise<string[]> {
    const rows = (await m.query(
      `SELECT c.name FROM communities c WHERE c.street_id = ?${communityId ? ' AND c.id = ?' : ''}${activeOrg({ c: 'c' })}`,
      communityId ? [streetId, communityId] : [streetId],
    )) as { name: string }[];
    return rows.map((r) => r.name);
  }

  /**
   * (unit, 门牌号) → household id for the households of the area. `locking` (after an import's upsert, to attach members):
   * on MariaDB a locking (current) read — the transaction's snapshot would miss a household another import inserted
   * meanwhile that this one's upsert left unchanged (same values), and its id with it.
   */
  async idsByKey(m: EntityManager, area: RegisterArea, locking = false): Promise<Map<string, number>> {
    const w = areaWhere(area, 'h');
    const lock = locking && this.db.dialect !== 'sqlite' ? ' LOCK IN SHARE MODE' : '';
    const rows = (await m.query(`SELECT h.id, h.unit_id AS unitId, h.room FROM households h WHERE ${w.sql}${lock}`, w.params)) as { id: number; unitId: number; room: string }[];
    return new Map(rows.map((r) => [householdKey(r.unitId, r.room), Number(r.id)]));
  }

  /** Inserts new households and updates existing ones (same unit and 门牌号), UPSERT_CHUNK rows a statement. */
  async upsert(m: EntityManager, rows: HouseholdRow[], now: Date): Promise<void> {
    const at = this.db.dateParam(now);
    const one = `(${COLS.map(() => '?').join(', ')})`;
    const tail = onConflictUpdate(this.db.dialect, ['unit_id', 'room'], UPDATED);
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
    const { where, params } = householdsWhere(area, q);
    where.push('h.id > ?');
    params.push(q.after ?? 0);
    if (q.q) (where.push("(h.room = ? OR h.head_name LIKE ? ESCAPE '!')"), params.push(q.q, `%${q.q.replace(/[!%_]/g, (c) => `!${c}`)}%`));
    return this.db.manager.query(`${SELECT_PLACE} WHERE ${where.join(' AND ')} ORDER BY h.id LIMIT ${HOUSEHOLDS_PAGE + 1}`, params);
  }

  async findOne(m: EntityManager, id: number): Promise<HouseholdPlaceRow | null> {
    const [row] = (await m.query(`${SELECT_PLACE} WHERE h.id = ?`, [id])) as HouseholdPlaceRow[];
    return row ?? null;
  }

  /** Every household of the area (export), by place. */
  exportRows(area: RegisterArea, filter: HouseholdsFilter): Promise<HouseholdPlaceRow[]> {
    const { where, params } = householdsWhere(area, filter);
    return this.db.manager.query(`${SELECT_PLACE} WHERE ${where.join(' AND ')} ORDER BY h.community_id, h.building_id, h.unit_id, h.id`, params);
  }

  /** The area's active buildings and units with their household counts. */
  async areaUnits(area: RegisterArea): Promise<Record<string, unknown>[]> {
    const w = areaWhere(area, ORG_COLUMNS);
    return this.db.manager.query(
      `SELECT b.id AS buildingId, b.name AS buildingName, g.id AS gridId, g.name AS gridName, c.id AS communityId, c.name AS communityName,
         u.id AS unitId, u.name AS unitName, (SELECT COUNT(*) FROM households h WHERE h.unit_id = u.id) AS households
       FROM units u JOIN buildings b ON b.id = u.building_id JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id
       WHERE ${w.sql}${activeOrg({ c: 'c', g: 'g', b: 'b', u: 'u' })}
       ORDER BY c.id, b.id, u.id`,
      w.params,
    );
  }
}
