import { Injectable } from '@nestjs/common';
import type { FigureLevel } from '../../../../contracts/figures.contract';
import { DatabaseService } from '../../database/database.service';
import type { ReceivedRow } from './figures.calc';

/** An area with the areas above it (for the scope check). */
export interface AreaRow {
  id: number;
  name: string;
  communityId: number | null;
  streetId: number;
}

/**
 * Portable SQL only (no date functions): the period is a created_at range passed as parameters, the
 * area an equality on grid_id / community_id / street_id, each the first column of an index on
 * concerns (IDX_concerns_grid_status, IDX_concerns_community_status, IDX_concerns_inbox_street).
 */
const AREA_COLUMN: Record<FigureLevel, string> = { grid: 'c.grid_id', community: 'c.community_id', street: 'c.street_id' };

@Injectable()
export class FiguresRepository {
  constructor(private readonly db: DatabaseService) {}

  async area(level: FigureLevel, id: number): Promise<AreaRow | null> {
    const sql = {
      grid: `SELECT g.id AS id, g.name AS name, g.community_id AS communityId, cm.street_id AS streetId
               FROM grids g JOIN communities cm ON cm.id = g.community_id WHERE g.id = ?`,
      community: `SELECT id, name, id AS communityId, street_id AS streetId FROM communities WHERE id = ?`,
      street: `SELECT id, name, NULL AS communityId, id AS streetId FROM streets WHERE id = ?`,
    }[level];
    const rows: AreaRow[] = await this.db.manager.query(sql, [id]);
    const r = rows[0];
    return r ? { id: Number(r.id), name: r.name, communityId: r.communityId === null ? null : Number(r.communityId), streetId: Number(r.streetId) } : null;
  }

  /** The grids of a community, or the communities of a street, by id. */
  async children(level: FigureLevel, id: number): Promise<{ id: number; name: string }[]> {
    if (level === 'grid') return [];
    const sql = level === 'community'
      ? 'SELECT id, name FROM grids WHERE community_id = ? ORDER BY id'
      : 'SELECT id, name FROM communities WHERE street_id = ? ORDER BY id';
    const rows: { id: number; name: string }[] = await this.db.manager.query(sql, [id]);
    return rows.map((r) => ({ id: Number(r.id), name: r.name }));
  }

  /** Every concern submitted in [start, end) in the area, with the time of its first acceptance. */
  received(level: FigureLevel, id: number, start: Date, end: Date): Promise<ReceivedRow[]> {
    return this.db.manager.query(
      `SELECT c.id AS id, c.grid_id AS gridId, c.community_id AS communityId, c.created_at AS createdAt, c.resolved_at AS resolvedAt,
              c.rating AS rating, c.proxy_by_id AS proxyById, c.is_open AS isOpen,
              (SELECT MIN(e.created_at) FROM concern_events e WHERE e.concern_id = c.id AND e.type = 'accepted') AS firstAcceptedAt
         FROM concerns c
        WHERE ${AREA_COLUMN[level]} = ? AND c.created_at >= ? AND c.created_at < ?`,
      [id, this.db.dateParam(start), this.db.dateParam(end)],
    );
  }

  /** Open concerns of the area past their stage deadline at `now`, per grid and community. */
  async overdue(level: FigureLevel, id: number, now: Date): Promise<{ gridId: number; communityId: number; n: number }[]> {
    const rows: { gridId: number; communityId: number; n: number | string }[] = await this.db.manager.query(
      `SELECT c.grid_id AS gridId, c.community_id AS communityId, COUNT(*) AS n
         FROM concerns c
        WHERE ${AREA_COLUMN[level]} = ? AND c.is_open = ? AND c.stage_deadline_at < ?
        GROUP BY c.grid_id, c.community_id`,
      [id, true, this.db.dateParam(now)],
    );
    return rows.map((r) => ({ gridId: Number(r.gridId), communityId: Number(r.communityId), n: Number(r.n) }));
  }

  /** Escalation steps (manual and by deadline) taken in [start, end) on the area's concerns, by the level they went to. */
  async escalations(level: FigureLevel, id: number, start: Date, end: Date): Promise<{ toLevel: string; n: number }[]> {
    const rows: { toLevel: string; n: number | string }[] = await this.db.manager.query(
      `SELECT e.to_level AS toLevel, COUNT(*) AS n
         FROM concern_events e
         JOIN concerns c ON c.id = e.concern_id
        WHERE ${AREA_COLUMN[level]} = ? AND e.type IN ('escalated', 'auto_escalated') AND e.created_at >= ? AND e.created_at < ?
        GROUP BY e.to_level`,
      [id, this.db.dateParam(start), this.db.dateParam(end)],
    );
    return rows.map((r) => ({ toLevel: r.toLevel, n: Number(r.n) }));
  }
}
