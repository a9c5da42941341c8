import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../../database/database.service';

/** Lists in the data view are capped; counts are exact. */
export const LIST_MAX = 200;

type Row = Record<string, unknown>;

/** The exact counts shown beside the capped lists. */
export interface MyDataCounts {
  concerns: number;
  proposed: number;
  supported: number;
  registrations: number;
  ballots: number;
  helpRequests: number;
  notifications: number;
  unread: number;
}

/**
 * Reads of everything Linli holds about one person, table by table (one query each), and the erasing writes of an
 * account deletion (inside its transaction). Every statement is by the caller's own user id.
 */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: DatabaseService) {}

  private q(sql: string, params: unknown[]): Promise<Row[]> {
    return this.db.manager.query(sql, params);
  }

  /** Every exact count of the data view in one read. */
  async counts(userId: number): Promise<MyDataCounts> {
    const [row] = await this.q(
      `SELECT (SELECT COUNT(*) FROM concerns WHERE submitter_id = ?) AS concerns,
              (SELECT COUNT(*) FROM deliberation_topics WHERE proposer_id = ?) AS proposed,
              (SELECT COUNT(*) FROM deliberation_topic_supports WHERE user_id = ?) AS supported,
              (SELECT COUNT(*) FROM deliberation_registrations WHERE user_id = ?) AS registrations,
              (SELECT COUNT(*) FROM deliberation_ballots WHERE user_id = ?) AS ballots,
              (SELECT COUNT(*) FROM help_requests WHERE requester_id = ?) AS helpRequests,
              (SELECT COUNT(*) FROM notifications WHERE user_id = ?) AS notifications,
              (SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL) AS unread`,
      Array(8).fill(userId));
    const n = (k: keyof MyDataCounts) => Number(row?.[k] ?? 0);
    return {
      concerns: n('concerns'), proposed: n('proposed'), supported: n('supported'), registrations: n('registrations'),
      ballots: n('ballots'), helpRequests: n('helpRequests'), notifications: n('notifications'), unread: n('unread'),
    };
  }

  concerns(userId: number): Promise<Row[]> {
    return this.q(`SELECT id, category, text, status, created_at AS createdAt FROM concerns WHERE submitter_id = ? ORDER BY id DESC LIMIT ${LIST_MAX}`, [userId]);
  }

  topicsProposed(userId: number): Promise<Row[]> {
    return this.q(`SELECT id, title, status, created_at AS createdAt FROM deliberation_topics WHERE proposer_id = ? ORDER BY id DESC LIMIT ${LIST_MAX}`, [userId]);
  }

  topicsSupported(userId: number): Promise<Row[]> {
    return this.q(
      `SELECT t.id AS id, t.title AS title, t.status AS status, s.created_at AS createdAt
         FROM deliberation_topic_supports s JOIN deliberation_topics t ON t.id = s.topic_id
        WHERE s.user_id = ? ORDER BY s.id DESC LIMIT ${LIST_MAX}`, [userId]);
  }

  registrations(userId: number): Promise<Row[]> {
    return this.q(
      `SELECT r.session_id AS sessionId, s.starts_at AS startsAt, s.place AS place, r.status AS status, r.checked_in_at AS checkedInAt
         FROM deliberation_registrations r JOIN deliberation_sessions s ON s.id = r.session_id
        WHERE r.user_id = ? ORDER BY r.id DESC LIMIT ${LIST_MAX}`, [userId]);
  }

  ballots(userId: number): Promise<Row[]> {
    return this.q(
      `SELECT b.vote_id AS voteId, v.question AS question, b.created_at AS castAt
         FROM deliberation_ballots b JOIN deliberation_votes v ON v.id = b.vote_id
        WHERE b.user_id = ? ORDER BY b.id DESC LIMIT ${LIST_MAX}`, [userId]);
  }

  async volunteer(userId: number): Promise<{ row: Row; teams: string[] } | null> {
    const [row] = await this.q('SELECT status, skills, availability, intro, created_at AS createdAt FROM volunteers WHERE user_id = ?', [userId]);
    if (!row) return null;
    const teams = await this.q(
      'SELECT t.name AS name FROM volunteer_team_members mb JOIN volunteer_teams t ON t.id = mb.team_id WHERE mb.user_id = ? ORDER BY t.id', [userId]);
    return { row, teams: teams.map((t) => String(t.name)) };
  }

  helpRequests(userId: number): Promise<Row[]> {
    return this.q(
      `SELECT id, skill, description, status, created_at AS createdAt FROM help_requests WHERE requester_id = ? ORDER BY id DESC LIMIT ${LIST_MAX}`, [userId]);
  }

  async timebank(userId: number): Promise<{ balance: number; lines: Row[] }> {
    const [acc] = await this.q("SELECT SUM(balance_minutes) AS balance FROM timebank_accounts WHERE kind = 'volunteer' AND user_id = ?", [userId]);
    const lines = await this.q(
      `SELECT e.created_at AS at, e.amount_minutes AS minutes, t.memo AS memo
         FROM timebank_entries e JOIN timebank_accounts a ON a.id = e.account_id JOIN timebank_transactions t ON t.id = e.transaction_id
        WHERE a.kind = 'volunteer' AND a.user_id = ? ORDER BY e.id DESC LIMIT ${LIST_MAX}`, [userId]);
    return { balance: Number(acc?.balance ?? 0), lines };
  }

  /**
   * Deletion: their concerns stay counted, their words, exact place and photos go (also their own words in the
   * timelines); returns the storage keys of the photo files to remove once the transaction has committed.
   */
  async anonymiseConcerns(m: EntityManager, userId: number, text: string): Promise<string[]> {
    await m.query(
      'UPDATE concerns SET text = ?, rating_comment = NULL, place_detail = NULL, lat_e6 = NULL, lng_e6 = NULL, photo_count = 0 WHERE submitter_id = ?',
      [text, userId],
    );
    // Rating comments, "not solved" and withdrawal notes go with the concern texts.
    await m.query('UPDATE concern_events SET note = NULL WHERE actor_id = ?', [userId]);
    const photos: { storageKey: string }[] = await m.query('SELECT storage_key AS storageKey FROM concern_photos WHERE uploader_id = ?', [userId]);
    if (photos.length) await m.query('DELETE FROM concern_photos WHERE uploader_id = ?', [userId]);
    return photos.map((p) => p.storageKey);
  }

  /**
   * Deletion: a 网格长/楼栋长 assignment (name and phone; the area simply has none), their notifications and stored
   * idempotent answers.
   */
  async eraseTraces(m: EntityManager, userId: number): Promise<void> {
    await m.query('DELETE FROM area_leaders WHERE user_id = ?', [userId]);
    await m.query('DELETE FROM notifications WHERE user_id = ?', [userId]);
    await m.query('DELETE FROM idempotency_keys WHERE user_id = ?', [userId]);
  }
}
