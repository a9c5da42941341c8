import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { StaffRoles, type Role } from '../../../../contracts/roles';
import { DatabaseService } from '../../database/database.service';
import { COMMUNITY_READS, type DiaryReader } from './diary-access';
import { DiaryNoteEntity } from './diary-note.entity';

/** A staff member with the names of the places they serve. */
export interface PersonRow extends DiaryReader {
  name: string;
  gridName: string | null;
  communityName: string | null;
  streetName: string | null;
  departmentName: string | null;
}

/** A step the person took on a concern (concern_events), with what a reader needs to recognise the concern. */
export interface ActionRow {
  id: number;
  concernId: number;
  type: string;
  toLevel: string | null;
  note: string | null;
  createdAt: Date | string;
  category: string;
  placeKind: string;
  placeDetail: string | null;
  communityName: string | null;
  buildingName: string | null;
  unitName: string | null;
}

/** More steps than anyone takes in a day; a bound, not a page. */
const ACTIONS_PER_DAY_MAX = 500;

const SELECT_PEOPLE = `
SELECT u.id AS id, u.name AS name, u.role AS role, u.street_id AS streetId, u.community_id AS communityId,
       g.name AS gridName, cm.name AS communityName, s.name AS streetName, d.name AS departmentName
  FROM users u
  LEFT JOIN grids g ON g.id = u.grid_id
  LEFT JOIN communities cm ON cm.id = u.community_id
  LEFT JOIN streets s ON s.id = u.street_id
  LEFT JOIN departments d ON d.id = u.department_id`;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Reads the concerns' timelines (never writes them) and keeps the diary notes. */
@Injectable()
export class DiaryRepository {
  constructor(private readonly db: DatabaseService) {}

  async person(userId: number): Promise<PersonRow | null> {
    const rows: PersonRow[] = await this.db.manager.query(`${SELECT_PEOPLE} WHERE u.id = ?`, [userId]);
    return rows[0] ? normalize(rows[0]) : null;
  }

  /** The staff whose diaries `viewer` may read — the same rule as mayReadDiary. */
  async readableBy(viewer: DiaryReader): Promise<PersonRow[]> {
    let where: string;
    let params: unknown[];
    if (viewer.role === 'community_staff' && viewer.communityId !== null) {
      where = `u.community_id = ? AND u.role IN (${placeholders(COMMUNITY_READS.length)})`;
      params = [viewer.communityId, ...COMMUNITY_READS];
    } else if (viewer.role === 'street_admin' && viewer.streetId !== null) {
      where = `u.street_id = ? AND u.role IN (${placeholders(StaffRoles.length)})`;
      params = [viewer.streetId, ...StaffRoles];
    } else {
      where = 'u.id = ?';
      params = [viewer.id];
    }
    const rows: PersonRow[] = await this.db.manager.query(`${SELECT_PEOPLE} WHERE ${where} ORDER BY u.id ASC LIMIT 1000`, params);
    return rows.map(normalize);
  }

  /** What the person did on concerns in [start, end), oldest first. */
  actions(userId: number, start: Date, end: Date): Promise<ActionRow[]> {
    return this.db.manager.query(
      `SELECT e.id AS id, e.concern_id AS concernId, e.type AS type, e.to_level AS toLevel, e.note AS note, e.created_at AS createdAt,
              c.category AS category, c.place_kind AS placeKind, c.place_detail AS placeDetail,
              cm.name AS communityName, b.name AS buildingName, un.name AS unitName
         FROM concern_events e
         JOIN concerns c ON c.id = e.concern_id
         LEFT JOIN communities cm ON cm.id = c.community_id
         LEFT JOIN buildings b ON b.id = c.building_id
         LEFT JOIN units un ON un.id = c.unit_id
        WHERE e.actor_id = ? AND e.created_at >= ? AND e.created_at < ?
        ORDER BY e.created_at ASC, e.id ASC
        LIMIT ${ACTIONS_PER_DAY_MAX}`,
      [userId, this.db.dateParam(start), this.db.dateParam(end)],
    );
  }

  notes(userId: number, day: string): Promise<DiaryNoteEntity[]> {
    return this.db.manager.find(DiaryNoteEntity, { where: { userId, day }, order: { id: 'ASC' } });
  }

  async insertNote(m: EntityManager, v: Omit<DiaryNoteEntity, 'id'>): Promise<number> {
    const r = await m.insert(DiaryNoteEntity, v);
    return Number(r.identifiers[0].id);
  }
}

function normalize(r: PersonRow): PersonRow {
  return {
    ...r,
    id: Number(r.id),
    role: r.role as Role,
    streetId: r.streetId === null ? null : Number(r.streetId),
    communityId: r.communityId === null ? null : Number(r.communityId),
  };
}
