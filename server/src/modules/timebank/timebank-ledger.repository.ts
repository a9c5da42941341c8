import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEFAULT_DAILY_CAP_MINUTES } from '../../../../contracts/timebank.contract';
import { affectedRows, DatabaseService, isUniqueViolation, type Dialect } from '../../database/database.service';

/** The contract's default cap, re-exported for the bare-handler bench (test/bench/bare-volunteers.cjs). */
export { DEFAULT_DAILY_CAP_MINUTES };

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

// ---- The credit hot path as SQL text, exported so the benchmark's bare handler runs exactly these statements.

/** INSERT that leaves an existing row (same unique key) alone; on MariaDB it takes the row's exclusive lock. */
function upsertNothing(dialect: Dialect, table: string, cols: string[]): string {
  const marks = cols.map(() => '?').join(', ');
  return dialect === 'sqlite'
    ? `INSERT OR IGNORE INTO ${table} (${cols.join(', ')}) VALUES (${marks})`
    : `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${marks}) ON DUPLICATE KEY UPDATE id = id`;
}
const byDialect = (f: (d: Dialect) => string): Record<Dialect, string> => ({ sqlite: f('sqlite'), mariadb: f('mariadb') });
const forUpdate = (d: Dialect) => (d === 'mariadb' ? ' FOR UPDATE' : '');

