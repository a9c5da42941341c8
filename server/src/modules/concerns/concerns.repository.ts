import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConcernCategory, ConcernStatus, HolderLevel } from '../../../../contracts/concerns.constants';
import type { Scope } from '../../common/access';
import { DatabaseService } from '../../database/database.service';
import type { ConcernEntity, ConcernEventEntity } from './concern.entity';

/** A concern with the names a person needs to read it. */
export interface ConcernRow {
  id: number;
  version: number;
  streetId: number;
  communityId: number;
  gridId: number;
  buildingId: number;
  unitId: number;
  submitterId: number;
  category: string;
  text: string;
  status: ConcernStatus;
  holderLevel: HolderLevel;
  holderId: number | null;
  firstOwnerId: number | null;
  departmentId: number | null;
  unconfirmed: number | boolean;
  isPublic: number | boolean;
  placeKind: string;
  placeDetail: string | null;
  proxyName: string | null;
  meTooCount: number;
  photoCount: number;
  rating: number | null;
  ratingComment: string | null;
  closeReason: string | null;
  createdAt: Date | string;
  acceptedAt: Date | string | null;
  resolvedAt: Date | string | null;
  closedAt: Date | string | null;
  stageStartedAt: Date | string | null;
  stageDeadlineAt: Date | string | null;
  unitName: string;
  buildingName: string;
  communityName: string;
  gridName: string;
  submitterName: string;
  holderName: string | null;
  holderRole: string | null;
  firstOwnerName: string | null;
  departmentName: string | null;
}

export interface EventRow {
  id: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  toLevel: string | null;
  note: string | null;
  actorRole: string;
  actorName: string;
  createdAt: Date | string;
}

/** The submitter and their unit with everything above it (one query: the submit hot path). */
export interface SubmitterPlace {
  id: number;
  name: string;
  role: string;
  unitConfirmed: number | boolean;
  unitId: number | null;
  unitName: string | null;
  buildingId: number | null;
  buildingName: string | null;
  gridId: number | null;
  gridName: string | null;
  gridWorkerId: number | null;
  gridWorkerName: string | null;
  communityId: number | null;
  communityName: string | null;
  streetId: number | null;
}

const PLACE_OF = (userCols: string) => `
SELECT ${userCols}
       un.id AS unitId, un.name AS unitName, b.id AS buildingId, b.name AS buildingName,
       g.id AS gridId, g.name AS gridName, g.grid_worker_id AS gridWorkerId, w.name AS gridWorkerName,
       c.id AS communityId, c.name AS communityName, c.street_id AS streetId`;

const SELECT_SUBMITTER = `${PLACE_OF('u.id AS id, u.name AS name, u.role AS role, u.unit_confirmed AS unitConfirmed,')}
  FROM users u
  LEFT JOIN units un ON un.id = u.unit_id
  LEFT JOIN buildings b ON b.id = un.building_id
  LEFT JOIN grids g ON g.id = b.grid_id
  LEFT JOIN communities c ON c.id = b.community_id
  LEFT JOIN users w ON w.id = g.grid_worker_id
 WHERE u.id = ?`;

const SELECT_UNIT = `${PLACE_OF('0 AS id, NULL AS name, NULL AS role, 1 AS unitConfirmed,')}
  FROM units un
  JOIN buildings b ON b.id = un.building_id
  JOIN grids g ON g.id = b.grid_id
  JOIN communities c ON c.id = b.community_id
  LEFT JOIN users w ON w.id = g.grid_worker_id
 WHERE un.id = ?`;

/** Exported for the benchmark baseline, which must run the same SQL. */
export const SELECT_ROWS = `
SELECT c.id AS id, c.version AS version, c.street_id AS streetId, c.community_id AS communityId, c.grid_id AS gridId,
       c.building_id AS buildingId, c.unit_id AS unitId, c.submitter_id AS submitterId,
       c.category AS category, c.text AS text, c.status AS status, c.holder_level AS holderLevel, c.holder_id AS holderId,
       c.first_owner_id AS firstOwnerId, c.department_id AS departmentId, c.unconfirmed AS unconfirmed, c.is_public AS isPublic,
       c.place_kind AS placeKind, c.place_detail AS placeDetail, c.proxy_name AS proxyName, c.me_too_count AS meTooCount,
       c.photo_count AS photoCount, c.rating AS rating, c.rating_comment AS ratingComment, c.close_reason AS closeReason,
       c.created_at AS createdAt, c.accepted_at AS acceptedAt, c.resolved_at AS resolvedAt, c.closed_at AS closedAt,
       c.stage_started_at AS stageStartedAt, c.stage_deadline_at AS stageDeadlineAt,
       un.name AS unitName, b.name AS buildingName, cm.name AS communityName, g.name AS gridName,
       s.name AS submitterName, h.name AS holderName, h.role AS holderRole, f.name AS firstOwnerName, d.name AS departmentName
  FROM concerns c
  JOIN units un ON un.id = c.unit_id
  JOIN buildings b ON b.id = c.building_id
  JOIN communities cm ON cm.id = c.community_id
  JOIN grids g ON g.id = c.grid_id
  JOIN users s ON s.id = c.submitter_id
  LEFT JOIN users h ON h.id = c.holder_id
  LEFT JOIN users f ON f.id = c.first_owner_id
  LEFT JOIN departments d ON d.id = c.department_id`;

