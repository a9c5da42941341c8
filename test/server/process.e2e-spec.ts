import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tempDir } from './support/own-database';
import { ensureServerBuilt, freePort, jsonLines, spawnServer, waitListening, type ServerProcess } from './support/server-process';

// The compiled server as it is deployed: `node dist/server/server/src/main.js` on a SQLite file.

interface Answer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
  /** When the answer (or the socket error) arrived. */
  at: number;
}

/** One request on its own connection; a socket error rejects (that is what a client sees as a reset). */
function call(port: number, method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { connection: 'close', ...(opts.headers ?? {}) };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        done({ status: res.statusCode ?? 0, body, headers: res.headers, at: Date.now() });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/** Whether anything accepts a TCP connection on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

const countRows = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('the compiled server process', () => {
  const tmp = tempDir('process');
  const started: ServerProcess[] = [];

  const baseEnv = async (file: string): Promise<Record<string, string>> => ({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${file}`,
    H5_DIR: tmp.file('no-h5'),
    LOG_LEVEL: 'info',
    SCHEDULER_ENABLED: 'false',
  });

  const start = async (env: Record<string, string>): Promise<ServerProcess> => {
    const server = spawnServer(env);
    started.push(server);
    await waitListening(server);
    return server;
  };

  const stop = async (server: ServerProcess) => {
    server.child.kill('SIGTERM');
    return server.exited;
  };

  beforeAll(() => ensureServerBuilt(), 120_000);
  afterAll(async () => {
    for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    tmp.remove();
  });

  describe('refuses a bad configuration: exit code 2, the variable named on stderr, nothing listening, no database file', () => {
    const cases = {
      port: { PORT: 'abc' },
      database: { DATABASE_URL: 'postgres://x' },
      production: { NODE_ENV: 'production' },
    };
    const runs: Record<string, { server: ServerProcess; port: number; file: string }> = {};

    // The three processes start together (each loads the whole service before it reads its config).
    beforeAll(async () => {
      for (const [name, bad] of Object.entries(cases)) {
        const file = tmp.file(`bad-${name}.sqlite`);
        const base = await baseEnv(file);
        const port = Number(base.PORT);
        const server = spawnServer({ ...base, ...bad });
        started.push(server);
        runs[name] = { server, port, file };
      }
    });

    it.each([
      ['a port that is not a number', 'port', ['PORT']],
      ['an unsupported database URL', 'database', ['DATABASE_URL']],
      ['production without its secrets (every missing one named at once)', 'production', ['AUTH_TOKEN_SECRET', 'WECHAT_APPID']],
    ])('%s', async (_name, key, variables) => {
      const { server, port, file } = runs[key];
      expect((await server.exited).code).toBe(2);
      for (const variable of variables) expect(server.stderr()).toContain(variable);
      expect(server.stderr()).toMatch(/did not start/);
      expect(server.stdout()).not.toMatch(/listening/);
      expect(await listening(port)).toBe(false);
      expect(existsSync(file)).toBe(false);
    });
  });

  it('the first start creates the database file, migrates and seeds the demo; a restart seeds nothing again', async () => {
    const file = tmp.file('data/first.sqlite');
    expect(existsSync(file)).toBe(false);
    const env = await baseEnv(file);

    const first = await start(env);
    expect(existsSync(file)).toBe(true);
    const users1 = await call(first.port, 'GET', '/api/auth/demo-users');
    expect(users1.status).toBe(200);
    expect(users1.body.items.length).toBeGreaterThan(10);
    expect(first.stdout()).toContain('migrations applied');
    expect(first.stdout()).toContain('demo organisation seeded');
    expect(await stop(first)).toEqual({ code: 0, signal: null });
    const rowsAfterFirst = countRows(file, 'users');
    expect(countRows(file, 'migrations')).toBeGreaterThan(0);

    const second = await start({ ...env, PORT: String(await freePort()) });
    const users2 = await call(second.port, 'GET', '/api/auth/demo-users');
    expect(users2.body.items).toEqual(users1.body.items);
    expect(second.stdout()).not.toContain('migrations applied');
    expect(second.stdout()).not.toContain('demo organisation seeded');
    expect(await stop(second)).toEqual({ code: 0, signal: null });
    expect(countRows(file, 'users')).toBe(rowsAfterFirst);
  });

  it('SIGTERM during 40 concurrent submissions: every request gets an HTTP answer (201 or 503), exit 0, stored rows = 201s', async () => {
    const file = tmp.file('shutdown.sqlite');
    const server = await start(await baseEnv(file));
    const demo = await call(server.port, 'GET', '/api/auth/demo-users');
    const resident = demo.body.items.find((u: { role: string; areaName: string }) => u.role === 'resident' && u.areaName !== '未选择住址');
    const login = await call(server.port, 'POST', '/api/auth/dev-login', { body: { userId: resident.id } });
    expect(login.status).toBe(200);

    const answers = Array.from({ length: 40 }, (_, i) =>
      call(server.port, 'POST', '/api/concerns', { token: login.body.token, body: { category: 'noise', text: `关机前第${i}件` } }).then(
        (a) => a,
        // (errors from node core are not `instanceof Error` inside jest's sandbox)
        (err: { code?: string; message?: string }) => ({ socketError: `${err.code ?? ''} ${err.message ?? String(err)}` }),
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const results = await Promise.all(answers);
    const exit = await server.exited;

    const resets = results.filter((r): r is { socketError: string } => 'socketError' in r).map((e) => e.socketError);
    expect(resets).toEqual([]);
    const replies = results as Answer[];
    expect(replies.map((r) => r.status).filter((status) => status !== 201 && status !== 503)).toEqual([]);
    for (const r of replies.filter((x) => x.status === 201)) expect(r.body).toMatchObject({ id: expect.any(Number), status: 'submitted' });
    // Requests refused while closing get the one error shape too.
    for (const r of replies.filter((x) => x.status === 503)) expect(r.body).toMatchObject({ code: 'SHUTTING_DOWN', requestId: expect.any(String) });
    // The signal arrived while requests were still being answered: the shutdown drained them.
    expect(replies.some((r) => r.at >= signalledAt)).toBe(true);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(countRows(file, 'concerns')).toBe(replies.filter((r) => r.status === 201).length);
  });

  it('writes one JSON object per stdout line; request lines carry the request id', async () => {
    const server = await start(await baseEnv(tmp.file('logs.sqlite')));
    const res = await call(server.port, 'GET', '/api/health', { headers: { 'x-request-id': 'probe-req-42' } });
    expect(res.headers['x-request-id']).toBe('probe-req-42');
    await call(server.port, 'GET', '/api/nothing-here');
    expect(await stop(server)).toEqual({ code: 0, signal: null });

    const lines = jsonLines(server.stdout());
    expect(lines.length).toBeGreaterThan(5);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ reqId: 'probe-req-42', method: 'GET', url: '/api/health', status: 200 });
    expect(requests[1]).toMatchObject({ reqId: expect.stringMatching(/^[0-9a-f-]{36}$/), url: '/api/nothing-here', status: 404 });
  });
});
