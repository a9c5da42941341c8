import type { DataSource } from 'typeorm';

/**
 * MariaDB only: waits until at least `n` transactions on this test's database wait for a row lock, so a test can line
 * transactions up in a chosen order behind a lock it holds. Polls every 150 ms: MariaDB refreshes INNODB_TRX only when
 * it was last read more than 0.1 s ago. Throws after ~6 s.
 */
export async function lockWaits(ds: DataSource, n: number): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const [row] = await ds.query(
      `SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX x JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id
        WHERE x.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()`,
    );
    if (Number(row.n) >= n) return;
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`fewer than ${n} transactions waited for a lock within 6 s`);
}

export interface HeldRows {
  /** One more statement inside the held transaction. */
  query(sql: string, params: unknown[]): Promise<unknown>;
  /** Commits, releasing the locks, and gives the connection back. */
  commit(): Promise<void>;
}

/**
 * MariaDB only: a transaction of the test's own that has run `sql` (an UPDATE, a SELECT … FOR UPDATE) and holds its
 * row locks until commit(): what the service does next waits behind it (see lockWaits).
 */
export async function holdRows(ds: DataSource, sql: string, params: unknown[]): Promise<HeldRows> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query(sql, params);
  return {
    query: (more, moreParams) => runner.query(more, moreParams),
    commit: async () => {
      await runner.commitTransaction();
      await runner.release();
    },
  };
}