/** The submit hot path's statements, exported so the benchmark baseline runs exactly the same SQL. */
export const INSERT_CONCERN = `INSERT INTO concerns (street_id, community_id, grid_id, building_id, unit_id, submitter_id, category, text, status, holder_level,
   holder_id, first_owner_id, unconfirmed, version, created_at, updated_at, accepted_at, is_public, is_open, place_kind, place_detail,
   lat_e6, lng_e6, department_id, stage_started_at, stage_deadline_at, resolved_at, closed_at, close_reason, rating, rating_comment,
   proxy_by_id, proxy_name, proxy_phone, me_too_count, photo_count)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, 0, ?)`;

export function concernInsertParams(v: Omit<ConcernEntity, 'id'>, date: (d: Date) => Date | string): unknown[] {
  const d = (x: Date | null) => (x ? date(x) : null);
  return [v.streetId, v.communityId, v.gridId, v.buildingId, v.unitId, v.submitterId, v.category, v.text, v.status, v.holderLevel,
    v.holderId, v.firstOwnerId, v.unconfirmed, v.version, d(v.createdAt), d(v.updatedAt), v.isPublic, v.isOpen, v.placeKind, v.placeDetail,
    v.latE6, v.lngE6, d(v.stageStartedAt), d(v.stageDeadlineAt), v.proxyById, v.proxyName, v.proxyPhone, v.photoCount];
}

