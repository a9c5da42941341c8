import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { resolve } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'mariadb';

/**
 * SQLite write queues, one per database file, shared by every DataSource on that file in this
 * process: two connections to one file in one thread would otherwise wait on each other's write
 * lock for the whole busy_timeout (blocking the thread) and fail with "database is locked".
 */
const sqliteWriteQueues = new Map<string, { tail: Promise<unknown> }>();

function sqliteWriteQueue(file: string): { tail: Promise<unknown> } {
  if (file === ':memory:') return { tail: Promise.resolve() };
  const key = resolve(file);
  let queue = sqliteWriteQueues.get(key);
  if (!queue) sqliteWriteQueues.set(key, (queue = { tail: Promise.resolve() }));
  return queue;
}

/**
 * The one way to write. On SQLite, TypeORM shares a single query runner, so a second transaction
 * started while the first awaits silently becomes a SAVEPOINT inside it: every write transaction is
 * therefore queued in-process. On MariaDB, transactions run concurrently on the pool.
 */
@Injectable()
export class DatabaseService {
  private readonly logger = new Logger(DatabaseService.name);
  private readonly writeQueue: { tail: Promise<unknown> };
  readonly dialect: Dialect;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    this.dialect = dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb';
    this.writeQueue = sqliteWriteQueue(this.dialect === 'sqlite' ? String(dataSource.options.database) : ':memory:');
  }

  /** One use case, one transaction. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'mariadb') return this.dataSource.transaction(work);
    return this.serialize(() => this.dataSource.transaction(work));
  }

  /** INSERT through the manager (inside its transaction) with hand-written SQL; returns the new id. Hot paths only. */
  async insert(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const r = (await m.query(sql, params)) as number | bigint | { insertId?: number };
    return Number(typeof r === 'object' && r !== null ? r.insertId : r);
  }

  /** A Date as the driver stores it: SQLite keeps TypeORM's UTC text form, mysql2 (timezone 'Z') takes Date. */
  dateParam(d: Date): Date | string {
    return this.dialect === 'sqlite' ? d.toISOString().replace('T', ' ').replace('Z', '') : d;
  }

  /**
   * Suffix of a locking read (`SELECT … ${db.forUpdate}`): on MariaDB it locks the rows and reads the latest committed
   * version, not the transaction's snapshot; SQLite has no FOR UPDATE and needs none (its write transactions are queued).
   */
  get forUpdate(): string {
    return this.dialect === 'mariadb' ? ' FOR UPDATE' : '';
  }

  /** The same suffix from a transaction's manager, for plain functions that get a manager and no DatabaseService. */
  static forUpdateOf(m: EntityManager): string {
    return m.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
  }

  /** Read-only work outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writeQueue.tail.then(fn, fn);
    this.writeQueue.tail = run.catch(() => undefined);
    return run;
  }

  /** Run pending migrations; on MariaDB under a named lock so two processes starting together do not race. */
  async migrate(): Promise<string[]> {
    const ds = this.dataSource;
    if (this.dialect === 'sqlite') return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
    const runner = ds.createQueryRunner();
    try {
      await runner.connect();
      const [row] = await runner.query(`SELECT GET_LOCK('linli_migrations', 60) AS got`);
      if (Number(row?.got) !== 1) throw new Error('Could not take the migration lock within 60 s');
      try {
        return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
      } finally {
        await runner.query(`SELECT RELEASE_LOCK('linli_migrations')`);
      }
    } finally {
      await runner.release();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch (err) {
      this.logger.warn(`database ping failed: ${(err as Error).message}`);
      return false;
    }
  }
}

/** Unique-key violations differ per driver; one test for all. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === 'ER_DUP_ENTRY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed|Duplicate entry/i.test(e?.message ?? '')
  );
}

/** Rows changed by one raw UPDATE/INSERT…SELECT inside a transaction (the structured result carries them on both drivers). */
export async function changedRows(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
  if (!m.queryRunner) throw new Error('conditional updates run inside a transaction');
  return affectedRows(await m.queryRunner.query(sql, params, true));
}

/** Rows changed by an UPDATE/DELETE, whatever the driver reports. */
export function affectedRows(result: { affected?: number | null; raw?: unknown }): number {
  if (typeof result.affected === 'number') return result.affected;
  const raw = result.raw as { affectedRows?: number; changes?: number } | undefined;
  return raw?.affectedRows ?? raw?.changes ?? 0;
}

/** Deadlocks (MariaDB) are retried a few times: for work whose writes are conditional statements, safe to run again. */
export async function retryDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string } };
      const code = e?.driverError?.code ?? e?.code;
      if (i >= attempts || (code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT')) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}