/** The unique key (kind, source_type, source_id, volunteer_id) makes a second credit of the same source impossible. */
export const INSERT_TRANSACTION_SQL = `INSERT INTO timebank_transactions (community_id, street_id, kind, source_type, source_id, volunteer_id, requested_minutes, memo,
   service_date, team_id, reverses_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const DAILY_CAP_SQL = 'SELECT daily_cap_minutes AS cap FROM timebank_settings WHERE community_id = ?';
/** The volunteer's counter of the day, created at 0 if missing. Parameters: community, volunteer, day, 0. */
export const ENSURE_DAILY_SQL = byDialect((d) => upsertNothing(d, 'timebank_daily_credits', ['community_id', 'volunteer_id', 'day', 'credited_minutes']));
/** The whole credit fits under the cap (the WHERE is the guarantee). Parameters: minutes, community, volunteer, day, minutes, cap. */
export const TAKE_DAILY_SQL =
  'UPDATE timebank_daily_credits SET credited_minutes = credited_minutes + ? WHERE community_id = ? AND volunteer_id = ? AND day = ? AND credited_minutes + ? <= ?';
/** Near the cap: what is left of the day (locking read on MariaDB), then TAKE_DAILY_BY_ID_SQL takes that much. */
export const DAILY_LEFT_SQL = byDialect((d) =>
  `SELECT id, credited_minutes AS credited FROM timebank_daily_credits WHERE community_id = ? AND volunteer_id = ? AND day = ?${forUpdate(d)}`);
export const TAKE_DAILY_BY_ID_SQL = 'UPDATE timebank_daily_credits SET credited_minutes = credited_minutes + ? WHERE id = ? AND credited_minutes + ? <= ?';
/**
 * The account ids of the community's pool and of `n` volunteers, a plain read: an account's id never changes, and
 * the balance UPDATEs take the locks (volunteers first, then the pool). Parameters: community, the n volunteers.
 */
export const accountIdsSql = (n: number) =>
  `SELECT id, kind, user_id AS userId FROM timebank_accounts WHERE community_id = ? AND ((kind = 'volunteer' AND user_id IN (${Array(n).fill('?').join(', ')})) OR (kind = 'pool' AND user_id = 0))`;
/** A missing account, created (parameters: community, street, kind, user, 0, 0, created_at), then read with ACCOUNT_ID_SQL. */
export const ENSURE_ACCOUNT_SQL = byDialect((d) =>
  upsertNothing(d, 'timebank_accounts', ['community_id', 'street_id', 'kind', 'user_id', 'balance_minutes', 'earned_minutes', 'created_at']));
export const ACCOUNT_ID_SQL = byDialect((d) => `SELECT id FROM timebank_accounts WHERE community_id = ? AND kind = ? AND user_id = ?${forUpdate(d)}`);
/** Moves a stored balance. Parameters: amount, earned, id (guarded: and amount again; the balance stays at or above zero). */
export const MOVE_BALANCE_SQL = {
  guarded: 'UPDATE timebank_accounts SET balance_minutes = balance_minutes + ?, earned_minutes = earned_minutes + ? WHERE id = ? AND balance_minutes + ? >= 0',
  unguarded: 'UPDATE timebank_accounts SET balance_minutes = balance_minutes + ?, earned_minutes = earned_minutes + ? WHERE id = ?',
};
export const INSERT_ENTRY_SQL = 'INSERT INTO timebank_entries (transaction_id, account_id, amount_minutes, created_at) VALUES (?, ?, ?, ?)';
/** `n` entries in one statement (the pool's side of n credits). Parameters: (transaction, account, amount, created_at) × n. */
export const insertEntriesSql = (n: number) =>
  `INSERT INTO timebank_entries (transaction_id, account_id, amount_minutes, created_at) VALUES ${Array(n).fill('(?, ?, ?, ?)').join(', ')}`;

/**
 * The ledger's SQL. Every method takes the caller's transaction `m`; rows read in order to write are
 * read with a locking read on MariaDB (FOR UPDATE sees the latest committed row, not the snapshot).
 * Lock order everywhere: transaction key → daily counter → volunteer account → pool account (several credits in one
 * database transaction: each volunteer's rows in volunteer order, then the pool once).
 */
@Injectable()
export class TimebankLedgerRepository {
  constructor(readonly db: DatabaseService) {}

  async dailyCap(m: EntityManager, communityId: number): Promise<number> {
    const rows = (await m.query(DAILY_CAP_SQL, [communityId])) as { cap: number }[];
    return rows.length ? Number(rows[0].cap) : DEFAULT_DAILY_CAP_MINUTES;
  }

  /** The account id (created if missing), locked for this transaction on MariaDB. */
  async account(m: EntityManager, communityId: number, streetId: number, kind: 'pool' | 'volunteer', userId: number, at: Date): Promise<number> {
    await m.query(ENSURE_ACCOUNT_SQL[this.db.dialect], [communityId, streetId, kind, userId, 0, 0, this.db.dateParam(at)]);
    const rows = (await m.query(ACCOUNT_ID_SQL[this.db.dialect], [communityId, kind, userId])) as { id: number }[];
    return Number(rows[0].id);
  }

  /** Account ids of the pool (null if it has none yet) and of those volunteers that have one (see accountIdsSql). */
  async accountIds(m: EntityManager, communityId: number, volunteerIds: number[]): Promise<{ pool: number | null; volunteers: Map<number, number> }> {
    const rows = (await m.query(accountIdsSql(volunteerIds.length), [communityId, ...volunteerIds])) as { id: number; kind: string; userId: number }[];
    const pool = rows.find((r) => r.kind === 'pool');
    return { pool: pool ? Number(pool.id) : null, volunteers: new Map(rows.filter((r) => r.kind === 'volunteer').map((r) => [Number(r.userId), Number(r.id)])) };
  }

  /** The new transaction's id, or null when its (kind, source, volunteer) key already exists. */
  async insertTransaction(m: EntityManager, t: NewTransaction): Promise<number | null> {
    try {
      return await this.db.insert(
        m,
        INSERT_TRANSACTION_SQL,
        [t.communityId, t.streetId, t.kind, t.sourceType, t.sourceId, t.volunteerId, t.requestedMinutes, t.memo.slice(0, 200),
          t.serviceDate, t.teamId, t.reversesId, t.createdBy, this.db.dateParam(t.at)],
      );
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /**
   * Takes up to `minutes` from the volunteer's allowance of the day; returns what fit (0..minutes). The UPDATEs' WHERE
   * (`credited + x <= cap`) is the guarantee. Usually the whole credit fits: two statements (the counter made sure
   * of, locked on MariaDB; the conditional UPDATE). Near the cap, a locking read sizes what is left.
   */
  async takeDailyAllowance(m: EntityManager, communityId: number, volunteerId: number, day: string, minutes: number, cap: number): Promise<number> {
    await m.query(ENSURE_DAILY_SQL[this.db.dialect], [communityId, volunteerId, day, 0]);
    if ((await execAffected(m, TAKE_DAILY_SQL, [minutes, communityId, volunteerId, day, minutes, cap])) === 1) return minutes;
    const [row] = (await m.query(DAILY_LEFT_SQL[this.db.dialect], [communityId, volunteerId, day])) as { id: number; credited: number }[];
    const fit = Math.max(0, Math.min(minutes, cap - Number(row.credited)));
    if (fit === 0) return 0;
    if ((await execAffected(m, TAKE_DAILY_BY_ID_SQL, [fit, row.id, fit, cap])) !== 1) throw new Error('daily allowance changed under a row lock');
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
      const ok = mv.guardNonNegative
        ? await execAffected(m, MOVE_BALANCE_SQL.guarded, [mv.amount, mv.earned, mv.accountId, mv.amount])
        : await execAffected(m, MOVE_BALANCE_SQL.unguarded, [mv.amount, mv.earned, mv.accountId]);
      if (ok !== 1) return false;
      await m.query(INSERT_ENTRY_SQL, [transactionId, mv.accountId, mv.amount, this.db.dateParam(at)]);
    }
    return true;
  }

  /** A credit's volunteer side: the balance and earned minutes up by `minutes`, and its entry. The pool's side follows (postPool). */
  async postVolunteer(m: EntityManager, transactionId: number, accountId: number, minutes: number, at: Date): Promise<void> {
    if ((await execAffected(m, MOVE_BALANCE_SQL.guarded, [minutes, minutes, accountId, minutes])) !== 1) throw new Error('credit could not be posted');
    await m.query(INSERT_ENTRY_SQL, [transactionId, accountId, minutes, this.db.dateParam(at)]);
  }

  /**
   * The pool's side of several credits (each already posted on its volunteer's account): one UPDATE by their sum and
   * one INSERT of an entry per transaction, so each transaction's entries sum to zero and the pool row is locked once, last.
   */
  async postPool(m: EntityManager, poolId: number, credits: { transactionId: number; minutes: number }[], at: Date): Promise<void> {
    const total = credits.reduce((sum, c) => sum + c.minutes, 0);
    if ((await execAffected(m, MOVE_BALANCE_SQL.unguarded, [-total, 0, poolId])) !== 1) throw new Error('pool account missing');
    const when = this.db.dateParam(at);
    await m.query(insertEntriesSql(credits.length), credits.flatMap((c) => [c.transactionId, poolId, -c.minutes, when]));
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
