import { DIALECTS, startTestApp, testConfig, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { createArea, type TestArea } from '../factories/org.factory';
import { ConcernEntity, ConcernEventEntity } from '../../server/src/modules/concerns/concern.entity';

describe.each(DIALECTS)('concern flow on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;

  beforeAll(async () => {
    t = await startTestApp(await testConfig(dialect));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await truncateAll(t.ds);
    area = await createArea(t.ds);
  });

  it('routes a resident’s concern to their grid worker, who accepts it; the resident sees “accepted” and a notice', async () => {
    const resident = await http.login(area.residentA1.id);
    const created = await http.post('/api/concerns', { category: 'leak', text: '楼上卫生间漏水，敲门无人应答' }, resident);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'submitted', holderName: '甲网格员', firstOwnerName: '甲网格员', unconfirmed: false, placeLabel: '甲社区 1号楼 1单元' });

    const worker = await http.login(area.workerA1.id);
    const inbox = await http.get('/api/concerns/inbox', worker);
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((c: { id: number }) => c.id)).toEqual([created.body.id]);
    const workerNotice = await http.get('/api/notifications', worker);
    expect(workerNotice.body.items[0]).toMatchObject({ type: 'concern.submitted', read: false });

    const accepted = await http.post(`/api/concerns/${created.body.id}/accept`, {}, worker);
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(accepted.body.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'accepted']);

    const mine = await http.get('/api/concerns/mine', resident);
    expect(mine.body.items[0]).toMatchObject({ id: created.body.id, status: 'accepted', statusLabel: '已受理' });
    expect((await http.get('/api/notifications/unread-count', resident)).body).toEqual({ unread: 1 });
    const notices = await http.get('/api/notifications', resident);
    expect(notices.body.items[0]).toMatchObject({ type: 'concern.accepted', title: '您反映的问题已受理', link: `/packages/concerns/detail/index?id=${created.body.id}` });
    expect((await http.post(`/api/notifications/${notices.body.items[0].id}/read`, {}, resident)).body).toEqual({ unread: 0 });
  });

  it('a second accept of the same concern answers 409 with the current state, and records no second event', async () => {
    const resident = await http.login(area.residentA1.id);
    const { body: c } = await http.post('/api/concerns', { category: 'noise', text: '夜里装修噪音' }, resident);
    const worker = await http.login(area.workerA1.id);
    // The same grid worker on two phones at once.
    const [a, b] = await Promise.all([
      http.post(`/api/concerns/${c.id}/accept`, {}, worker),
      http.post(`/api/concerns/${c.id}/accept`, {}, worker),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(['CONCERN_STATE_CONFLICT', 'CONCERN_ILLEGAL_TRANSITION']).toContain(loser.body.code);
    expect(loser.body.current).toMatchObject({ status: 'accepted' });
    expect(await t.ds.manager.count(ConcernEventEntity, { where: { concernId: c.id, type: 'accepted' } })).toBe(1);
  });

  it('only the level that holds a concern acts on it: community staff cannot accept what the grid holds (403 CONCERN_NOT_HOLDER)', async () => {
    const resident = await http.login(area.residentA1.id);
    const { body: c } = await http.post('/api/concerns', { category: 'noise', text: '广场舞音响太响' }, resident);
    const staff = await http.login(area.staffA.id);
    const res = await http.post(`/api/concerns/${c.id}/accept`, {}, staff);
    expect([res.status, res.body.code]).toEqual([403, 'CONCERN_NOT_HOLDER']);
    expect((await http.get(`/api/concerns/${c.id}`, staff)).body).toMatchObject({ status: 'submitted', actions: [] });
  });

  it('a grid without a grid worker routes to the community queue and notifies community staff; the concern is marked unconfirmed', async () => {
    const resident = await http.login(area.residentA2.id);
    const { status, body } = await http.post('/api/concerns', { category: 'facilities', text: '路灯坏了' }, resident);
    expect(status).toBe(201);
    expect(body).toMatchObject({ holderName: null, firstOwnerName: null, unconfirmed: true });
    const staff = await http.login(area.staffA.id);
    expect((await http.get('/api/concerns/inbox?status=submitted', staff)).body.items).toHaveLength(1);
    expect((await http.get('/api/notifications', staff)).body.items[0]).toMatchObject({ type: 'concern.submitted' });
    const accepted = await http.post(`/api/concerns/${body.id}/accept`, { note: '社区来处理' }, staff);
    expect(accepted.body).toMatchObject({ status: 'accepted', holderName: '甲社区干部', firstOwnerName: '甲社区干部' });
  });

  it('staff see only their own area: another grid’s worker and another community’s staff get 404', async () => {
    const resident = await http.login(area.residentA1.id);
    const { body: c } = await http.post('/api/concerns', { category: 'parking', text: '消防通道被占' }, resident);
    const otherWorker = await http.login(area.workerB1.id);
    const otherStaff = await http.login(area.staffB.id);
    expect((await http.get('/api/concerns/inbox', otherWorker)).body.items).toEqual([]);
    expect((await http.get(`/api/concerns/${c.id}`, otherWorker)).status).toBe(404);
    const res = await http.post(`/api/concerns/${c.id}/accept`, {}, otherStaff);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('CONCERN_NOT_FOUND');
    const neighbour = await http.login(area.residentB1.id);
    expect((await http.get(`/api/concerns/${c.id}`, neighbour)).status).toBe(404);
    const admin = await http.login(area.streetAdmin.id);
    expect((await http.get(`/api/concerns/${c.id}`, admin)).status).toBe(200);
  });

  it('a resident without a unit is told to choose one (422 UNIT_REQUIRED) and nothing is stored', async () => {
    const resident = await http.login(area.residentNoUnit.id);
    const res = await http.post('/api/concerns', { category: 'other', text: '你好' }, resident);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('UNIT_REQUIRED');
    expect(await t.ds.manager.count(ConcernEntity)).toBe(0);
  });

  it('choosing a unit puts the resident in the grid worker’s confirmation list; confirming notifies them', async () => {
    const resident = await http.login(area.residentNoUnit.id);
    const me = await http.put('/api/me/unit', { unitId: area.unitA1b }, resident);
    expect(me.status).toBe(200);
    expect(me.body.unit).toMatchObject({ unitId: area.unitA1b, label: '甲社区 1号楼 2单元', confirmed: false });
    const worker = await http.login(area.workerA1.id);
    const list = await http.get('/api/org/residents/unconfirmed', worker);
    expect(list.body.items.map((r: { id: number }) => r.id)).toContain(area.residentNoUnit.id);
    expect((await http.post(`/api/org/residents/${area.residentNoUnit.id}/confirm`, {}, await http.login(area.workerB1.id))).status).toBe(404);
    expect((await http.post(`/api/org/residents/${area.residentNoUnit.id}/confirm`, {}, worker)).status).toBe(200);
    expect((await http.get('/api/me', resident)).body.unit.confirmed).toBe(true);
    expect((await http.get('/api/notifications', resident)).body.items[0].type).toBe('resident.confirmed');
    expect((await http.put('/api/me/unit', { unitId: 999999 }, resident)).body.code).toBe('UNIT_NOT_FOUND');
  });

  it('pages “my concerns” by cursor without repeats or gaps', async () => {
    const resident = await http.login(area.residentA1.id);
    for (let i = 0; i < 5; i++) await http.post('/api/concerns', { category: 'other', text: `第${i}件` }, resident);
    const p1 = await http.get('/api/concerns/mine?limit=2', resident);
    const p2 = await http.get(`/api/concerns/mine?limit=2&cursor=${p1.body.nextCursor}`, resident);
    const p3 = await http.get(`/api/concerns/mine?limit=2&cursor=${p2.body.nextCursor}`, resident);
    const texts = [...p1.body.items, ...p2.body.items, ...p3.body.items].map((c: { text: string }) => c.text);
    expect(texts).toEqual(['第4件', '第3件', '第2件', '第1件', '第0件']);
    expect(p3.body.nextCursor).toBeNull();
    expect((await http.get('/api/concerns/mine?cursor=garbage', resident)).status).toBe(400);
  });

  describe('bad input gets a coded 4xx, never a 500, and stores nothing', () => {
    it.each([
      ['malformed JSON', { rawBody: '{"category":', headers: {} }, 400, 'MALFORMED_JSON'],
      ['an unknown field', { body: { category: 'leak', text: '漏水', priority: 'high' } }, 400, 'VALIDATION_FAILED'],
      ['a wrong type', { body: { category: 'leak', text: 42 } }, 400, 'VALIDATION_FAILED'],
      ['an unknown category', { body: { category: 'ufo', text: '飞碟' } }, 400, 'VALIDATION_FAILED'],
      ['text over 1,000 characters', { body: { category: 'leak', text: '漏'.repeat(1001) } }, 400, 'VALIDATION_FAILED'],
      ['blank text', { body: { category: 'leak', text: '   ' } }, 400, 'VALIDATION_FAILED'],
      ['a body that is not an object', { rawBody: '[1,2]' }, 400, 'VALIDATION_FAILED'],
      ['a bad Idempotency-Key', { body: { category: 'leak', text: '漏水' }, headers: { 'idempotency-key': 'x' } }, 400, 'IDEMPOTENCY_KEY_INVALID'],
    ])('%s', async (_name, opts, status, code) => {
      const token = await http.login(area.residentA1.id);
      const res = await http.call('POST', '/api/concerns', { token, ...(opts as object) });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ code, requestId: expect.any(String), message: expect.any(String) });
      expect(await t.ds.manager.count(ConcernEntity)).toBe(0);
    });

    it('no token -> 401, a forged token -> 401, wrong role -> 403, bad id -> 400, unknown route -> 404', async () => {
      expect((await http.post('/api/concerns', { category: 'leak', text: 'x' })).body.code).toBe('UNAUTHENTICATED');
      expect((await http.get('/api/me', 'abc.def')).status).toBe(401);
      const worker = await http.login(area.workerA1.id);
      const wrongRole = await http.post('/api/concerns', { category: 'leak', text: 'x' }, worker);
      expect([wrongRole.status, wrongRole.body.code]).toEqual([403, 'FORBIDDEN']);
      const resident = await http.login(area.residentA1.id);
      expect((await http.get('/api/concerns/inbox', resident)).status).toBe(403);
      expect((await http.get('/api/concerns/abc', resident)).body.code).toBe('VALIDATION_FAILED');
      expect((await http.get('/api/concerns/99999999999', resident)).status).toBe(400);
      const missing = await http.get('/api/nothing-here', resident);
      expect([missing.status, missing.body.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
      expect((await http.get('/api/concerns/inbox?limit=1000', worker)).status).toBe(400);
    });
  });
});
