import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';

export const DEFAULT_DAILY_CAP_MINUTES = 480;

export interface NewTransaction {
  communityId: number;
  streetId: number;
  kind: 'credit' | 'redeem' | 'reversal';
  sourceType: string;
  sourceId: number;
  volunteerId: number;
  requestedMinutes: number;
  memo: string;
  serviceDate: string;
  teamId: number | null;
  reversesId: number | null;
  createdBy: number | null;
  at: Date;
}

export interface Movement {
  accountId: number;
  amount: number;
  /** Volunteer accounts: the UPDATE's WHERE keeps the balance at or above zero. */
  guardNonNegative: boolean;
  /** Change to earned minutes (credits and their reversals). */
  earned: number;
}

/**
 * Attempts for a whole ledger transaction MariaDB chose as a deadlock victim (it was rolled back entirely, so
 * running it again is safe): pass to retryDeadlock() from the deliberation module, as callers crediting inside
 * their own transaction should too.
 */
export const LEDGER_RETRIES = 5;

/** Rows changed by one statement of the caller's transaction `m` (a conditional write checked by its affected rows). */
export async function execAffected(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (!m.queryRunner) throw new Error('ledger writes run inside a transaction');
  return affectedRows(await m.queryRunner.query(sql, params, true));
}

/** China calendar day (Asia/Shanghai, UTC+8, no DST) of an instant, as YYYY-MM-DD. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The ledger's SQL. Every method takes the caller's transaction `m`; rows read in order to write are
 * read with a locking read on MariaDB (FOR UPDATE sees the latest committed row, not the snapshot).
 * Lock order everywhere: transaction key → daily counter → volunteer account → pool account.
 */
@Injectable()
export class TimebankLedgerRepository {
  constructor(readonly db: DatabaseService) {}

  get forUpdate(): string {
    return this.db.dialect === 'mariadb' ? ' FOR UPDATE' : '';
  }

  /** INSERT that leaves an existing row (same unique key) alone; on MariaDB it takes the row's exclusive lock. */
  private upsertNothing(table: string, cols: string[]): string {
    const marks = cols.map(() => '?').join(', ');
    return this.db.dialect === 'sqlite'
      ? `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${marks})`
      : `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${marks}) ON DUPLICATE KEY UPDATE id = id`;
  }

  async dailyCap(m: EntityManager, communityId: number): Promise<number> {
    const rows = (await m.query('SELECT daily_cap_minutes AS cap FROM timebank_settings WHERE community_id = ?', [communityId])) as { cap: number }[];
    return rows.length ? Number(rows[0].cap) : DEFAULT_DAILY_CAP_MINUTES;
  }

  /** The account id (created if missing), locked for this transaction on MariaDB. */
  async account(m: EntityManager, communityId: number, streetId: number, kind: 'pool' | 'volunteer', userId: number, at: Date): Promise<number> {
    await m.query(this.upsertNothing('timebank_accounts', ['community_id', 'street_id', 'kind', 'user_id', 'balance_minutes', 'earned_minutes', 'created_at']), [
      communityId, streetId, kind, userId, 0, 0, this.db.dateParam(at),
    ]);
    const rows = (await m.query(
      `SELECT id FROM timebank_accounts WHERE community_id = ? AND kind = ? AND user_id = ?${this.forUpdate}`,
      [communityId, kind, userId],
    )) as { id: number }[];
    return Number(rows[0].id);
  }

  /** The new transaction's id, or null when its (kind, source, volunteer) key already exists. */
  async insertTransaction(m: EntityManager, t: NewTransaction): Promise<number | null> {
    try {
      return await this.db.insert(
        m,
        `INSERT INTO timebank_transactions (community_id, street_id, kind, source_type, source_id, volunteer_id, requested_minutes, memo,
           service_date, team_id, reverses_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [t.communityId, t.streetId, t.kind, t.sourceType, t.sourceId, t.volunteerId, t.requestedMinutes, t.memo.slice(0, 200),
          t.serviceDate, t.teamId, t.reversesId, t.createdBy, this.db.dateParam(t.at)],
      );
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /**
   * Takes up to `minutes` from the volunteer's allowance of the day; returns what fit (0..minutes).
   * The UPDATE's WHERE (`credited + x <= cap`) is the guarantee; the locking read only sizes x.
   */
  async takeDailyAllowance(m: EntityManager, communityId: number, volunteerId: number, day: string, minutes: number, cap: number): Promise<number> {
    await m.query(this.upsertNothing('timebank_daily_credits', ['community_id', 'volunteer_id', 'day', 'credited_minutes']), [communityId, volunteerId, day, 0]);
    const [row] = (await m.query(
      `SELECT id, credited_minutes AS credited FROM timebank_daily_credits WHERE community_id = ? AND volunteer_id = ? AND day = ?${this.forUpdate}`,
      [communityId, volunteerId, day],
    )) as { id: number; credited: number }[];
    const fit = Math.max(0, Math.min(minutes, cap - Number(row.credited)));
    if (fit === 0) return 0;
    const ok = await execAffected(m, 'UPDATE timebank_daily_credits SET credited_minutes = credited_minutes + ? WHERE id = ? AND credited_minutes + ? <= ?', [
      fit, row.id, fit, cap,
    ]);
    if (ok !== 1) throw new Error('daily allowance changed under a row lock');
    return fit;
  }

  /** Gives back a reversed credit's minutes to the day's allowance. */
  async releaseDailyAllowance(m: EntityManager, communityId: number, volunteerId: number, day: string, minutes: number): Promise<void> {
    await execAffected(
      m,
      'UPDATE timebank_daily_credits SET credited_minutes = credited_minutes - ? WHERE community_id = ? AND volunteer_id = ? AND day = ? AND credited_minutes >= ?',
      [minutes, communityId, volunteerId, day, minutes],
    );
  }

  /**
   * Writes the entries of one transaction and moves the stored balances. Returns false (nothing
   * usable: the caller must throw so the transaction rolls back) when a guarded balance would go below zero.
   */
  async post(m: EntityManager, transactionId: number, movements: Movement[], at: Date): Promise<boolean> {
    if (movements.reduce((s, x) => s + x.amount, 0) !== 0) throw new Error('unbalanced transaction');
    for (const mv of movements) {
      const guard = mv.guardNonNegative ? ' AND balance_minutes + ? >= 0' : '';
      const params = mv.guardNonNegative ? [mv.amount, mv.earned, mv.accountId, mv.amount] : [mv.amount, mv.earned, mv.accountId];
      const ok = await execAffected(m, `UPDATE timebank_accounts SET balance_minutes = balance_minutes + ?, earned_minutes = earned_minutes + ? WHERE id = ?${guard}`, params);
      if (ok !== 1) return false;
      await m.query('INSERT INTO timebank_entries (transaction_id, account_id, amount_minutes, created_at) VALUES (?, ?, ?, ?)', [
        transactionId, mv.accountId, mv.amount, this.db.dateParam(at),
      ]);
    }
    return true;
  }

  async entriesOf(m: EntityManager, transactionId: number): Promise<{ accountId: number; amount: number; kind: string }[]> {
    const rows = (await m.query(
      `SELECT e.account_id AS accountId, e.amount_minutes AS amount, a.kind AS kind FROM timebank_entries e
         JOIN timebank_accounts a ON a.id = e.account_id WHERE e.transaction_id = ? ORDER BY e.id`,
      [transactionId],
    )) as { accountId: number; amount: number; kind: string }[];
    return rows.map((r) => ({ accountId: Number(r.accountId), amount: Number(r.amount), kind: r.kind }));
  }
}