export const INSERT_EVENT = `INSERT INTO concern_events (concern_id, actor_id, actor_role, type, from_status, to_status, note, created_at, to_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * A page of concerns with their names. The page of ids is chosen from `concerns` alone (so the index
 * order + LIMIT does the work), and only those rows are joined: at 200,000 concerns MariaDB's optimizer
 * otherwise starts the join from a small table and sorts everything (measured 15 req/s vs hundreds).
 */
export function pagedRowsSql(where: string[], order: string, limit: number): string {
  const inner = `SELECT c.id FROM concerns c WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${Number(limit)}`;
  return `${SELECT_ROWS.replace('FROM concerns c', `FROM (${inner}) page JOIN concerns c ON c.id = page.id`)} ORDER BY ${order}`;
}

/** Keyset position in an inbox ordered by (stage_deadline_at, id). */
export interface InboxCursor {
  /** As the driver compares it (DatabaseService.dateParam). */
  deadline: Date | string;
  id: number;
}

/** Overdue first, then by deadline: ascending deadline does both. */
export const INBOX_ORDER = 'c.stage_deadline_at ASC, c.id ASC';

export interface InboxFilter {
  level: HolderLevel;
  status?: ConcernStatus;
  category?: ConcernCategory;
}

@Injectable()
export class ConcernsRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Hand-written INSERT: this is the submit hot path (TypeORM's query builder costs more than the SQL). */
  insert(m: EntityManager, v: Omit<ConcernEntity, 'id'>): Promise<number> {
    return this.db.insert(m, INSERT_CONCERN, concernInsertParams(v, (x) => this.db.dateParam(x)));
  }

  async insertEvent(m: EntityManager, v: Omit<ConcernEventEntity, 'id'>): Promise<number> {
    return this.db.insert(m, INSERT_EVENT, [v.concernId, v.actorId, v.actorRole, v.type, v.fromStatus, v.toStatus, v.note, this.db.dateParam(v.createdAt), v.toLevel]);
  }

  async submitterPlace(userId: number): Promise<SubmitterPlace | null> {
    const rows: SubmitterPlace[] = await this.db.manager.query(SELECT_SUBMITTER, [userId]);
    return rows[0] ?? null;
  }

  /** A unit with everything above it, for proxy submission (代办). */
  async unitPlace(unitId: number): Promise<SubmitterPlace | null> {
    const rows: SubmitterPlace[] = await this.db.manager.query(SELECT_UNIT, [unitId]);
    return rows[0] ?? null;
  }

  async findRow(id: number, m: EntityManager = this.db.manager): Promise<ConcernRow | null> {
    const rows: ConcernRow[] = await m.query(`${SELECT_ROWS} WHERE c.id = ?`, [id]);
    return rows[0] ?? null;
  }

  /** A resident's own concerns, newest first; keyset pagination by id. */
  listBySubmitter(submitterId: number, beforeId: number | null, limit: number): Promise<ConcernRow[]> {
    const params: unknown[] = [submitterId];
    let where = 'c.submitter_id = ?';
    if (beforeId !== null) (where += ' AND c.id < ?'), params.push(beforeId);
    return this.db.manager.query(pagedRowsSql([where], 'c.id DESC', limit), params);
  }

  /**
   * What a level must act on in its area: open concerns it holds, overdue first, then by deadline
   * (ascending deadline does both). Keyset on (stage_deadline_at, id) over the IDX_concerns_inbox_* indexes.
   */
  inbox(scope: Scope, f: InboxFilter, after: InboxCursor | null, limit: number): Promise<ConcernRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!areaClause(scope, where, params)) return Promise.resolve([]);
    if (scope.level !== 'department') where.push('c.holder_level = ?'), params.push(f.level);
    where.push('c.is_open = ?'), params.push(true);
    if (f.status) where.push('c.status = ?'), params.push(f.status);
    if (f.category) where.push('c.category = ?'), params.push(f.category);
    if (after) {
      where.push('(c.stage_deadline_at > ? OR (c.stage_deadline_at = ? AND c.id > ?))');
      params.push(after.deadline, after.deadline, after.id);
    }
    return this.db.manager.query(pagedRowsSql(where, INBOX_ORDER, limit), params);
  }

  /** Everything in the caller's area (any holder, any status), newest first. */
  area(scope: Scope, f: Omit<InboxFilter, 'level'>, beforeId: number | null, limit: number): Promise<ConcernRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!areaClause(scope, where, params)) return Promise.resolve([]);
    if (f.status) where.push('c.status = ?'), params.push(f.status);
    if (f.category) where.push('c.category = ?'), params.push(f.category);
    if (beforeId !== null) where.push('c.id < ?'), params.push(beforeId);
    return this.db.manager.query(pagedRowsSql(where, 'c.id DESC', limit), params);
  }

  /** Public concerns of a community, newest first (optionally one category since a date, for "me too" suggestions). */
  publicInCommunity(communityId: number, opts: { category?: string; since?: Date; beforeId?: number | null; limit: number; excludeClosed?: boolean }): Promise<ConcernRow[]> {
    const where = ['c.community_id = ?', 'c.is_public = ?'];
    const params: unknown[] = [communityId, true];
    if (opts.category) where.push('c.category = ?'), params.push(opts.category);
    if (opts.since) where.push('c.created_at >= ?'), params.push(this.db.dateParam(opts.since));
    if (opts.excludeClosed) where.push(`c.status <> 'closed'`);
    if (opts.beforeId) where.push('c.id < ?'), params.push(opts.beforeId);
    return this.db.manager.query(pagedRowsSql(where, 'c.id DESC', opts.limit), params);
  }

  timeline(concernId: number): Promise<EventRow[]> {
    return this.db.manager.query(
      `SELECT e.id AS id, e.type AS type, e.from_status AS fromStatus, e.to_status AS toStatus, e.to_level AS toLevel, e.note AS note,
              e.actor_role AS actorRole, COALESCE(u.name, '系统') AS actorName, e.created_at AS createdAt
         FROM concern_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.concern_id = ? ORDER BY e.id ASC`,
      [concernId],
    );
  }
}

/** Restricts to the caller's area; false when the scope sees no concerns. */
function areaClause(scope: Scope, where: string[], params: unknown[]): boolean {
  if (scope.level === 'grid') where.push('c.grid_id = ?'), params.push(scope.gridId);
  else if (scope.level === 'community') where.push('c.community_id = ?'), params.push(scope.communityId);
  else if (scope.level === 'street') where.push('c.street_id = ?'), params.push(scope.streetId);
  else if (scope.level === 'department') where.push('c.department_id = ?'), params.push(scope.departmentId);
  else return false;
  return true;
}
