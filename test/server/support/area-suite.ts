import type { TestArea } from '../../factories/org.factory';
import { freshArea } from './deliberation-fixtures';
import { api } from './http';
import { ownConfig } from './own-database';
import { startTestApp, type Dialect, type TestApp } from './test-app';
import { startTwoApps } from './two-apps';

type Api = ReturnType<typeof api>;

/** The app of a describe, its HTTP client, and the area of the running test. */
export interface AreaSuite {
  t: TestApp;
  http: Api;
  area: TestArea;
}

/** Two apps on one database (two server processes): `http` calls the first, `httpB` the second. */
export interface TwoAppsAreaSuite extends AreaSuite {
  httpB: Api;
}

/**
 * The set-up most e2e describes share: the app(s) for the whole describe (started before its tests, stopped after
 * them) and, before each test, an emptied database with a fresh area (org.factory) and no remembered tokens.
 * Call it in the describe's body. The objects it returns stay the same and are filled in place by jest's hooks,
 * so destructure them once there and use them inside the tests: `const { t, http, area } = appWithFreshArea(…)`.
 */
function withFreshArea<S extends AreaSuite>(suite: S, start: () => Promise<{ started: Omit<S, 'area'>; stop: () => Promise<void> }>): S {
  let stop: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const { started, stop: stopStarted } = await start();
    stop = stopStarted;
    const slots = suite as unknown as Record<string, object>;
    for (const [key, value] of Object.entries(started)) Object.assign(slots[key], value);
  });
  afterAll(() => stop());
  beforeEach(async () => {
    const https = 'httpB' in suite ? [suite.http, suite.httpB as Api] : [suite.http];
    Object.assign(suite.area, await freshArea(suite.t.ds, ...https));
  });
  return suite;
}

/** One app on a database of this describe's own (ownConfig, named after `name`). */
export function appWithFreshArea(dialect: Dialect, name: string): AreaSuite {
  return withFreshArea({ t: {}, http: {}, area: {} } as AreaSuite, async () => {
    const t = await startTestApp(await ownConfig(dialect, name));
    return { started: { t, http: api(t.app) }, stop: () => t.close() };
  });
}

/** Two apps on one database (startTwoApps, named after `name`). */
export function twoAppsWithFreshArea(dialect: Dialect, name: string): TwoAppsAreaSuite {
  return withFreshArea({ t: {}, http: {}, httpB: {}, area: {} } as TwoAppsAreaSuite, async () => {
    const { a, httpA, httpB, stop } = await startTwoApps(dialect, name);
    return { started: { t: a, http: httpA, httpB }, stop };
  });
}
