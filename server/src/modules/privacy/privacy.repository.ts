import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../../database/database.service';

/** Lists in the data view are capped; counts are exact. */
export const LIST_MAX = 200;

type Row = Record<string, unknown>;

/**
 * Reads of everything Linli holds about one person, table by table (one query each). The data view and the export
 * use these; every query is by the caller's own user id.
 */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: DatabaseService) {}

  private q(sql: string, params: unknown[], m: EntityManager = this.db.manager): Promise<Row[]> {
    return m.query(sql, params);
  }

  async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await this.q(sql, params);
    return Number(row?.n ?? 0);
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

  async notifications(userId: number): Promise<{ count: number; unread: number }> {
    const [row] = await this.q('SELECT COUNT(*) AS n, SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END) AS unread FROM notifications WHERE user_id = ?', [userId]);
    return { count: Number(row?.n ?? 0), unread: Number(row?.unread ?? 0) };
  }
}
