import { format } from 'node:util';
import { DIALECTS, freshMariaDbUrl, startTestApp, testConfig, truncateAll, type Dialect, type TestApp } from './support/test-app';
import { api, type Res } from './support/http';
import { FakeWechat, type FakeWechatReply } from './support/fake-wechat';
import { UserEntity } from '../../server/src/modules/users/user.entity';

const APPID = 'wx1234567890abcdef';
const SECRET = 'fake-wechat-secret-42';

/** A database of this file's own (suffix), so it never shares one with another test file. */
async function wechatConfig(dialect: Dialect, baseUrl: string) {
  return testConfig('sqlite', {
    DATABASE_URL: dialect === 'sqlite' ? 'sqlite::memory:' : await freshMariaDbUrl('_wechat'),
    WECHAT_APPID: APPID,
    WECHAT_SECRET: SECRET,
    WECHAT_API_BASE_URL: baseUrl,
    // Generous for a loaded CI machine; the slow case below waits 3 s, well past it.
    WECHAT_TIMEOUT_MS: '1500',
    LOG_LEVEL: 'trace',
  });
}

describe.each(DIALECTS)('WeChat login through the real client against a fake WeChat, on %s', (dialect) => {
  const fake = new FakeWechat();
  /** Every log line the service wrote: fastify/pino via logStream, Nest's logger via stdout/stderr. */
  const logs: string[] = [];
  /** Every raw response (headers and body) the tests received. */
  const responses: string[] = [];
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let stdout: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  const consoleLines: string[] = [];
  const consoleSpies: jest.SpyInstance[] = [];

  const record = <T>(res: Res<T>): Res<T> => {
    responses.push(JSON.stringify(res.headers), typeof res.body === 'string' ? res.body : JSON.stringify(res.body));
    return res;
  };
  const login = async (code: string) => record(await http.post('/api/auth/wechat', { code }));
  const users = (openid: string) => t.ds.manager.count(UserEntity, { where: { openid } });
  const storedSessionKey = async (openid: string): Promise<string | null> => {
    const rows: { wx_session_key: string | null }[] = await t.ds.query('SELECT wx_session_key FROM users WHERE openid = ?', [openid]);
    return rows[0]?.wx_session_key ?? null;
  };
  const allLogs = () => [...logs, ...consoleLines, ...stdout.mock.calls.map((c) => String(c[0])), ...stderr.mock.calls.map((c) => String(c[0]))];

  beforeAll(async () => {
    // Nest's JSON log lines are captured and kept off the terminal; anything else still prints.
    const capture = (stream: NodeJS.WriteStream) => {
      const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
      return jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) =>
        String(chunk).startsWith('{"level"') ? true : write(chunk, ...rest)) as typeof stream.write);
    };
    stdout = capture(process.stdout);
    stderr = capture(process.stderr);
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleSpies.push(jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(format(...args))));
    }
    await fake.start();
    t = await startTestApp(await wechatConfig(dialect, fake.baseUrl), { logStream: { write: (line: string) => void logs.push(line) } });
    http = api(t.app);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
    stdout.mockRestore();
    stderr.mockRestore();
    for (const spy of consoleSpies) spy.mockRestore();
  });
  beforeEach(async () => {
    await truncateAll(t.ds);
    fake.reset();
  });

  it('a valid code logs in (200, token); the client sent appid, secret, js_code and grant_type; the token works on /api/me', async () => {
    fake.session('code-first', 'oUser_first_0001', 'SK_first_0001');
    const res = await login('code-first');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token: expect.any(String), expiresAt: expect.any(String), user: { role: 'resident', name: '微信用户', unit: null } });
    expect(fake.requests).toEqual([
      { method: 'GET', path: '/sns/jscode2session', query: { appid: APPID, secret: SECRET, js_code: 'code-first', grant_type: 'authorization_code' } },
    ]);
    const me = record(await http.get('/api/me', res.body.token));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: res.body.user.id, role: 'resident' });
    expect(await users('oUser_first_0001')).toBe(1);
  });

  it('a second login with another code for the same openid is the same user (no second row); the new session_key replaces the old', async () => {
    fake.session('code-a', 'oUser_again_0002', 'SK_again_first').session('code-b', 'oUser_again_0002', 'SK_again_second');
    const first = await login('code-a');
    expect(await storedSessionKey('oUser_again_0002')).toBe('SK_again_first');
    const second = await login('code-b');
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(await users('oUser_again_0002')).toBe(1);
    expect(await t.ds.manager.count(UserEntity)).toBe(1);
    expect(await storedSessionKey('oUser_again_0002')).toBe('SK_again_second');
  });

  it('session_key is stored in users.wx_session_key but never appears in a response or a log line (LOG_LEVEL=trace)', async () => {
    const sessionKey = 'SK_secret_tR4ce+Zq9w==';
    fake.session('code-secret', 'oUser_secret_0003', sessionKey);
    fake.on('code-broken', { json: { openid: 'oUser_secret_0003', session_key: sessionKey, errcode: -1, errmsg: 'system busy' } });
    const ok = await login('code-secret');
    expect(ok.status).toBe(200);
    record(await http.get('/api/me', ok.body.token));
    record(await http.call('PATCH', '/api/me', { token: ok.body.token, body: { name: '张三' } }));
    expect((await login('code-broken')).status).toBe(502);
    await login('code-secret');

    expect(await storedSessionKey('oUser_secret_0003')).toBe(sessionKey);
    // The capture works: the requests above were logged.
    expect(logs.some((l) => l.includes('/api/auth/wechat'))).toBe(true);
    const leaks = (texts: string[]) => texts.filter((s) => s.includes(sessionKey) || /session_?key/i.test(s));
    expect(leaks(responses)).toEqual([]);
    expect(allLogs().filter((s) => s.includes(sessionKey))).toEqual([]);
  });

  describe('a WeChat failure is a coded 4xx/502, never a 500, and creates no user', () => {
    it.each<[string, FakeWechatReply, number, string]>([
      ['an invalid code (errcode 40029)', { json: { errcode: 40029, errmsg: 'invalid code' } }, 401, 'WECHAT_CODE_INVALID'],
      ['a code already used (errcode 40163)', { json: { errcode: 40163, errmsg: 'code been used' } }, 401, 'WECHAT_CODE_INVALID'],
      ['rate limited (errcode 45011)', { json: { errcode: 45011, errmsg: 'api minute-quota reach limit' } }, 429, 'WECHAT_RATE_LIMITED'],
      ['another WeChat error (errcode -1)', { json: { errcode: -1, errmsg: 'system error' } }, 502, 'WECHAT_UNAVAILABLE'],
      ['an answer that is not JSON', { raw: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' }, 502, 'WECHAT_UNAVAILABLE'],
      ['JSON null', { raw: 'null' }, 502, 'WECHAT_UNAVAILABLE'],
      ['JSON without an openid', { json: { session_key: 'SK_no_openid' } }, 502, 'WECHAT_UNAVAILABLE'],
      ['JSON without a session_key', { json: { openid: 'oUser_nokey_0004' } }, 502, 'WECHAT_UNAVAILABLE'],
      ['HTTP 500 from WeChat', { status: 500, raw: 'Internal Server Error' }, 502, 'WECHAT_UNAVAILABLE'],
    ])('%s', async (_name, reply, status, code) => {
      fake.on('code-x', reply);
      const res = await login('code-x');
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
      expect(fake.requests).toHaveLength(1);
      expect(await t.ds.manager.count(UserEntity)).toBe(0);
    });

    it('WeChat slower than WECHAT_TIMEOUT_MS: the client gives up (502 WECHAT_UNAVAILABLE) instead of waiting', async () => {
      fake.on('code-slow', { delayMs: 3000, json: { openid: 'oUser_slow_0005', session_key: 'SK_slow' } });
      const started = Date.now();
      const res = await login('code-slow');
      const waited = Date.now() - started;
      expect(res.status).toBe(502);
      expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
      expect(waited).toBeLessThan(2000);
      expect(await t.ds.manager.count(UserEntity)).toBe(0);
    });

    it('a body without a code is refused before WeChat is asked', async () => {
      const res = record(await http.post('/api/auth/wechat', {}));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fake.requests).toEqual([]);
    });
  });

  it('with WeChat configured there is no dev login: /api/auth/dev-login and /api/auth/demo-users answer 404', async () => {
    const dev = await http.post('/api/auth/dev-login', { userId: 1 });
    expect([dev.status, dev.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const demo = await http.get('/api/auth/demo-users');
    expect([demo.status, demo.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    expect((await http.get('/api/auth/options')).body).toEqual({ wechat: true, devLogin: false });
  });

  it('20 concurrent first logins of the same new openid create exactly one user, and all get that user', async () => {
    const codes = Array.from({ length: 20 }, (_, i) => `code-race-${i}`);
    for (const code of codes) fake.session(code, 'oUser_race_0006', `SK_${code}`);
    const results = await Promise.all(codes.map((code) => login(code)));
    expect(results.map((r) => r.status)).toEqual(codes.map(() => 200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
    expect(await users('oUser_race_0006')).toBe(1);
    expect(await t.ds.manager.count(UserEntity)).toBe(1);
  });
});
