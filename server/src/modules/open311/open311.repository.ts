import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConcernStatus, HolderLevel } from '../../../../contracts/concerns.constants';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { Open311ApiKeyEntity } from './open311-api-key.entity';

/** A public concern with the names an Open311 answer needs — and nothing about people or units. */
export interface PublicConcernRow {
  id: number;
  category: string;
  text: string;
  status: ConcernStatus;
  holderLevel: HolderLevel;
  closeReason: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  stageDeadlineAt: Date | string | null;
  placeKind: string;
  placeDetail: string | null;
  latE6: number | null;
  lngE6: number | null;
  communityName: string;
  buildingName: string;
  gridName: string;
  streetName: string | null;
  departmentName: string | null;
}

export interface PublicConcernFilter {
  ids?: number[];
  streetId?: number;
  categories?: string[];
  /** 'open' or 'closed'; absent: both. */
  status?: 'open' | 'closed';
  /** As the driver compares them (DatabaseService.dateParam). */
  from?: Date | string;
  to?: Date | string;
}

export interface CategoryRow {
  communityId: number;
  code: string;
  label: string;
  hint: string | null;
  emergencyNotice: string | null;
  enabled: number | boolean;
  sortOrder: number;
}

export interface ApiKeyRow {
  id: number;
  streetId: number;
  name: string;
  keyPrefix: string;
  createdBy: number;
  createdByName: string | null;
  createdAt: Date | string;
  revokedAt: Date | string | null;
}

/** Closed for Open311: resolved (waiting for the rating) or closed. */
export const CLOSED_STATUSES: readonly ConcernStatus[] = ['resolved', 'closed'];

const SELECT_PUBLIC = `
SELECT c.id AS id, c.category AS category, c.text AS text, c.status AS status, c.holder_level AS holderLevel,
       c.close_reason AS closeReason, c.created_at AS createdAt, c.updated_at AS updatedAt, c.stage_deadline_at AS stageDeadlineAt,
       c.place_kind AS placeKind, c.place_detail AS placeDetail, c.lat_e6 AS latE6, c.lng_e6 AS lngE6,
       cm.name AS communityName, b.name AS buildingName, g.name AS gridName, st.name AS streetName, d.name AS departmentName
  FROM concerns c
  JOIN communities cm ON cm.id = c.community_id
  JOIN buildings b ON b.id = c.building_id
  JOIN grids g ON g.id = c.grid_id
  LEFT JOIN streets st ON st.id = c.street_id
  LEFT JOIN departments d ON d.id = c.department_id`;

const SELECT_KEYS = `
SELECT k.id AS id, k.street_id AS streetId, k.name AS name, k.key_prefix AS keyPrefix, k.created_by AS createdBy,
       u.name AS createdByName, k.created_at AS createdAt, k.revoked_at AS revokedAt
  FROM open311_api_keys k
  LEFT JOIN users u ON u.id = k.created_by`;

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

@Injectable()
export class Open311Repository {
  constructor(private readonly db: DatabaseService) {}

