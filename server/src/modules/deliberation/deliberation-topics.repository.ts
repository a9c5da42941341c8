import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_AGENDA_SLOTS, DEFAULT_SUPPORT_THRESHOLD, type TopicStatus,
} from '../../../../contracts/deliberation-topics.constants';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../../common/domain-exception';
import { affectedRows, DatabaseService, retryDeadlock } from '../../database/database.service';
import { toIso } from '../../common/time';
import { DeliberationSettingsEntity, DeliberationTopicEntity } from './deliberation-topics.entities';

export interface TopicSettings {
  supportThreshold: number;
  agendaSlots: number;
  customised: boolean;
}

export interface UpcomingSession {
  id: number;
  startsAt: Date;
  place: string;
}

export const topicNotFound = () => new DomainException(ErrorCode.TOPIC_NOT_FOUND, 404, '没有找到这个议题');

const inList = (statuses: readonly TopicStatus[]) => statuses.map((s) => `'${s}'`).join(', ');

/**
 * Topics, supports and agenda slots as single SQL statements whose WHERE carries the invariant; callers
 * check the affected rows. Every method taking `m` runs inside the caller's transaction.
 */
@Injectable()
export class DeliberationTopicsRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Rows changed by one statement inside a transaction. */
  async exec(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
    if (!m.queryRunner) throw new Error('conditional writes run inside a transaction');
    return affectedRows(await m.queryRunner.query(sql, params, true));
  }

  date(d: Date): Date | string {
    return this.db.dateParam(d);
  }

  /** `INSERT IGNORE` in the dialect at hand (the unique key decides; the affected rows say whether it was new). */
  get insertIgnore(): string {
    return this.db.dialect === 'sqlite' ? 'INSERT OR IGNORE' : 'INSERT IGNORE';
  }

  async settings(communityId: number, m: EntityManager = this.db.manager): Promise<TopicSettings> {
    const row = await m.findOne(DeliberationSettingsEntity, { where: { communityId } });
    return row
      ? { supportThreshold: row.supportThreshold, agendaSlots: row.agendaSlots, customised: true }
      : { supportThreshold: DEFAULT_SUPPORT_THRESHOLD, agendaSlots: DEFAULT_AGENDA_SLOTS, customised: false };
  }

  findTopic(id: number, m: EntityManager = this.db.manager): Promise<DeliberationTopicEntity | null> {
    return m.findOne(DeliberationTopicEntity, { where: { id } });
  }

  /** A topic of this community, or 404 (a topic of another community is "not found", never shown). */
  async ownTopic(communityId: number, id: number, m: EntityManager = this.db.manager): Promise<DeliberationTopicEntity> {
    const t = await this.findTopic(id, m);
    if (!t || t.communityId !== communityId) throw topicNotFound();
    return t;
  }

  /** Adds one to the count if the topic is still in one of `statuses` (this also takes the topic row's lock). */
  async addSupports(m: EntityManager, topicId: number, n: number, statuses: readonly TopicStatus[], now: Date): Promise<boolean> {
    const sql = `UPDATE deliberation_topics SET support_count = support_count + ?, updated_at = ? WHERE id = ? AND status IN (${inList(statuses)})`;
    return (await this.exec(m, sql, [n, this.date(now), topicId])) === 1;
  }

  /**
   * Moves a topic from one of `from` to `to` only if nobody changed it meanwhile; `extra` are further
   * column assignments (snake_case column -> value).
   */
  async transition(
    m: EntityManager, topicId: number, from: readonly TopicStatus[], to: TopicStatus, now: Date,
    extra: Record<string, unknown> = {}, condition = '', conditionParams: unknown[] = [],
  ): Promise<boolean> {
    const cols = Object.keys(extra);
    const sets = ['status = ?', 'status_changed_at = ?', 'updated_at = ?', ...cols.map((c) => `${c} = ?`)].join(', ');
    const sql = `UPDATE deliberation_topics SET ${sets} WHERE id = ? AND status IN (${inList(from)})${condition ? ` AND ${condition}` : ''}`;
    const params = [to, this.date(now), this.date(now), ...cols.map((c) => extra[c]), topicId, ...conditionParams];
    return (await this.exec(m, sql, params)) === 1;
  }

  /** proposed -> queued once the supports reach the threshold. */
  queueIfReached(m: EntityManager, topicId: number, threshold: number, now: Date): Promise<boolean> {
    return this.transition(m, topicId, ['proposed'], 'queued', now, { queued_at: this.date(now) }, 'support_count >= ?', [threshold]);
  }

  /** queued -> proposed when withdrawn supports fall below the threshold again. */
  unqueueIfBelow(m: EntityManager, topicId: number, threshold: number, now: Date): Promise<boolean> {
    return this.transition(m, topicId, ['queued'], 'proposed', now, { queued_at: null }, 'support_count < ?', [threshold]);
  }

  /**
   * Merge: copies the source's supports and linked concerns to the target; a resident who supported both
   * is counted once (the unique key ignores the copy). Returns how many supports were new to the target.
   */
  async carryOver(m: EntityManager, fromTopicId: number, toTopicId: number): Promise<number> {
    const carried = await this.exec(
      m,
      `${this.insertIgnore} INTO deliberation_topic_supports (topic_id, user_id, created_at)
         SELECT ?, user_id, created_at FROM deliberation_topic_supports WHERE topic_id = ? ORDER BY id`,
      [toTopicId, fromTopicId],
    );
    await this.exec(
      m,
      `${this.insertIgnore} INTO deliberation_topic_concerns (topic_id, concern_id) SELECT ?, concern_id FROM deliberation_topic_concerns WHERE topic_id = ? ORDER BY id`,
      [toTopicId, fromTopicId],
    );
    return carried;
  }

  /** Scheduled sessions of a community that have not started, soonest first. */
  async upcomingSessions(communityId: number, now: Date, m: EntityManager = this.db.manager, limit = 8): Promise<UpcomingSession[]> {
    const rows: { id: number; startsAt: Date | string; place: string }[] = await m.query(
      `SELECT id, starts_at AS startsAt, place FROM deliberation_sessions
        WHERE community_id = ? AND status = 'scheduled' AND starts_at > ? ORDER BY starts_at ASC, id ASC LIMIT ${Number(limit)}`,
      [communityId, this.date(now)],
    );
    return rows.map((r) => ({ id: Number(r.id), startsAt: new Date(toIso(r.startsAt)!), place: r.place }));
  }

  /**
   * Creates the slot counters of these sessions if missing, each in its own short transaction (never inside
   * another one), so that two transactions never race to create the same counter row.
   */
  async ensureCounters(communityId: number, sessionIds: number[]): Promise<void> {
    if (!sessionIds.length) return;
    const rows: { sessionId: number }[] = await this.db.manager.query(
      `SELECT session_id AS sessionId FROM deliberation_agenda_counters WHERE session_id IN (${sessionIds.map(() => '?').join(', ')})`,
      sessionIds,
    );
    const have = new Set(rows.map((r) => Number(r.sessionId)));
    for (const id of sessionIds.filter((s) => !have.has(s))) {
      await retryDeadlock(() =>
        this.db.transaction((m) =>
          this.exec(
            m,
            `${this.insertIgnore} INTO deliberation_agenda_counters (session_id, community_id, item_count, last_position) VALUES (?, ?, 0, 0)`,
            [id, communityId],
          ),
        ),
      );
    }
  }

  /**
   * Takes one agenda slot of a session if fewer than `slots` are used; returns the new item's position, or
   * null when the agenda is full, the session was cancelled or has started (or its counter does not exist
   * yet). The update locks the counter row, so the read that follows sees our own value.
   */
  async takeSlot(m: EntityManager, sessionId: number, slots: number, now: Date): Promise<number | null> {
    const took = await this.exec(
      m,
      `UPDATE deliberation_agenda_counters SET item_count = item_count + 1, last_position = last_position + 1
        WHERE session_id = ? AND item_count < ?
          AND EXISTS (SELECT 1 FROM deliberation_sessions s WHERE s.id = ? AND s.status = 'scheduled' AND s.starts_at > ?)`,
      [sessionId, slots, sessionId, this.date(now)],
    );
    if (took !== 1) return null;
    const [row] = await m.query('SELECT last_position AS p FROM deliberation_agenda_counters WHERE session_id = ?', [sessionId]);
    return Number(row.p);
  }

  /** Takes the counter row's lock: every change to one session's agenda runs one at a time. False if no counter. */
  async lockAgenda(m: EntityManager, sessionId: number): Promise<boolean> {
    return (await this.exec(m, 'UPDATE deliberation_agenda_counters SET last_position = last_position WHERE session_id = ?', [sessionId])) === 1;
  }

  /** Frees one slot and renumbers the remaining items 1..n (the caller holds the counter lock). */
  async releaseSlotAndRenumber(m: EntityManager, sessionId: number): Promise<void> {
    await this.exec(m, 'UPDATE deliberation_agenda_counters SET item_count = item_count - 1 WHERE session_id = ? AND item_count > 0', [sessionId]);
    await this.renumber(m, sessionId);
  }

  /** Positions 1..n in the current order (or in `order` when given); last_position = n. */
  async renumber(m: EntityManager, sessionId: number, order?: number[]): Promise<void> {
    const ids =
      order ??
      ((await m.query('SELECT id FROM deliberation_agenda_items WHERE session_id = ? ORDER BY position ASC, id ASC', [sessionId])) as { id: number }[]).map((r) =>
        Number(r.id),
      );
    for (let i = 0; i < ids.length; i++) {
      await this.exec(m, 'UPDATE deliberation_agenda_items SET position = ? WHERE id = ? AND session_id = ?', [i + 1, ids[i], sessionId]);
    }
    await this.exec(m, 'UPDATE deliberation_agenda_counters SET last_position = ? WHERE session_id = ?', [ids.length, sessionId]);
  }

  /** Agenda items per session. */
  async itemCounts(sessionIds: number[], m: EntityManager = this.db.manager): Promise<Map<number, number>> {
    if (!sessionIds.length) return new Map();
    const rows: { sessionId: number; n: number }[] = await m.query(
      `SELECT session_id AS sessionId, COUNT(*) AS n FROM deliberation_agenda_items WHERE session_id IN (${sessionIds.map(() => '?').join(', ')}) GROUP BY session_id`,
      sessionIds,
    );
    return new Map(rows.map((r) => [Number(r.sessionId), Number(r.n)]));
  }

  async insertAgendaItem(
    m: EntityManager,
    v: { sessionId: number; topicId: number | null; communityId: number; position: number; title: string; whereText: string; whatText: string; who: string; howText: string },
    now: Date,
  ): Promise<number> {
    const at = this.date(now);
    return this.db.insert(
      m,
      `INSERT INTO deliberation_agenda_items (session_id, topic_id, community_id, position, title, where_text, what_text, who, how_text, carried_out_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`,
      [v.sessionId, v.topicId, v.communityId, v.position, v.title, v.whereText, v.whatText, v.who, v.howText, at, at],
    );
  }
}
