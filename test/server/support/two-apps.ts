import { loadConfig } from '../../../server/src/config/app-config';
import { api } from './http';
import { databaseUrlOf, privateConfig, tempDir, testEnv } from './own-database';
import { startTestApp, type Dialect, type TestApp } from './test-app';

export interface TwoApps {
  a: TestApp;
  b: TestApp;
  httpA: ReturnType<typeof api>;
  httpB: ReturnType<typeof api>;
  /** Closes both apps, then drops the database (MariaDB) and removes the temp directory (SQLite file). */
  stop(): Promise<void>;
}

/**
 * Two app instances on ONE database stand for two server processes (SQLite: one temp file, WAL). The database
 * is this test file's and this jest process's alone (privateConfig, named after `name`).
 */
export async function startTwoApps(dialect: Dialect, name: string): Promise<TwoApps> {
  const tmp = tempDir(name);
  const own = await privateConfig(dialect, name, tmp.file('linli.sqlite'));
  const started: TestApp[] = [];
  const stop = async () => {
    for (const app of [...started].reverse()) await app.close();
    await own.drop();
    tmp.remove();
  };
  try {
    started.push(await startTestApp(own.config));
    started.push(await startTestApp(loadConfig(testEnv(databaseUrlOf(own.config)))));
  } catch (e) {
    await stop();
    throw e;
  }
  const [a, b] = started;
  return { a, b, httpA: api(a.app), httpB: api(b.app), stop };
}