  /** Public concerns only (is_public = 1), newest first. */
  publicConcerns(f: PublicConcernFilter, limit: number, offset: number): Promise<PublicConcernRow[]> {
    const where = ['c.is_public = 1'];
    const params: unknown[] = [];
    if (f.ids) where.push(`c.id IN (${marks(f.ids.length)})`), params.push(...f.ids);
    if (f.streetId !== undefined) where.push('c.street_id = ?'), params.push(f.streetId);
    if (f.categories) where.push(`c.category IN (${marks(f.categories.length)})`), params.push(...f.categories);
    if (f.status) where.push(`c.status ${f.status === 'closed' ? 'IN' : 'NOT IN'} (${marks(CLOSED_STATUSES.length)})`), params.push(...CLOSED_STATUSES);
    if (f.from !== undefined) where.push('c.created_at >= ?'), params.push(f.from);
    if (f.to !== undefined) where.push('c.created_at <= ?'), params.push(f.to);
    return this.db.manager.query(
      `${SELECT_PUBLIC} WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      params,
    );
  }

  /** The latest resolution note of each concern (what was done). */
  async resolutionNotes(concernIds: number[]): Promise<Map<number, string>> {
    const notes = new Map<number, string>();
    if (!concernIds.length) return notes;
    const rows: { concernId: number; note: string | null }[] = await this.db.manager.query(
      `SELECT concern_id AS concernId, note FROM concern_events WHERE concern_id IN (${marks(concernIds.length)}) AND type = 'resolved' ORDER BY id`,
      concernIds,
    );
    for (const r of rows) if (r.note) notes.set(Number(r.concernId), r.note);
    return notes;
  }

  /** The first photo submitted with each concern (not the photos of a fix). */
  async firstPhotos(concernIds: number[]): Promise<Map<number, number>> {
    const photos = new Map<number, number>();
    if (!concernIds.length) return photos;
    const rows: { concernId: number; photoId: number }[] = await this.db.manager.query(
      `SELECT concern_id AS concernId, MIN(id) AS photoId FROM concern_photos
        WHERE concern_id IN (${marks(concernIds.length)}) AND event_id IS NULL GROUP BY concern_id`,
      concernIds,
    );
    for (const r of rows) photos.set(Number(r.concernId), Number(r.photoId));
    return photos;
  }

  /** A photo submitted with a public concern, or null. */
  async publicPhoto(photoId: number): Promise<{ storageKey: string; mime: string } | null> {
    const rows: { storageKey: string; mime: string }[] = await this.db.manager.query(
      `SELECT p.storage_key AS storageKey, p.mime AS mime FROM concern_photos p JOIN concerns c ON c.id = p.concern_id
        WHERE p.id = ? AND p.event_id IS NULL AND c.is_public = 1`,
      [photoId],
    );
    return rows[0] ?? null;
  }

  async streetExists(streetId: number): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(`SELECT id FROM streets WHERE id = ?`, [streetId]);
    return rows.length > 0;
  }

  /** Categories of the defaults (community 0) and, when given, of one community (its rows override the defaults). */
  categories(communityId = 0): Promise<CategoryRow[]> {
    return this.db.manager.query(
      `SELECT community_id AS communityId, code, label, hint, emergency_notice AS emergencyNotice, enabled, sort_order AS sortOrder
         FROM concern_categories WHERE community_id IN (0, ?) ORDER BY sort_order, community_id`,
      [communityId],
    );
  }

  /** The unit a concern about a whole building is filed under (concerns.unit_id is required): its first unit. */
  async firstUnitOf(buildingId: number): Promise<number | null> {
    const rows: { id: number | null }[] = await this.db.manager.query(`SELECT MIN(id) AS id FROM units WHERE building_id = ?`, [buildingId]);
    return rows[0]?.id === null || rows[0]?.id === undefined ? null : Number(rows[0].id);
  }

  async user(id: number): Promise<{ id: number; name: string; role: string } | null> {
    const rows: { id: number; name: string; role: string }[] = await this.db.manager.query(`SELECT id, name, role FROM users WHERE id = ?`, [id]);
    return rows[0] ?? null;
  }

  // --- API keys ---

  async insertKey(m: EntityManager, v: Omit<Open311ApiKeyEntity, 'id'>): Promise<number> {
    const r = await m.insert(Open311ApiKeyEntity, v);
    return Number(r.identifiers[0].id);
  }

  async findKey(id: number, streetId: number, m: EntityManager = this.db.manager): Promise<ApiKeyRow | null> {
    const rows: ApiKeyRow[] = await m.query(`${SELECT_KEYS} WHERE k.id = ? AND k.street_id = ?`, [id, streetId]);
    return rows[0] ?? null;
  }

  listKeys(streetId: number): Promise<ApiKeyRow[]> {
    return this.db.manager.query(`${SELECT_KEYS} WHERE k.street_id = ? ORDER BY k.id DESC`, [streetId]);
  }

  /** A key that is not revoked, by the sha256 of the key. */
  async activeKeyByHash(keyHash: string): Promise<Pick<ApiKeyRow, 'id' | 'streetId' | 'name' | 'createdBy'> | null> {
    const rows: Pick<ApiKeyRow, 'id' | 'streetId' | 'name' | 'createdBy'>[] = await this.db.manager.query(
      `SELECT id, street_id AS streetId, name, created_by AS createdBy FROM open311_api_keys WHERE key_hash = ? AND revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0] ?? null;
  }

  /** Revokes a key of the street once (conditional update); returns whether this call revoked it. */
  async revoke(m: EntityManager, id: number, streetId: number, at: Date): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(Open311ApiKeyEntity)
      .set({ revokedAt: at })
      .where('id = :id AND street_id = :streetId AND revoked_at IS NULL', { id, streetId })
      .execute();
    return affectedRows(result) === 1;
  }
}
