import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConcernStatus } from '../../../../contracts/concerns.contract';
import type { Scope } from '../../common/access';
import { DatabaseService } from '../../database/database.service';
import { ConcernEntity, ConcernEventEntity } from './concern.entity';

/** A concern with the names a person needs to read it. */
export interface ConcernRow {
  id: number;
  streetId: number;
  communityId: number;
  gridId: number;
  submitterId: number;
  category: string;
  text: string;
  status: ConcernStatus;
  holderId: number | null;
  firstOwnerId: number | null;
  unconfirmed: number | boolean;
  version: number;
  createdAt: Date | string;
  acceptedAt: Date | string | null;
  unitName: string;
  buildingName: string;
  communityName: string;
  gridName: string;
  submitterName: string;
  holderName: string | null;
  holderRole: string | null;
  firstOwnerName: string | null;
}

export interface EventRow {
  id: number;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actorRole: string;
  actorName: string;
  createdAt: Date | string;
}

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

const SELECT_SUBMITTER = `
SELECT u.id AS id, u.name AS name, u.role AS role, u.unit_confirmed AS unitConfirmed,
       un.id AS unitId, un.name AS unitName, b.id AS buildingId, b.name AS buildingName,
       g.id AS gridId, g.name AS gridName, g.grid_worker_id AS gridWorkerId, w.name AS gridWorkerName,
       c.id AS communityId, c.name AS communityName, c.street_id AS streetId
  FROM users u
  LEFT JOIN units un ON un.id = u.unit_id
  LEFT JOIN buildings b ON b.id = un.building_id
  LEFT JOIN grids g ON g.id = b.grid_id
  LEFT JOIN communities c ON c.id = b.community_id
  LEFT JOIN users w ON w.id = g.grid_worker_id
 WHERE u.id = ?`;

const SELECT_ROWS = `
SELECT c.id AS id, c.street_id AS streetId, c.community_id AS communityId, c.grid_id AS gridId, c.submitter_id AS submitterId,
       c.category AS category, c.text AS text, c.status AS status, c.holder_id AS holderId, c.first_owner_id AS firstOwnerId,
       c.unconfirmed AS unconfirmed, c.version AS version, c.created_at AS createdAt, c.accepted_at AS acceptedAt,
       un.name AS unitName, b.name AS buildingName, cm.name AS communityName, g.name AS gridName,
       s.name AS submitterName, h.name AS holderName, h.role AS holderRole, f.name AS firstOwnerName
  FROM concerns c
  JOIN units un ON un.id = c.unit_id
  JOIN buildings b ON b.id = c.building_id
  JOIN communities cm ON cm.id = c.community_id
  JOIN grids g ON g.id = c.grid_id
  JOIN users s ON s.id = c.submitter_id
  LEFT JOIN users h ON h.id = c.holder_id
  LEFT JOIN users f ON f.id = c.first_owner_id`;

@Injectable()
export class ConcernsRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Hand-written INSERT: this is the submit hot path (TypeORM's query builder costs more than the SQL). */
  insert(m: EntityManager, v: Omit<ConcernEntity, 'id'>): Promise<number> {
    return this.db.insert(
      m,
      `INSERT INTO concerns (street_id, community_id, grid_id, building_id, unit_id, submitter_id, category, text, status, holder_level,
         holder_id, first_owner_id, unconfirmed, version, created_at, updated_at, accepted_at, accept_reminded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
      [v.streetId, v.communityId, v.gridId, v.buildingId, v.unitId, v.submitterId, v.category, v.text, v.status, v.holderLevel,
        v.holderId, v.firstOwnerId, v.unconfirmed, v.version, this.db.dateParam(v.createdAt), this.db.dateParam(v.updatedAt)],
    );
  }

  async insertEvent(m: EntityManager, v: Omit<ConcernEventEntity, 'id'>): Promise<void> {
    await this.db.insert(
      m,
      `INSERT INTO concern_events (concern_id, actor_id, actor_role, type, from_status, to_status, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [v.concernId, v.actorId, v.actorRole, v.type, v.fromStatus, v.toStatus, v.note, this.db.dateParam(v.createdAt)],
    );
  }

  /** The submitter and, in the same query, their unit with everything above it and the grid worker's name. */
  async submitterPlace(userId: number): Promise<SubmitterPlace | null> {
    const rows: SubmitterPlace[] = await this.db.manager.query(SELECT_SUBMITTER, [userId]);
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
    return this.db.manager.query(`${SELECT_ROWS} WHERE ${where} ORDER BY c.id DESC LIMIT ${Number(limit)}`, params);
  }

  /** Staff inbox within their area, newest first; uses the (area, status, id) indexes. */
  listInScope(scope: Scope, status: ConcernStatus | undefined, beforeId: number | null, limit: number): Promise<ConcernRow[]> {
    const params: unknown[] = [];
    const clauses: string[] = [];
    if (scope.level === 'grid') clauses.push('c.grid_id = ?'), params.push(scope.gridId);
    else if (scope.level === 'community') clauses.push('c.community_id = ?'), params.push(scope.communityId);
    else if (scope.level === 'street') clauses.push('c.street_id = ?'), params.push(scope.streetId);
    else return Promise.resolve([]);
    if (status) clauses.push('c.status = ?'), params.push(status);
    if (beforeId !== null) clauses.push('c.id < ?'), params.push(beforeId);
    return this.db.manager.query(`${SELECT_ROWS} WHERE ${clauses.join(' AND ')} ORDER BY c.id DESC LIMIT ${Number(limit)}`, params);
  }

  timeline(concernId: number): Promise<EventRow[]> {
    return this.db.manager.query(
      `SELECT e.id AS id, e.type AS type, e.from_status AS fromStatus, e.to_status AS toStatus, e.note AS note,
              e.actor_role AS actorRole, u.name AS actorName, e.created_at AS createdAt
         FROM concern_events e JOIN users u ON u.id = e.actor_id
        WHERE e.concern_id = ? ORDER BY e.id ASC`,
      [concernId],
    );
  }
}
