import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES, MIGRATIONS } from './entities';
import { SnakeNamingStrategy } from './naming.strategy';

/** One code path, two databases: SQLite (better-sqlite3, default) or MariaDB/MySQL (mysql2 pool). */
export function buildDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
  } as const;
  if (db.dialect === 'sqlite') {
    if (db.file !== ':memory:') mkdirSync(dirname(db.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      // WAL lets readers proceed while the (single, serialized) writer commits.
      prepareDatabase: (conn: { pragma: (s: string) => unknown }) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('busy_timeout = 5000');
      },
    } as DataSourceOptions;
  }
  return {
    ...common,
    type: 'mariadb',
    url: db.url,
    charset: 'utf8mb4',
    timezone: 'Z',
    poolSize: db.poolSize,
    extra: { connectionLimit: db.poolSize, waitForConnections: true, connectTimeout: 5000 },
  } as DataSourceOptions;
}
