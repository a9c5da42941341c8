import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service';
import { attendance, marks, type AttendanceSource } from '../figures/figures-scope';
import type { HeldSessionRow, ResolutionRow, TopicRow } from './deliberation-figures.calc';

const HELD_SESSIONS: AttendanceSource = {
  events: 'deliberation_sessions', at: 'ends_at', signups: 'deliberation_registrations', eventKey: 'session_id', live: 'confirmed', as: ['registered', 'checkedIn'],
};

/** Portable SQL (no date functions): instants and days are parameters; the area (figures/figures-scope.ts) a list of community ids. */
@Injectable()
export class DeliberationFiguresRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Topics created in [start, end), with how many resolutions they have and how many of those are done. */
  topics(communityIds: number[], start: Date, end: Date): Promise<TopicRow[]> {
    return this.db.manager.query(
      `SELECT t.community_id AS communityId, t.status AS status,
              (SELECT COUNT(*) FROM deliberation_resolutions r WHERE r.topic_id = t.id) AS resolutions,
              (SELECT COUNT(*) FROM deliberation_resolutions r WHERE r.topic_id = t.id AND r.status = 'done') AS resolutionsDone
         FROM deliberation_topics t
        WHERE t.community_id IN (${marks(communityIds)}) AND t.created_at >= ? AND t.created_at < ?`,
      [...communityIds, this.db.dateParam(start), this.db.dateParam(end)],
    );
  }

  /** Sessions not cancelled that ended in [start, min(end, now)), with confirmed and checked-in registrations. */
  heldSessions(communityIds: number[], start: Date, end: Date): Promise<HeldSessionRow[]> {
    return attendance(this.db.manager, (d) => this.db.dateParam(d), HELD_SESSIONS, communityIds, start, end);
  }

  /** Resolutions due in [from, to] (days) or not done yet. */
  resolutions(communityIds: number[], from: string, to: string): Promise<ResolutionRow[]> {
    return this.db.manager.query(
      `SELECT community_id AS communityId, status, due_date AS dueDate, done_at AS doneAt
         FROM deliberation_resolutions
        WHERE community_id IN (${marks(communityIds)}) AND ((due_date >= ? AND due_date <= ?) OR status <> 'done')`,
      [...communityIds, from, to],
    );
  }
}
