import { DIALECTS, freshMariaDbUrl, startTestApp, testConfig, truncateAll, type Dialect, type TestApp } from './support/test-app';
import { api } from './support/http';
import { createArea, createUser, type TestArea } from '../factories/org.factory';
import { listRoutes, type RouteInfo } from '../../server/src/common/auth/route-table';
import { Roles, type Role } from '../../contracts/roles';

/** A database of this file's own (suffix), so it never shares one with another test file. */
const databaseUrl = async (dialect: Dialect, suffix: string) => (dialect === 'sqlite' ? 'sqlite::memory:' : freshMariaDbUrl(suffix));

const PRODUCTION = {
  NODE_ENV: 'production',
  WECHAT_APPID: 'wx1234567890abcdef',
  WECHAT_SECRET: 'production-wechat-secret',
  AUTH_TOKEN_SECRET: 'a-production-token-secret-of-40-chars-xx',
};

const name = (r: RouteInfo) => `${r.method} ${r.path} (${r.controller}.${r.handler})`;
const key = (r: RouteInfo) => `${r.method} ${r.path}`;
/** `/api/concerns/:id/accept` -> `/api/concerns/1/accept` */
const concrete = (path: string) => path.replace(/:\w+/g, '1');
/** `/api/concerns/:id` -> `/api/concerns/{id}` as OpenAPI writes it. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The (method, path) pairs an OpenAPI document describes. */
function documented(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}

