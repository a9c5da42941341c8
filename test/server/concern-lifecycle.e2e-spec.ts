import { DIALECTS, startTestApp, testConfig, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { createArea, createDepartment, createUser, type TestArea } from '../factories/org.factory';
import { ConcernEntity, ConcernSupporterEntity } from '../../server/src/modules/concerns/concern.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { ConcernsJobs } from '../../server/src/modules/concerns/concerns.jobs';
import { PhotosJobs } from '../../server/src/modules/photos/photos.jobs';
import type { UserEntity } from '../../server/src/modules/users/user.entity';

const DAY = 24 * 3600_000;

describe.each(DIALECTS)('concern lifecycle on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  let dept: { id: number; user: UserEntity };
  const as = (user: { id: number }) => http.as(user);

  beforeAll(async () => {
    t = await startTestApp(await testConfig(dialect));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    http.forgetTokens();
    await truncateAll(t.ds);
    await t.ds.query(`INSERT INTO concern_categories (community_id, code, label, hint, emergency_notice, resolve_hours, sort_order, enabled) VALUES (0, 'leak', '漏水', '哪一层？', '注意安全', 24, 0, 1), (0, 'pets', '宠物', NULL, NULL, 72, 1, 1), (0, 'noise', '噪音扰民', NULL, NULL, 48, 2, 1)`);
    area = await createArea(t.ds);
    dept = await createDepartment(t.ds, area.streetId);
  });

  const submit = async (resident: { id: number }, body: Record<string, unknown> = {}) => {
    const res = await http.post('/api/concerns', { category: 'leak', text: '烧烤油烟扰民', ...body }, await as(resident));
    expect(res.status).toBe(201);
    return res.body as { id: number; version: number };
  };
  const act = async (who: { id: number }, id: number, action: string, body: Record<string, unknown> = {}) =>
    http.post(`/api/concerns/${id}/${action}`, body, await as(who));
  const ok = async (who: { id: number }, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await act(who, id, action, body);
    if (res.status !== 200) throw new Error(`${action} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('grid → community → street → department (吹哨) and back: every step answers, moves the holder and leaves an immutable event', async () => {
    const c = await submit(area.residentA1);
    await ok(area.workerA1, c.id, 'accept');
    expect((await act(area.workerA1, c.id, 'escalate', {})).body.code).toBe('VALIDATION_FAILED'); // a reason is required
    let d = await ok(area.workerA1, c.id, 'escalate', { reason: '网格调解不成' });
    expect(d).toMatchObject({ status: 'escalated', holderLevel: 'community', holderName: null, firstOwnerName: '甲网格员' });
    expect((await act(area.workerA1, c.id, 'resolve', { note: 'x' })).body.code).toBe('CONCERN_NOT_HOLDER');
    await ok(area.staffA, c.id, 'accept');
    d = await ok(area.staffA, c.id, 'escalate', { reason: '需要街道协调' });
    expect(d).toMatchObject({ holderLevel: 'street' });
    const admin = await http.get(`/api/concerns/${c.id}`, await as(area.streetAdmin));
    expect(admin.body.actions).toEqual(['accept', 'escalate', 'return', 'close']);
    await ok(area.streetAdmin, c.id, 'accept');
    const street = await http.get(`/api/concerns/${c.id}`, await as(area.streetAdmin));
    expect(street.body.departments).toEqual([{ id: dept.id, name: '城管局' }]);
    expect((await act(area.streetAdmin, c.id, 'escalate', { reason: '吹哨' })).body.code).toBe('DEPARTMENT_REQUIRED');
    d = await ok(area.streetAdmin, c.id, 'escalate', { reason: '吹哨：请城管局处理油烟', departmentId: dept.id });
    expect(d).toMatchObject({ holderLevel: 'department', departmentName: '城管局' });
    // The department sees it in its inbox, sends it back to the street with instructions; the street hands it down again.
    const inbox = await http.get('/api/concerns/inbox', await as(dept.user));
    expect(inbox.body.items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    await ok(dept.user, c.id, 'accept');
    d = await ok(dept.user, c.id, 'return', { instructions: '请街道先核实商户地址' });
    expect(d).toMatchObject({ status: 'returned', holderLevel: 'street' });
    await ok(area.streetAdmin, c.id, 'accept');
    await ok(area.streetAdmin, c.id, 'escalate', { reason: '已核实', departmentId: dept.id });
    await ok(dept.user, c.id, 'accept');
    await ok(dept.user, c.id, 'start');
    d = await ok(dept.user, c.id, 'resolve', { note: '已责令商户安装油烟净化器' });
    expect(d).toMatchObject({ status: 'resolved', holderLevel: 'department' });

    const mine = await http.get(`/api/concerns/${c.id}`, await as(area.residentA1));
    expect(mine.body.actions).toEqual(['rate', 'not_solved']);
    d = await ok(area.residentA1, c.id, 'rate', { rating: 5, comment: '三天就解决了' });
    expect(d).toMatchObject({ status: 'closed', rating: 5, ratingComment: '三天就解决了', actions: [] });
    expect(d.timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted', 'accepted', 'escalated', 'accepted', 'escalated', 'accepted', 'escalated', 'accepted', 'returned', 'accepted', 'escalated', 'accepted', 'started', 'resolved', 'rated',
    ]);
    expect(d.timeline[2]).toMatchObject({ note: '网格调解不成', toLevel: 'community', actorName: '甲网格员', actorRoleLabel: '网格员' });
    // Rating again, or acting on a closed concern: 409 with a code.
    expect([(await act(area.residentA1, c.id, 'rate', { rating: 1 })).status, (await act(area.residentA1, c.id, 'rate', { rating: 1 })).body.code]).toEqual([409, 'CONCERN_ILLEGAL_TRANSITION']);
    const notices = await t.ds.manager.find(NotificationEntity, { where: { userId: area.residentA1.id }, order: { id: 'ASC' } });
    expect(notices.map((n) => n.type)).toEqual(expect.arrayContaining(['concern.accepted', 'concern.escalated', 'concern.resolved']));
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: dept.user.id, type: 'concern.escalated' } })).toBe(2);
  });

  it('“not solved” reopens and sends it one level up (二次督办); a stale version answers 409 with the current state', async () => {
    const c = await submit(area.residentA1);
    const accepted = await ok(area.workerA1, c.id, 'accept');
    await ok(area.workerA1, c.id, 'resolve', { note: '已联系楼上住户', version: accepted.version });
    const stale = await act(area.workerA1, c.id, 'start', { version: accepted.version });
    expect(stale.status).toBe(409);
    expect((await act(area.residentA1, c.id, 'not-solved', {})).body.code).toBe('VALIDATION_FAILED');
    const d = await ok(area.residentA1, c.id, 'not-solved', { comment: '还在漏' });
    expect(d).toMatchObject({ status: 'reopened', holderLevel: 'community', resolvedAt: null });
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: area.staffA.id, type: 'concern.reopened' } })).toBe(1);
    const staffView = await http.get(`/api/concerns/${c.id}`, await as(area.staffA));
    expect(staffView.body.actions).toContain('accept');
  });

  it('unrated resolved concerns close by themselves after 7 days, once', async () => {
    const c = await submit(area.residentA1);
    await ok(area.workerA1, c.id, 'accept');
    await ok(area.workerA1, c.id, 'resolve', { note: '已修好' });
    const jobs = t.app.get(ConcernsJobs);
    expect(await jobs.autoClose(new Date(Date.now() + 6 * DAY))).toBe('closed 0');
    expect(await jobs.autoClose(new Date(Date.now() + 8 * DAY))).toBe('closed 1');
    expect(await jobs.autoClose(new Date(Date.now() + 9 * DAY))).toBe('closed 0');
    const d = (await http.get(`/api/concerns/${c.id}`, await as(area.residentA1))).body;
    expect(d).toMatchObject({ status: 'closed', rating: null, actions: [] });
    expect(d.timeline.at(-1)).toMatchObject({ type: 'auto_closed', actorName: '系统' });
  });

  it('staff close a duplicate with a reason; the resident may withdraw their own open concern', async () => {
    const c1 = await submit(area.residentA1);
    expect((await act(area.workerA1, c1.id, 'close', { reason: 'bogus' })).status).toBe(400);
    const closed = await ok(area.workerA1, c1.id, 'close', { reason: 'duplicate', note: '同第 3 号' });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'duplicate' });
    expect(closed.timeline.at(-1).note).toBe('重复反映：同第 3 号');
    const c2 = await submit(area.residentA1);
    expect(await ok(area.residentA1, c2.id, 'withdraw', {})).toMatchObject({ status: 'closed', closeReason: 'withdrawn' });
    expect((await act(area.residentB1, c2.id, 'withdraw', {})).status).toBe(404);
  });

  it('scope: another grid’s worker, another unit’s resident and another community’s staff get 404; a resident cannot act as staff', async () => {
    const c = await submit(area.residentA1);
    for (const u of [area.workerB1, area.residentB1, area.staffB, area.residentA2]) {
      expect((await http.get(`/api/concerns/${c.id}`, await as(u))).status).toBe(404);
    }
    expect((await act(area.residentA1, c.id, 'accept')).status).toBe(403);
    expect((await act(area.workerB1, c.id, 'accept')).body.code).toBe('CONCERN_NOT_FOUND');
  });

  it('public concerns: neighbours of the community see them, are offered them before filing, and join once (“me too”)', async () => {
    const c = await submit(area.residentA1, { category: 'noise', text: '广场舞音响太响', isPublic: true });
    const neighbour = await createUser(t.ds, { role: 'resident', name: '赵大妈', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1b, unitConfirmed: true });
    const similar = await http.get('/api/concerns/similar?category=noise', await as(neighbour));
    expect(similar.body.items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    expect((await http.get('/api/concerns/similar?category=leak', await as(neighbour))).body.items).toEqual([]);
    expect((await http.get('/api/concerns/public', await as(neighbour))).body.items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    const joined = await ok(neighbour, c.id, 'me-too');
    expect(joined).toMatchObject({ meTooCount: 1, joined: true, actions: [] });
    expect((await act(neighbour, c.id, 'me-too')).body.code).toBe('ALREADY_JOINED');
    expect(await t.ds.manager.count(ConcernSupporterEntity, { where: { concernId: c.id } })).toBe(1);
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: area.residentA1.id, type: 'concern.me_too' } })).toBe(1);
    // Another community never sees it; a private concern is never offered.
    expect((await http.get(`/api/concerns/${c.id}`, await as(area.residentB1))).status).toBe(404);
    const priv = await submit(area.residentA1, { category: 'noise', text: '私下反映' });
    expect((await http.get(`/api/concerns/${priv.id}`, await as(neighbour))).status).toBe(404);
  });

  it('代办: a grid worker submits for a resident of their grid; it is tagged and routed like any other', async () => {
    const res = await http.post('/api/concerns/proxy', { unitId: area.unitA1b, residentName: '陈大爷', residentPhone: '13800001111', category: 'leak', text: '厨房漏水' }, await as(area.workerA1), { 'idempotency-key': 'proxy-key-0001' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ proxyFor: '陈大爷', submitterName: '陈大爷', holderName: '甲网格员', placeLabel: '甲社区 1号楼 2单元' });
    const again = await http.post('/api/concerns/proxy', { unitId: area.unitA1b, residentName: '陈大爷', residentPhone: '13800001111', category: 'leak', text: '厨房漏水' }, await as(area.workerA1), { 'idempotency-key': 'proxy-key-0001' });
    expect(again.body.id).toBe(res.body.id);
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
    expect((await http.post('/api/concerns/proxy', { unitId: area.unitB1, residentName: '某', category: 'leak', text: 'x' }, await as(area.workerA1))).status).toBe(404);
    expect((await http.post('/api/concerns/proxy', { unitId: area.unitA1, residentName: '某', category: 'leak', text: 'x' }, await as(area.residentA1))).status).toBe(403);
  });

  it('categories: community staff set a hint and disable one for their community only', async () => {
    const staff = await as(area.staffA);
    const put = await http.call('PUT', '/api/concerns/categories/pets', { token: staff, body: { enabled: false, hint: '请说明位置' } });
    expect(put.status).toBe(200);
    expect(put.body.items.find((x: { code: string }) => x.code === 'pets')).toMatchObject({ enabled: false, hint: '请说明位置' });
    const refused = await http.post('/api/concerns', { category: 'pets', text: '狗叫' }, await as(area.residentA1));
    expect([refused.status, refused.body.code]).toEqual([422, 'CATEGORY_DISABLED']);
    expect((await http.post('/api/concerns', { category: 'pets', text: '狗叫' }, await as(area.residentB1))).status).toBe(201);
    expect((await http.get('/api/concerns/categories', await as(area.residentA1))).body.items.find((x: { code: string }) => x.code === 'leak')).toMatchObject({ hint: '哪一层？', emergencyNotice: '注意安全' });
    expect((await http.call('PUT', '/api/concerns/categories/pets', { token: await as(area.workerA1), body: { enabled: true } })).status).toBe(403);
    expect((await http.call('PUT', '/api/concerns/categories/ufo', { token: staff, body: { enabled: true } })).status).toBe(400);
  });

  it('the inbox lists what the level holds, overdue first then by deadline, and pages by cursor', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await submit(area.residentA1, { text: `第${i}件` })).id);
    // Make the third one overdue and the first one due last.
    await t.ds.manager.update(ConcernEntity, { id: ids[2] }, { stageDeadlineAt: new Date(Date.now() - 3600_000) });
    await t.ds.manager.update(ConcernEntity, { id: ids[0] }, { stageDeadlineAt: new Date(Date.now() + 5 * DAY) });
    const worker = await as(area.workerA1);
    const p1 = await http.get('/api/concerns/inbox?limit=2', worker);
    const p2 = await http.get(`/api/concerns/inbox?limit=2&cursor=${p1.body.nextCursor}`, worker);
    const p3 = await http.get(`/api/concerns/inbox?limit=2&cursor=${p2.body.nextCursor}`, worker);
    const order = [...p1.body.items, ...p2.body.items, ...p3.body.items].map((x: { id: number }) => x.id);
    expect(order).toEqual([ids[2], ids[1], ids[3], ids[4], ids[0]]);
    expect(p1.body.items[0].overdue).toBe(true);
    expect(p3.body.nextCursor).toBeNull();
    await ok(area.workerA1, ids[1], 'escalate', { reason: '上报' });
    expect((await http.get('/api/concerns/inbox', worker)).body.items.map((x: { id: number }) => x.id)).not.toContain(ids[1]);
    expect((await http.get('/api/concerns/inbox?view=area', worker)).body.items.map((x: { id: number }) => x.id)).toContain(ids[1]);
    expect((await http.get('/api/concerns/inbox?cursor=zzz', worker)).status).toBe(400);
  });
});

describe.each(DIALECTS)('concern photos through the lifecycle on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  // A real 1×1 WebP: the server checks content, not names.
  const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
  const upload = async (token: string, bytes: Buffer): Promise<number> => {
    const boundary = 'linli-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="fix.webp"\r\nContent-Type: image/webp\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: '/api/photos', payload, headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(201);
    return JSON.parse(res.body).id;
  };

  beforeAll(async () => {
    const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'linli-photos-'));
    t = await startTestApp(await testConfig(dialect, { DATA_DIR: dir }));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await truncateAll(t.ds);
    area = await createArea(t.ds);
  });

  it('photos sent with the submission and with the fix are shown on the concern and its timeline, to those who may see it', async () => {
    const resident = await http.login(area.residentA1.id);
    const worker = await http.login(area.workerA1.id);
    const p1 = await upload(resident, WEBP);
    const c = await http.post('/api/concerns', { category: 'leak', text: '天花板漏水', photoIds: [p1] }, resident);
    expect(c.status).toBe(201);
    expect(c.body.photoCount).toBe(1);
    // The same photo cannot be attached twice; nothing of the second concern is stored.
    const dup = await http.post('/api/concerns', { category: 'leak', text: '又一次', photoIds: [p1] }, resident);
    expect([dup.status, dup.body.code]).toEqual([422, 'PHOTO_NOT_AVAILABLE']);
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
    await http.post(`/api/concerns/${c.body.id}/accept`, {}, worker);
    const fix = await upload(worker, WEBP);
    const resolved = await http.post(`/api/concerns/${c.body.id}/resolve`, { note: '已修好', photoIds: [fix] }, worker);
    expect(resolved.status).toBe(200);
    expect(resolved.body.photoUrls).toEqual([`/api/photos/${p1}`]);
    expect(resolved.body.timeline.at(-1)).toMatchObject({ type: 'resolved', photoUrls: [`/api/photos/${fix}`] });
    const inject = (token: string, url: string) => t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await inject(resident, `/api/photos/${fix}`)).statusCode).toBe(200);
    expect((await inject(await http.login(area.workerB1.id), `/api/photos/${p1}`)).statusCode).toBe(404);
  });

  it('photos never attached are removed after a day (row and file); attached ones stay', async () => {
    const resident = await http.login(area.residentA1.id);
    const kept = await upload(resident, WEBP);
    const abandoned = await upload(resident, WEBP);
    expect((await http.post('/api/concerns', { category: 'leak', text: '漏水', photoIds: [kept] }, resident)).status).toBe(201);
    await t.ds.query('UPDATE concern_photos SET created_at = ?', [t.db.dateParam(new Date(Date.now() - 2 * 24 * 3600_000))]);
    const jobs = t.app.get(PhotosJobs);
    expect(await jobs.purgeUnattached(new Date())).toBe('removed 1');
    expect(await jobs.purgeUnattached(new Date())).toBe('removed 0');
    const get = (id: number) => t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/api/photos/${id}`, headers: { authorization: `Bearer ${resident}` } });
    expect((await get(kept)).statusCode).toBe(200);
    expect((await get(abandoned)).statusCode).toBe(404);
  });
});
