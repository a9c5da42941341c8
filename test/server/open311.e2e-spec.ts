import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, startTestApp, testConfig, truncateAll, type TestApp } from './support/test-app';
import { api, type Res } from './support/http';
import { createArea, createUser, type TestArea } from '../factories/org.factory';
import { ConcernEntity, ConcernEventEntity } from '../../server/src/modules/concerns/concern.entity';
import { Open311ApiKeyEntity } from '../../server/src/modules/open311/open311-api-key.entity';
import { BuildingEntity, CommunityEntity, GridEntity, StreetEntity, UnitEntity } from '../../server/src/modules/org/org.entities';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DEFAULT_CATEGORIES } from '../../server/src/database/migrations/1764000000000-ConcernLifecycle';

/** A real 1×1 baseline JPEG. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const DAY = 24 * 3600_000;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe.each(DIALECTS)('Open311 GeoReport v2 on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  let dataDir: string;
  let resident: string;
  let worker: string;
  let admin: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'linli-open311-'));
    t = await startTestApp(await testConfig(dialect, { DATA_DIR: dataDir }));
    http = api(t.app);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncateAll(t.ds);
    // The default categories, as the migration seeds them (truncateAll empties every table).
    for (const [i, [code, label, hours, hint, emergency]] of DEFAULT_CATEGORIES.entries()) {
      await t.ds.query(
        'INSERT INTO concern_categories (community_id, code, label, hint, emergency_notice, resolve_hours, sort_order, enabled) VALUES (0, ?, ?, ?, ?, ?, ?, 1)',
        [code, label, hint, emergency, hours, i],
      );
    }
    area = await createArea(t.ds);
    resident = await http.login(area.residentA1.id);
    worker = await http.login(area.workerA1.id);
    admin = await http.login(area.streetAdmin.id);
  });

  /** A concern filed in the app by resident A1 (grid A1, whose worker is 甲网格员). */
  async function fileConcern(body: Record<string, unknown>, token = resident): Promise<number> {
    const res = await http.post('/api/concerns', body, token);
    expect(res.status).toBe(201);
    return res.body.id;
  }

  async function uploadPhoto(token: string): Promise<number> {
    const boundary = '----linli-open311-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      JPEG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.getHttpAdapter().getInstance().inject({
      method: 'POST', url: '/api/photos', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  async function createKey(name = '12345 热线对接', token = admin): Promise<string> {
    const res = await http.post('/api/open311/keys', { name }, token);
    expect(res.status).toBe(201);
    return res.body.key;
  }

  const postForm = (fields: Record<string, string>) =>
    http.call('POST', '/open311/v2/requests.json', { rawBody: form(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  const ids = (res: Res) => (res.body as { service_request_id: string }[]).map((r) => Number(r.service_request_id)).sort((a, b) => a - b);

  const setCreatedAt = (id: number, at: Date) => t.ds.query(`UPDATE concerns SET created_at = ? WHERE id = ?`, [t.db.dateParam(at), id]);

  /** Another street with one unit in a grid that has no worker. */
  async function otherStreet() {
    const insert = async <T extends object>(entity: new () => T, values: Partial<T>) => Number((await t.ds.manager.insert(entity, values as never)).identifiers[0].id);
    const streetId = await insert(StreetEntity, { name: '别的街道' });
    const communityId = await insert(CommunityEntity, { streetId, name: '丙社区' });
    const gridId = await insert(GridEntity, { communityId, name: '丙一网格', gridWorkerId: null });
    const buildingId = await insert(BuildingEntity, { communityId, gridId, name: '9号楼' });
    const unitId = await insert(UnitEntity, { buildingId, name: '3单元' });
    const streetAdmin = await createUser(t.ds, { role: 'street_admin', name: '别街管理员', streetId });
    return { streetId, unitId, buildingId, streetAdmin };
  }

  describe('GET services.json', () => {
    it('lists the enabled categories as realtime services without metadata, in the group 民情诉求', async () => {
      const res = await http.get('/open311/v2/services.json');
      expect(res.status).toBe(200);
      expect(res.body.map((s: { service_code: string }) => s.service_code)).toEqual([
        'noise', 'leak', 'sanitation', 'parking', 'pets', 'facilities', 'neighbour_dispute', 'elderly_care', 'safety_hazard', 'other',
      ]);
      const leak = res.body.find((s: { service_code: string }) => s.service_code === 'leak');
      expect(leak).toEqual({
        service_code: 'leak', service_name: '漏水', description: '哪一层、哪个房间漏水？现在还在漏吗？', metadata: false, type: 'realtime',
        keywords: expect.stringContaining('漏水'), group: '民情诉求',
      });
      expect(leak.keywords.split(',').length).toBeGreaterThan(1);
    });

    it('leaves out a category disabled by default', async () => {
      await t.ds.query(`UPDATE concern_categories SET enabled = 0 WHERE community_id = 0 AND code = 'pets'`);
      const codes = (await http.get('/open311/v2/services.json')).body.map((s: { service_code: string }) => s.service_code);
      expect(codes).toHaveLength(9);
      expect(codes).not.toContain('pets');
    });

    it('accepts the street id as jurisdiction_id and answers an unknown one 404 in the Open311 error format', async () => {
      expect((await http.get(`/open311/v2/services.json?jurisdiction_id=${area.streetId}`)).status).toBe(200);
      const res = await http.get('/open311/v2/services.json?jurisdiction_id=999999');
      expect(res.status).toBe(404);
      expect(res.body).toEqual([{ code: 404, description: expect.any(String) }]);
    });
  });

  describe('GET requests.json and requests/{id}.json', () => {
    it('shows a public concern with the spec’s fields and no name, phone number or unit of anyone', async () => {
      const photoId = await uploadPhoto(resident);
      const id = await fileConcern({ category: 'leak', text: `楼道顶上一直滴水，联系我 ${area.residentA1.phone}`, isPublic: true, photoIds: [photoId] });
      const row = await t.ds.manager.findOneByOrFail(ConcernEntity, { id });

      const list = await http.get('/open311/v2/requests.json');
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(1);
      const one = await http.get(`/open311/v2/requests/${id}.json`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(list.body);
      const masked = `${area.residentA1.phone!.slice(0, 3)}****${area.residentA1.phone!.slice(-4)}`;
      expect(one.body[0]).toEqual({
        service_request_id: String(id),
        status: 'open',
        status_notes: '已提交',
        service_name: '漏水',
        service_code: 'leak',
        description: `楼道顶上一直滴水，联系我 ${masked}`,
        agency_responsible: '甲一网格',
        service_notice: null,
        requested_datetime: new Date(row.createdAt).toISOString(),
        updated_datetime: new Date(row.updatedAt).toISOString(),
        expected_datetime: new Date(row.stageDeadlineAt!).toISOString(),
        address: '甲社区 1号楼',
        address_id: null,
        zipcode: null,
        lat: null,
        long: null,
        media_url: `/open311/v2/media/${photoId}`,
      });
      const json = JSON.stringify(one.body);
      for (const secret of [area.residentA1.name, area.residentA1.phone!, '1单元', area.workerA1.name, area.workerA1.phone!]) expect(json).not.toContain(secret);

      const media = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: one.body[0].media_url });
      expect(media.statusCode).toBe(200);
      expect(media.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(media.rawPayload, JPEG)).toBe(0);
    });

    it('gives a map point’s coordinates and described spot, and the holding level as the agency', async () => {
      const id = await fileConcern({ category: 'facilities', text: '北门路灯不亮', isPublic: true, place: { kind: 'map_point', detail: '小区北门', latitude: 39.912345, longitude: 116.401234 } });
      const [c] = (await http.get(`/open311/v2/requests/${id}.json`)).body;
      expect(c).toMatchObject({ address: '甲社区 小区北门', lat: 39.912345, long: 116.401234, agency_responsible: '甲一网格' });
      expect(c).not.toHaveProperty('media_url');
      await http.post(`/api/concerns/${id}/escalate`, { reason: '需要社区协调' }, worker);
      expect((await http.get(`/open311/v2/requests/${id}.json`)).body[0]).toMatchObject({ agency_responsible: '甲社区', status: 'open', status_notes: '已上报' });
    });

    it('never shows a private concern: not in the list, not by id, not by service_request_id, nor its photo', async () => {
      const photoId = await uploadPhoto(resident);
      const hidden = await fileConcern({ category: 'noise', text: '楼上半夜跺脚', photoIds: [photoId] });
      const shown = await fileConcern({ category: 'noise', text: '广场舞音响太响', isPublic: true });
      expect(ids(await http.get('/open311/v2/requests.json'))).toEqual([shown]);
      expect(ids(await http.get(`/open311/v2/requests.json?service_request_id=${hidden},${shown}`))).toEqual([shown]);
      const one = await http.get(`/open311/v2/requests/${hidden}.json`);
      expect([one.status, one.body]).toEqual([404, [{ code: 404, description: expect.any(String) }]]);
      const unknown = await http.get('/open311/v2/requests/987654.json');
      expect([unknown.status, unknown.body[0].code]).toEqual([404, 404]);
      const media = await t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: `/open311/v2/media/${photoId}` });
      expect([media.statusCode, media.json()]).toEqual([404, [{ code: 404, description: expect.any(String) }]]);
    });

    it('filters by status: closed = resolved or closed (with the resolution note, phone masked, or the close reason), open = the rest', async () => {
      const open = await fileConcern({ category: 'leak', text: '水管渗水', isPublic: true });
      const resolved = await fileConcern({ category: 'leak', text: '屋顶漏雨', isPublic: true });
      const duplicate = await fileConcern({ category: 'leak', text: '屋顶又漏雨', isPublic: true });
      expect((await http.post(`/api/concerns/${resolved}/accept`, {}, worker)).status).toBe(200);
      expect((await http.post(`/api/concerns/${resolved}/resolve`, { note: '已补好防水层，如再漏请打 13912345678' }, worker)).status).toBe(200);
      expect((await http.post(`/api/concerns/${duplicate}/close`, { reason: 'duplicate' }, worker)).status).toBe(200);

      expect(ids(await http.get('/open311/v2/requests.json?status=open'))).toEqual([open]);
      const closed = await http.get('/open311/v2/requests.json?status=closed');
      expect(ids(closed)).toEqual([resolved, duplicate]);
      const byId = new Map(closed.body.map((r: { service_request_id: string }) => [Number(r.service_request_id), r]));
      expect(byId.get(resolved)).toMatchObject({ status: 'closed', status_notes: '已补好防水层，如再漏请打 139****5678', expected_datetime: null });
      expect(byId.get(duplicate)).toMatchObject({ status: 'closed', status_notes: '重复反映' });
      expect(ids(await http.get('/open311/v2/requests.json?status=open,closed'))).toEqual([open, resolved, duplicate]);
    });

    it('filters by service_code (comma list), by service_request_id (overriding the other filters) and by jurisdiction_id', async () => {
      const leak = await fileConcern({ category: 'leak', text: '漏水', isPublic: true });
      const noise = await fileConcern({ category: 'noise', text: '噪音', isPublic: true });
      const parking = await fileConcern({ category: 'parking', text: '占消防通道', isPublic: true });
      expect(ids(await http.get('/open311/v2/requests.json?service_code=leak'))).toEqual([leak]);
      expect(ids(await http.get('/open311/v2/requests.json?service_code=leak,parking'))).toEqual([leak, parking]);
      expect(ids(await http.get(`/open311/v2/requests.json?service_request_id=${noise},${parking}`))).toEqual([noise, parking]);
      expect(ids(await http.get(`/open311/v2/requests.json?service_request_id=${noise}&service_code=leak&status=closed`))).toEqual([noise]);
      expect(ids(await http.get(`/open311/v2/requests.json?jurisdiction_id=${area.streetId}`))).toEqual([leak, noise, parking]);
      const other = await otherStreet();
      expect((await http.get(`/open311/v2/requests.json?jurisdiction_id=${other.streetId}`)).body).toEqual([]);
      expect((await http.get('/open311/v2/requests.json?jurisdiction_id=999999')).status).toBe(404);
    });

    it('covers the last 90 days by default; start_date and end_date select by requested_datetime', async () => {
      const recent = await fileConcern({ category: 'leak', text: '近来漏水', isPublic: true });
      const old = await fileConcern({ category: 'leak', text: '很久以前漏水', isPublic: true });
      await setCreatedAt(old, new Date(Date.now() - 100 * DAY));
      expect(ids(await http.get('/open311/v2/requests.json'))).toEqual([recent]);
      const since = new Date(Date.now() - 120 * DAY).toISOString();
      expect(ids(await http.get(`/open311/v2/requests.json?start_date=${since}`))).toEqual([recent, old]);
      const until = new Date(Date.now() - 50 * DAY).toISOString();
      expect(ids(await http.get(`/open311/v2/requests.json?end_date=${until}`))).toEqual([old]);
      expect(ids(await http.get(`/open311/v2/requests.json?start_date=${since}&end_date=${until}`))).toEqual([old]);
      const future = new Date(Date.now() + DAY).toISOString();
      expect((await http.get(`/open311/v2/requests.json?start_date=${future}`)).body).toEqual([]);
      const withOffset = encodeURIComponent(new Date(Date.now() - 120 * DAY).toISOString().replace('Z', '+00:00'));
      expect(ids(await http.get(`/open311/v2/requests.json?start_date=${withOffset}`))).toEqual([recent, old]);
      expect(ids(await http.get(`/open311/v2/requests.json?service_request_id=${old}`))).toEqual([old]);

      const backwards = await http.get(`/open311/v2/requests.json?start_date=${until}&end_date=${since}`);
      expect([backwards.status, backwards.body]).toEqual([400, [{ code: 400, description: expect.stringContaining('start_date') }]]);
      const noZone = await http.get('/open311/v2/requests.json?start_date=2026-01-01T00:00:00');
      expect([noZone.status, noZone.body[0].code]).toEqual([400, 400]);
    });

    it('pages newest first with page and page_size (an extension, at most 200); unknown parameters are 400', async () => {
      const a = await fileConcern({ category: 'leak', text: '一', isPublic: true });
      const b = await fileConcern({ category: 'leak', text: '二', isPublic: true });
      const c = await fileConcern({ category: 'leak', text: '三', isPublic: true });
      await setCreatedAt(a, new Date(Date.now() - 3 * DAY));
      await setCreatedAt(b, new Date(Date.now() - 2 * DAY));
      const page = (n: number) => http.get(`/open311/v2/requests.json?page_size=2&page=${n}`);
      expect((await page(1)).body.map((r: { service_request_id: string }) => Number(r.service_request_id))).toEqual([c, b]);
      expect((await page(2)).body.map((r: { service_request_id: string }) => Number(r.service_request_id))).toEqual([a]);
      expect((await page(3)).body).toEqual([]);
      expect((await http.get('/open311/v2/requests.json?page_size=200')).status).toBe(200);
      for (const bad of ['page_size=201', 'page=0', 'page_size=abc', 'status=pending', 'service_request_id=x', 'colour=red']) {
        const res = await http.get(`/open311/v2/requests.json?${bad}`);
        expect({ bad, status: res.status, body: res.body }).toEqual({ bad, status: 400, body: [{ code: 400, description: expect.any(String) }] });
      }
    });
  });

  describe('POST requests.json', () => {
    it('with a valid key (form-encoded) creates a public concern routed to the grid worker, who sees it in the inbox; no personal data is stored', async () => {
      const key = await createKey();
      const res = await postForm({
        api_key: key, service_code: 'leak', description: '3号楼外墙水管爆裂', address_id: `unit:${area.unitA1}`,
        first_name: '赵', last_name: '六', phone: '13700001111', email: 'zhao@example.com', device_id: 'dev-1',
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual([{ service_request_id: expect.stringMatching(/^\d+$/), service_notice: expect.stringContaining('甲一网格'), account_id: null }]);
      expect(res.body[0].service_notice).toContain('如漏水严重');
      const id = Number(res.body[0].service_request_id);

      const inbox = await http.get('/api/concerns/inbox', worker);
      expect(inbox.body.items.map((c: { id: number }) => c.id)).toEqual([id]);
      expect(inbox.body.items[0]).toMatchObject({ isPublic: true, status: 'submitted', holderName: '甲网格员', proxyFor: 'Open311', placeLabel: '甲社区 1号楼 1单元' });
      const notices = await t.ds.manager.find(NotificationEntity, { where: { userId: area.workerA1.id } });
      expect(notices.map((n) => n.type)).toEqual(['concern.submitted']);

      const row = await t.ds.manager.findOneByOrFail(ConcernEntity, { id });
      expect(row).toMatchObject({
        streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, submitterId: area.streetAdmin.id,
        holderId: area.workerA1.id, firstOwnerId: area.workerA1.id, holderLevel: 'grid', proxyName: 'Open311', proxyPhone: null, proxyById: null, placeKind: 'unit',
      });
      expect(Boolean(row.isPublic)).toBe(true);
      const events = await t.ds.manager.find(ConcernEventEntity, { where: { concernId: id } });
      expect(events.map((e) => [e.type, e.actorId, e.toStatus, e.toLevel])).toEqual([['submitted', area.streetAdmin.id, 'submitted', 'grid']]);
      const stored = JSON.stringify([row, events, notices]);
      for (const personal of ['赵', '六', '13700001111', 'zhao@example.com', 'dev-1']) expect(stored).not.toContain(personal);

      const shown = await http.get(`/open311/v2/requests/${id}.json`);
      expect(shown.body[0]).toMatchObject({ service_request_id: String(id), status: 'open', service_code: 'leak', description: '3号楼外墙水管爆裂', address: '甲社区 1号楼' });
    });

    it('accepts JSON; a building of a grid without a worker routes to the community queue; lat/long make a map point', async () => {
      const key = await createKey();
      const unitA2 = await t.ds.manager.findOneByOrFail(UnitEntity, { id: area.unitA2 });
      const res = await http.post('/open311/v2/requests.json', {
        api_key: key, jurisdiction_id: String(area.streetId), service_code: 'facilities', description: '楼下健身器材松动',
        address_id: `building:${unitA2.buildingId}`, lat: '39.9', long: 116.3, address_string: '2号楼南侧健身区',
      });
      expect(res.status).toBe(201);
      const id = Number(res.body[0].service_request_id);
      expect(res.body[0].service_notice).toContain('甲社区');
      const staff = await http.login(area.staffA.id);
      expect((await http.get('/api/concerns/inbox', staff)).body.items.map((c: { id: number }) => c.id)).toEqual([id]);
      expect(await t.ds.manager.findOneByOrFail(ConcernEntity, { id })).toMatchObject({
        gridId: area.gridA2, buildingId: unitA2.buildingId, holderLevel: 'community', holderId: null, placeKind: 'map_point', placeDetail: '2号楼南侧健身区', latE6: 39900000, lngE6: 116300000,
      });
      expect((await http.get(`/open311/v2/requests/${id}.json`)).body[0]).toMatchObject({ address: '甲社区 2号楼南侧健身区', lat: 39.9, long: 116.3, agency_responsible: '甲社区' });
    });

    it('refuses a category the place’s community has disabled (400)', async () => {
      const key = await createKey();
      const staff = await http.login(area.staffA.id);
      expect((await http.put('/api/concerns/categories/pets', { enabled: false }, staff)).status).toBe(200);
      const res = await postForm({ api_key: key, service_code: 'pets', description: '流浪狗', address_id: `unit:${area.unitA1}` });
      expect([res.status, res.body]).toEqual([400, [{ code: 400, description: expect.stringContaining('宠物') }]]);
      const other = await postForm({ api_key: key, service_code: 'pets', description: '流浪狗', address_id: `unit:${area.unitB1}` });
      expect(other.status).toBe(201);
    });

    it('refuses an unknown or revoked key with 403, and creates nothing', async () => {
      const key = await createKey();
      const body = { service_code: 'leak', description: '漏水', address_id: `unit:${area.unitA1}` };
      const unknown = await postForm({ ...body, api_key: 'not-a-real-key-000000000000000000' });
      expect([unknown.status, unknown.body]).toEqual([403, [{ code: 403, description: expect.stringContaining('api_key') }]]);

      const [listed] = (await http.get('/api/open311/keys', admin)).body.items;
      const revoked = await http.post(`/api/open311/keys/${listed.id}/revoke`, {}, admin);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const refused = await postForm({ ...body, api_key: key });
      expect([refused.status, refused.body]).toEqual([403, [{ code: 403, description: expect.stringContaining('api_key') }]]);
      expect(await t.ds.manager.count(ConcernEntity)).toBe(0);
    });

    it('answers 400 for a unit or building of another street, an unknown address, a missing service_code, address_id or description, or an unknown service', async () => {
      const key = await createKey();
      const other = await otherStreet();
      const base = { api_key: key, service_code: 'leak', description: '漏水', address_id: `unit:${area.unitA1}` };
      const cases: [string, Record<string, string>, string][] = [
        ['a unit of another street', { ...base, address_id: `unit:${other.unitId}` }, 'address_id'],
        ['a building of another street', { ...base, address_id: `building:${other.buildingId}` }, 'address_id'],
        ['an unknown unit', { ...base, address_id: 'unit:999999' }, 'address_id'],
        ['an address_id without its kind', { ...base, address_id: String(area.unitA1) }, 'address_id'],
        ['no service_code', { api_key: key, description: '漏水', address_id: `unit:${area.unitA1}` }, 'service_code'],
        ['an unknown service_code', { ...base, service_code: 'potholes' }, 'service_code'],
        ['no address_id', { api_key: key, service_code: 'leak', description: '漏水' }, 'address_id'],
        ['no description', { api_key: key, service_code: 'leak', address_id: `unit:${area.unitA1}` }, 'description'],
        ['lat without long', { ...base, lat: '39.9' }, 'long'],
        ['another street as jurisdiction_id', { ...base, jurisdiction_id: String(other.streetId) }, 'jurisdiction_id'],
        ['an unknown field', { ...base, colour: 'red' }, 'colour'],
      ];
      for (const [name, fields, mentions] of cases) {
        const res = await postForm(fields);
        expect({ name, status: res.status, body: res.body }).toEqual({ name, status: 400, body: [{ code: 400, description: expect.stringContaining(mentions) }] });
      }
      expect(await t.ds.manager.count(ConcernEntity)).toBe(0);
    });
  });

  describe('API keys (/api/open311/keys)', () => {
    it('are managed by street admins only: everyone else gets 403, a guest 401', async () => {
      const key = await createKey();
      const [item] = (await http.get('/api/open311/keys', admin)).body.items;
      for (const person of [area.residentA1, area.workerA1, area.staffA]) {
        const token = await http.login(person.id);
        for (const [method, url] of [['POST', '/api/open311/keys'], ['GET', '/api/open311/keys'], ['POST', `/api/open311/keys/${item.id}/revoke`]] as const) {
          const res = await http.call(method, url, { token, body: method === 'POST' ? { name: 'x' } : undefined });
          expect({ role: person.role, url, status: res.status, code: res.body.code }).toEqual({ role: person.role, url, status: 403, code: 'FORBIDDEN' });
        }
      }
      expect((await http.get('/api/open311/keys')).status).toBe(401);
      expect((await postForm({ api_key: key, service_code: 'leak', description: '漏水', address_id: `unit:${area.unitA1}` })).status).toBe(201);
    });

    it('shows the key once: the list gives only its prefix, and the database holds only its sha256', async () => {
      const created = await http.post('/api/open311/keys', { name: '网格通对接' }, admin);
      expect(created.status).toBe(201);
      const key: string = created.body.key;
      expect(key).toMatch(/^[\w-]{32}$/);
      expect(created.body).toMatchObject({ name: '网格通对接', keyPrefix: key.slice(0, 8), createdByName: '街道管理员', revokedAt: null, createdAt: expect.any(String) });

      const list = await http.get('/api/open311/keys', admin);
      expect(list.body.items).toEqual([{ id: created.body.id, name: '网格通对接', keyPrefix: key.slice(0, 8), createdAt: created.body.createdAt, createdByName: '街道管理员', revokedAt: null }]);
      expect(JSON.stringify(list.body)).not.toContain(key);

      const row = await t.ds.manager.findOneByOrFail(Open311ApiKeyEntity, { id: created.body.id });
      expect(row.keyHash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(row).toMatchObject({ streetId: area.streetId, createdBy: area.streetAdmin.id, keyPrefix: key.slice(0, 8), revokedAt: null });
      expect(JSON.stringify(await t.ds.query('SELECT * FROM open311_api_keys'))).not.toContain(key);
      expect((await http.post('/api/open311/keys', { name: '  ' }, admin)).status).toBe(400);
    });

    it('each street sees and revokes only its own keys; revoking twice keeps the first time', async () => {
      await createKey('本街道');
      const other = await otherStreet();
      const otherAdmin = await http.login(other.streetAdmin.id);
      await createKey('别的街道', otherAdmin);
      const mine = (await http.get('/api/open311/keys', admin)).body.items;
      const theirs = (await http.get('/api/open311/keys', otherAdmin)).body.items;
      expect(mine.map((k: { name: string }) => k.name)).toEqual(['本街道']);
      expect(theirs.map((k: { name: string }) => k.name)).toEqual(['别的街道']);

      const cross = await http.post(`/api/open311/keys/${theirs[0].id}/revoke`, {}, admin);
      expect([cross.status, cross.body.code]).toEqual([404, 'API_KEY_NOT_FOUND']);
      expect((await http.get('/api/open311/keys', otherAdmin)).body.items[0].revokedAt).toBeNull();

      const first = await http.post(`/api/open311/keys/${mine[0].id}/revoke`, {}, admin);
      const again = await http.post(`/api/open311/keys/${mine[0].id}/revoke`, {}, admin);
      expect([first.status, again.status]).toEqual([200, 200]);
      expect(again.body.revokedAt).toBe(first.body.revokedAt);
    });

    it('a key files concerns only in its own street', async () => {
      const other = await otherStreet();
      const otherKey = await createKey('别的街道', await http.login(other.streetAdmin.id));
      const res = await postForm({ api_key: otherKey, service_code: 'noise', description: '噪音', address_id: `unit:${area.unitA1}` });
      expect([res.status, res.body[0].code]).toEqual([400, 400]);
      const ok = await postForm({ api_key: otherKey, service_code: 'noise', description: '噪音', address_id: `unit:${other.unitId}` });
      expect(ok.status).toBe(201);
      expect(await t.ds.manager.findOneByOrFail(ConcernEntity, { id: Number(ok.body[0].service_request_id) })).toMatchObject({ streetId: other.streetId, holderLevel: 'community', submitterId: other.streetAdmin.id });
    });
  });
});
