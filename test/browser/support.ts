import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'browser');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SERVER_MAIN = join(ROOT, 'dist/server/server/src/main.js');
const H5_INDEX = join(ROOT, 'dist/h5/index.html');

/** Why the browser suite cannot run here, or null. In CI every reason is a failure, not a skip. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
  if (!existsSync(H5_INDEX)) return `H5 build missing (${H5_INDEX}): run npm run build:h5`;
  if (!existsSync(SERVER_MAIN)) return `server build missing (${SERVER_MAIN}): run npm run build:server`;
  return null;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
  logs: string[];
}

/** The compiled service on a fresh SQLite file with the demo organisation, serving dist/h5 at /. */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'linli-browser-'));
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'linli.sqlite')}`,
      H5_DIR: join(ROOT, 'dist/h5'), LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false', SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => logs.push(String(d)));
  child.stderr?.on('data', (d) => logs.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${logs.join('')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    logs,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized context: Taro H5 buttons react to touch. */
export function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale: 'zh-CN' });
}

/**
 * `describe` for a browser suite, or `describe.skip` with a banner saying why when Chromium or a build is missing
 * here. In CI (CI=true) a missing prerequisite fails the run instead.
 */
export function browserDescribe(): jest.Describe {
  const missing = missingPrerequisite();
  if (missing && process.env.CI === 'true') throw new Error(`CI=true but the browser test cannot run: ${missing}`);
  if (missing) {
    const line = '!'.repeat(78);
    process.stderr.write(`\n${line}\n!! BROWSER TEST SKIPPED: ${missing}\n!! (In CI it must run.)\n${line}\n\n`);
  }
  return missing ? describe.skip : describe;
}

export interface BrowserRun {
  server: RunningServer;
  browser: Browser;
}

/**
 * One server (fresh SQLite + demo data) and one Chromium for every scenario of a suite, each scenario with its own
 * people. Call it in the suite's body; the fields are there once the suite has started: read them inside the tests.
 */
export function serverAndBrowser(): BrowserRun {
  const run = {} as BrowserRun;
  beforeAll(async () => {
    run.server = await startServer();
    run.browser = await launchBrowser();
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.server?.stop();
  });
  return run;
}

/** Logs `page` in as the demo user whose line on the login page matches `label` (tapped: Taro H5 reacts to touch). */
export async function loginOn(page: Page, server: RunningServer, label: RegExp): Promise<void> {
  await page.goto(server.url);
  await page.getByText('选择一位演示用户登录').waitFor();
  const user = page.getByText(label).filter({ visible: true }).first();
  await user.waitFor({ state: 'visible' });
  await user.tap();
  await page.locator('#home-greeting').waitFor();
}

/** A new phone page logged in as that demo user; its page errors are added to `errors`. */
export async function loginAs(server: RunningServer, browser: Browser, label: RegExp, errors: string[]): Promise<Page> {
  const page = await (await phone(browser)).newPage();
  page.on('pageerror', (e) => errors.push(`${label.source}: ${e.message}`));
  await loginOn(page, server, label);
  return page;
}

export interface Api {
  get<T = any>(path: string): Promise<T>;
  send<T = any>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T>;
}

/** The HTTP API as one demo person (dev login) — for setup, and for checking what the server recorded. A 4xx/5xx throws. */
export async function apiAs(server: RunningServer, name: string): Promise<Api> {
  const users = await (await fetch(`${server.url}/api/auth/demo-users`)).json();
  const user = users.items.find((u: { name: string }) => u.name === name);
  if (!user) throw new Error(`no demo user ${name}`);
  const login = await (await fetch(`${server.url}/api/auth/dev-login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.id }),
  })).json();
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${login.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { get: (path) => call('GET', path), send: (method, path, body) => call(method, path, body) };
}