describe.each(DIALECTS)('routes on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  let routes: RouteInfo[];
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    t = await startTestApp(await testConfig('sqlite', { DATABASE_URL: await databaseUrl(dialect, '_routes') }));
    http = api(t.app);
    routes = listRoutes(t.app);
    // Nothing below changes data (every request is refused), so one area serves all tests.
    await truncateAll(t.ds);
    area = await createArea(t.ds);
    const department = await createUser(t.ds, { role: 'department', name: '城管局联络员', streetId: area.streetId });
    const people: Record<Role, number> = {
      resident: area.residentA1.id, grid_worker: area.workerA1.id, community_staff: area.staffA.id, street_admin: area.streetAdmin.id, department: department.id,
    };
    for (const role of Roles) tokens[role] = await http.login(people[role]);
  });
  afterAll(() => t.close());

  describe('the route table', () => {
    it('lists the service’s routes, and every one declares who may call it', () => {
      expect(routes.map(key)).toEqual(expect.arrayContaining([
        'GET /api/health', 'POST /api/auth/wechat', 'GET /api/auth/options', 'POST /api/auth/dev-login', 'GET /api/auth/demo-users',
        'GET /api/me', 'PUT /api/me/unit', 'POST /api/concerns', 'GET /api/concerns/inbox', 'GET /api/concerns/:id', 'POST /api/concerns/:id/accept',
        'GET /api/org/residents/unconfirmed', 'POST /api/org/residents/:id/confirm', 'GET /api/notifications', 'POST /api/notifications/:id/read',
      ]));
      expect(routes.filter((r) => !r.access).map(name)).toEqual([]);
    });

    it('every listed route is really served, and matches the OpenAPI document one to one', async () => {
      const fastify = t.app.getHttpAdapter().getInstance();
      expect(routes.filter((r) => !fastify.hasRoute({ method: r.method as 'GET', url: r.path })).map(name)).toEqual([]);
      const doc = (await http.get('/api/docs-json')).body;
      expect(documented(doc).sort()).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
    });

    it('a role-restricted route answers 403 FORBIDDEN to every role it does not list (checked by the guard, before anything else)', async () => {
      const restricted = routes.filter((r) => r.access?.kind === 'roles');
      expect(restricted.map(key)).toEqual(expect.arrayContaining(['GET /api/concerns/inbox', 'POST /api/concerns/:id/accept', 'POST /api/concerns']));
      const wrong: string[] = [];
      let checked = 0;
      for (const route of restricted) {
        const allowed = (route.access as { roles: Role[] }).roles;
        for (const role of Roles.filter((r) => !allowed.includes(r))) {
          const res = await http.call(route.method as 'GET', concrete(route.path), { token: tokens[role], body: route.method === 'GET' ? undefined : {} });
          checked++;
          if (res.status !== 403 || res.body.code !== 'FORBIDDEN') wrong.push(`${role} on ${name(route)} -> ${res.status} ${res.body.code}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(10);
    });

    it('a resident token on each role-restricted route that excludes residents answers 403', async () => {
      const staffOnly = routes.filter((r) => r.access?.kind === 'roles' && !r.access.roles.includes('resident'));
      expect(staffOnly.map(key).sort()).toEqual(expect.arrayContaining(['GET /api/concerns/inbox', 'GET /api/org/residents/unconfirmed', 'POST /api/org/residents/:id/confirm', 'POST /api/concerns/:id/accept']));
      for (const route of staffOnly) {
        const res = await http.call(route.method as 'GET', concrete(route.path), { token: tokens.resident, body: route.method === 'GET' ? undefined : {} });
        expect({ route: name(route), status: res.status, code: res.body.code }).toEqual({ route: name(route), status: 403, code: 'FORBIDDEN' });
      }
    });

    it('every route that is not public answers 401 without a token', async () => {
      const guarded = routes.filter((r) => r.access?.kind !== 'public');
      expect(guarded.length).toBeGreaterThan(10);
      for (const route of guarded) {
        const res = await http.call(route.method as 'GET', concrete(route.path), { body: route.method === 'GET' ? undefined : {} });
        expect({ route: name(route), status: res.status, code: res.body.code }).toEqual({ route: name(route), status: 401, code: 'UNAUTHENTICATED' });
      }
    });
  });

  describe('the API documentation', () => {
    it('GET /api/docs-json is an OpenAPI document of the API', async () => {
      const res = await http.get('/api/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.openapi).toMatch(/^3\./);
      expect(res.body.info).toMatchObject({ title: 'Linli 邻里 API' });
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/concerns', '/api/concerns/{id}', '/api/concerns/{id}/accept', '/api/me', '/api/auth/wechat', '/api/health']));
      expect(res.body.paths['/api/concerns'].post.requestBody.content['application/json'].schema).toMatchObject({
        type: 'object', required: expect.arrayContaining(['category', 'text']),
      });
      expect(res.body.components.securitySchemes).toMatchObject({ bearer: { type: 'http', scheme: 'bearer' } });
    });

    it('GET /api/docs is the HTML documentation page', async () => {
      const res = await http.get('/api/docs');
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
      expect(String(res.body)).toMatch(/swagger/i);
    });
  });

  describe('request ids', () => {
    it.each<[string, Parameters<ReturnType<typeof api>['call']>, number]>([
      ['an unknown API route', ['GET', '/api/nothing-here', {}], 404],
      ['an unknown path outside the API', ['GET', '/no/such/page', {}], 404],
      ['no token', ['GET', '/api/me', {}], 401],
      ['a forged token', ['GET', '/api/me', { headers: { authorization: 'Bearer abc.def' } }], 401],
      ['a bad id', ['GET', '/api/concerns/abc', { headers: {} }], 400],
      ['malformed JSON', ['POST', '/api/auth/wechat', { rawBody: '{"code":' }], 400],
      ['an unknown field', ['POST', '/api/auth/wechat', { body: { code: 'x', extra: 1 } }], 400],
      ['an unsupported content type', ['POST', '/api/auth/wechat', { rawBody: '<code>x</code>', headers: { 'content-type': 'application/xml' } }], 415],
      ['a body over the size limit', ['POST', '/api/auth/wechat', { body: { code: 'x'.repeat(1_100_000) } }], 413],
      ['an unknown demo user', ['POST', '/api/auth/dev-login', { body: { userId: 99999999 } }], 404],
    ])('an error response (%s) carries x-request-id equal to body.requestId', async (_name, [method, url, opts], status) => {
      const needsToken = url === '/api/concerns/abc';
      const res = await http.call(method, url, { ...opts, ...(needsToken ? { token: tokens.resident } : {}) });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.stringMatching(UUID) });
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    });

    it('a sane incoming X-Request-Id is echoed in the header and the error body; each request without one gets its own UUID', async () => {
      const err = await http.call('GET', '/api/me', { headers: { 'x-request-id': 'mp-7f3a.0001_retry-2' } });
      expect(err.status).toBe(401);
      expect(err.headers['x-request-id']).toBe('mp-7f3a.0001_retry-2');
      expect(err.body.requestId).toBe('mp-7f3a.0001_retry-2');
      const ok = await http.call('GET', '/api/me', { token: tokens.resident, headers: { 'x-request-id': 'ok-request-1' } });
      expect([ok.status, ok.headers['x-request-id']]).toEqual([200, 'ok-request-1']);
      const a = await http.get('/api/health');
      const b = await http.get('/api/health');
      expect(a.headers['x-request-id']).toMatch(UUID);
      expect(b.headers['x-request-id']).toMatch(UUID);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });

    it.each([
      ['spaces', 'two words'],
      ['markup', '<script>alert(1)</script>'],
      ['over 64 characters', 'r'.repeat(65)],
    ])('an incoming X-Request-Id with %s is replaced by a UUID', async (_name, given) => {
      const res = await http.call('GET', '/api/nothing-here', { headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(res.body.requestId).toBe(res.headers['x-request-id']);
    });
  });
});

describe.each(DIALECTS)('in production configuration on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    const config = await testConfig('sqlite', { ...PRODUCTION, DATABASE_URL: await databaseUrl(dialect, '_routes_prod') });
    expect(config).toMatchObject({ env: 'production', auth: { devLogin: false } });
    t = await startTestApp(config);
    http = api(t.app);
  });
  afterAll(() => t.close());

  it('dev login does not exist: POST /api/auth/dev-login and GET /api/auth/demo-users answer 404', async () => {
    const dev = await http.post('/api/auth/dev-login', { userId: 1 });
    expect([dev.status, dev.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const demo = await http.get('/api/auth/demo-users');
    expect([demo.status, demo.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const fresh = await http.post('/api/auth/dev-new-user', {});
    expect([fresh.status, fresh.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    expect((await http.get('/api/auth/options')).body).toEqual({ wechat: true, devLogin: false });
  });

  it('the dev-login routes are absent from the route table and from the OpenAPI document; WeChat login is present', async () => {
    const routes = listRoutes(t.app).map(key);
    expect(routes).toContain('POST /api/auth/wechat');
    expect(routes.filter((r) => /dev-login|demo-users|dev-new-user/.test(r))).toEqual([]);
    const doc = (await http.get('/api/docs-json')).body;
    expect(Object.keys(doc.paths)).toContain('/api/auth/wechat');
    expect(Object.keys(doc.paths).filter((p) => /dev-login|demo-users|dev-new-user/.test(p))).toEqual([]);
  });
});
