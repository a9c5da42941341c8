import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../../../server/src/app.factory';
import { loadConfig, type AppConfig } from '../../../server/src/config/app-config';
import { DatabaseService } from '../../../server/src/database/database.service';
import { AUDIT_LOG_TRIGGERS } from '../../../server/src/database/migrations/1764300000000-AuditLog';

export type Dialect = 'sqlite' | 'mariadb';

/** The databases this run tests against: SQLite always, MariaDB when global-setup found it (always in CI). */
export const DIALECTS: Dialect[] = process.env.LINLI_TEST_MARIADB === '1' ? ['sqlite', 'mariadb'] : ['sqlite'];

/**
 * One throwaway MariaDB database per jest worker, recreated per test file. LINLI_TEST_DB_PREFIX (default linli_t) lets two
 * jest runs on one machine keep apart.
 */
export async function freshMariaDbUrl(suffix = ''): Promise<string> {
  const base = new URL(process.env.TEST_MARIADB_URL ?? 'mysql://root@127.0.0.1:3306/test');
  const name = `${process.env.LINLI_TEST_DB_PREFIX ?? 'linli_t'}${process.env.JEST_WORKER_ID ?? '0'}${suffix}`;
  const conn = await createConnection({ uri: base.toString() });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  base.pathname = `/${name}`;
  return base.toString();
}

export async function testConfig(dialect: Dialect, env: Record<string, string> = {}, sqliteFile = ':memory:'): Promise<AppConfig> {
  const url = dialect === 'sqlite' ? `sqlite:${sqliteFile}` : await freshMariaDbUrl();
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    SEED_DEMO: 'false',
    H5_DIR: '/nonexistent-h5',
    ...env,
  });
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  ds: DataSource;
  db: DatabaseService;
  close(): Promise<void>;
}

/** The real service (all modules, real migrations) on a fresh database. */
export async function startTestApp(config: AppConfig, opts: Parameters<typeof createApp>[1] = {}): Promise<TestApp> {
  const app = await createApp(config, opts);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DatabaseService);
  return { app, config, ds: db.dataSource, db, close: () => app.close() };
}

/** Empties every table (not the migrations table) between tests. */
export async function truncateAll(ds: DataSource): Promise<void> {
  const tables = ds.entityMetadatas.map((m) => m.tableName);
  if (ds.options.type === 'better-sqlite3') {
    // audit_log refuses DELETE (append-only, by trigger): lift the trigger for the wipe only, then put it back.
    await ds.query('DROP TRIGGER IF EXISTS trg_audit_log_no_delete');
    for (const t of tables) await ds.query(`DELETE FROM "${t}"`);
    await ds.query(AUDIT_LOG_TRIGGERS.sqlite[1]);
    await ds.query(`DELETE FROM sqlite_sequence`).catch(() => undefined);
  } else {
    for (const t of tables) await ds.query(`TRUNCATE TABLE \`${t}\``);
  }
}
