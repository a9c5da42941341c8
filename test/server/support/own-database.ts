import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadConfig, type AppConfig } from '../../../server/src/config/app-config';
import { freshMariaDbUrl, testConfig, type Dialect } from './test-app';

/** The environment testConfig uses, for building a second config by hand. */
export function testEnv(databaseUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SCHEDULER_ENABLED: 'false',
    SEED_DEMO: 'false',
    H5_DIR: '/nonexistent-h5',
    ...env,
  };
}

/**
 * Like testConfig, but on MariaDB a database of this file's own (`linli_t<worker>_<name>`), so two
 * jest runs at the same time never drop each other's database. SQLite: `sqliteFile` or :memory:.
 */
export async function ownConfig(dialect: Dialect, name: string, env: Record<string, string> = {}, sqliteFile?: string): Promise<AppConfig> {
  if (dialect === 'sqlite') return testConfig('sqlite', env, sqliteFile);
  return loadConfig(testEnv(await freshMariaDbUrl(`_${name}`), env));
}

/** The DATABASE_URL a config was built from, to start a second app on the same database. */
export function databaseUrlOf(config: AppConfig): string {
  return config.database.dialect === 'sqlite' ? `sqlite:${config.database.file}` : config.database.url;
}

/** A temp directory, made on first use (so filtered-out tests leave nothing behind) and removed by `remove()`. */
export function tempDir(prefix: string): { file(name: string): string; remove(): void } {
  let dir: string | null = null;
  return {
    file: (name) => join((dir ??= mkdtempSync(join(tmpdir(), `linli-${prefix}-`))), name),
    remove: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}

/**
 * A database of this test file and this jest process alone (MariaDB: `linli_t<worker>_<name><pid>`), so another
 * jest run started at the same time with the same worker ids cannot truncate it under us. `drop` removes it.
 */
export async function privateConfig(dialect: Dialect, name: string, sqliteFile: string): Promise<{ config: AppConfig; drop(): Promise<void> }> {
  const config = await ownConfig(dialect, `${name}${process.pid}`, {}, sqliteFile);
  const drop = async () => {
    if (config.database.dialect === 'sqlite') return;
    const url = new URL(config.database.url);
    const db = url.pathname.slice(1);
    url.pathname = '/';
    const conn = await createConnection({ uri: url.toString() });
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await conn.end();
  };
  return { config, drop };
}
