import { DIALECTS, startTestApp, truncateAll, type TestApp } from './support/test-app';
import { ownConfig } from './support/own-database';
import { api } from './support/http';
import { createArea, createDepartment, createUser, type TestArea } from '../factories/org.factory';
import { StreetEntity } from '../../server/src/modules/org/org.entities';
import { DiaryNoteEntity } from '../../server/src/modules/diary/diary-note.entity';
import { chinaDay, chinaDayStart, shiftDay } from '../../server/src/modules/diary/china-day';
import type { UserEntity } from '../../server/src/modules/users/user.entity';

describe.each(DIALECTS)('work diary (一日一记) on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  let dept: UserEntity;
  const as = (user: { id: number }) => http.as(user);
  const diary = async (who: { id: number }, query = '') => http.get(`/api/diary${query}`, await as(who));

  beforeAll(async () => {
    t = await startTestApp(await ownConfig(dialect, 'diary'));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    http.forgetTokens();
    await truncateAll(t.ds);
    area = await createArea(t.ds);
    dept = (await createDepartment(t.ds, area.streetId)).user;
  });

  const submit = async (resident: { id: number }, body: Record<string, unknown>) => {
    const res = await http.post('/api/concerns', body, await as(resident));
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const ok = async (who: { id: number }, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await http.post(`/api/concerns/${id}/${action}`, body, await as(who));
    if (res.status !== 200) throw new Error(`${action} -> ${res.status} ${JSON.stringify(res.body)}`);
  };

  it('lists what a grid worker did today, in order and in plain words, with each concern’s category and place; nothing of anyone else', async () => {
    const leak = await submit(area.residentA1, { category: 'leak', text: '楼上漏水' });
    const spot = await submit(area.residentA1, { category: 'sanitation', text: '垃圾没人清', place: { kind: 'public_spot', detail: '北门垃圾站' } });
    await ok(area.workerA1, leak, 'accept', { note: '马上去看' });
    await ok(area.workerA1, leak, 'start');
    await ok(area.workerA1, spot, 'accept');
    await ok(area.workerA1, spot, 'escalate', { reason: '需要社区协调保洁公司' });
    await ok(area.staffA, spot, 'accept'); // the community's step: in the community staff's diary, not the worker's
    const proxy = await http.post('/api/concerns/proxy', { unitId: area.unitA1b, residentName: '赵大爷', category: 'elderly_care', text: '独居老人需要送餐' }, await as(area.workerA1));
    expect(proxy.status).toBe(201);
    await ok(area.workerA1, leak, 'resolve', { note: '已关闭楼上水阀并联系维修' });

    const res = await diary(area.workerA1);
    expect(res.status).toBe(200);
    const today = chinaDay(new Date());
    expect(res.body).toMatchObject({ day: today, today, user: { id: area.workerA1.id, name: '甲网格员', role: 'grid_worker', roleLabel: '网格员', areaName: '甲一网格' }, notes: [] });
    expect(res.body.actions.map((a: Record<string, unknown>) => [a.concernId, a.type, a.label, a.categoryLabel, a.placeLabel, a.note])).toEqual([
      [leak, 'accepted', '受理了问题', '漏水', '甲社区 1号楼 1单元', '马上去看'],
      [leak, 'started', '开始处理问题', '漏水', '甲社区 1号楼 1单元', null],
      [spot, 'accepted', '受理了问题', '环境卫生', '甲社区 北门垃圾站', null],
      [spot, 'escalated', '上报给社区', '环境卫生', '甲社区 北门垃圾站', '需要社区协调保洁公司'],
      [proxy.body.id, 'submitted', '代居民反映问题', '养老助老', '甲社区 1号楼 2单元', '网格员代办，居民：赵大爷'],
      [leak, 'resolved', '处理完毕', '漏水', '甲社区 1号楼 1单元', '已关闭楼上水阀并联系维修'],
    ]);
    expect(res.body.actions[3].toLevel).toBe('community');
    expect(res.body.actions.every((a: { at: string }) => chinaDay(new Date(a.at)) === today)).toBe(true);
    const community = await diary(area.staffA);
    expect(community.body.actions.map((a: { concernId: number; label: string }) => [a.concernId, a.label])).toEqual([[spot, '受理了问题']]);
  });

  it('a day is a China-time day (UTC+8): the last second before midnight belongs to the day before', async () => {
    const c = await submit(area.residentA1, { category: 'noise', text: '夜里装修' });
    await ok(area.workerA1, c, 'accept');
    await ok(area.workerA1, c, 'start');
    const today = chinaDay(new Date());
    const yesterday = shiftDay(today, -1);
    const midnight = chinaDayStart(today);
    await t.ds.query(`UPDATE concern_events SET created_at = ? WHERE concern_id = ? AND type = 'accepted'`, [t.db.dateParam(new Date(midnight.getTime() - 1000)), c]);
    await t.ds.query(`UPDATE concern_events SET created_at = ? WHERE concern_id = ? AND type = 'started'`, [t.db.dateParam(midnight), c]);

    const before = await diary(area.workerA1, `?day=${yesterday}`);
    expect(before.body).toMatchObject({ day: yesterday, today });
    expect(before.body.actions.map((a: { type: string; at: string }) => [a.type, a.at])).toEqual([['accepted', new Date(midnight.getTime() - 1000).toISOString()]]);
    const now = await diary(area.workerA1);
    expect(now.body.actions.map((a: { type: string; at: string }) => [a.type, a.at])).toEqual([['started', midnight.toISOString()]]);
    expect((await diary(area.workerA1, `?day=${shiftDay(today, -2)}`)).body.actions).toEqual([]);
  });

  it('a staff member adds notes to today’s diary; they are kept in order, only in their own diary and only on today', async () => {
    const first = await http.post('/api/diary/notes', { text: '  走访了1号楼独居的赵大爷  ' }, await as(area.workerA1));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(Number), at: expect.any(String), text: '走访了1号楼独居的赵大爷' });
    await http.post('/api/diary/notes', { text: '检查了北门消防通道' }, await as(area.workerA1));
    await http.post('/api/diary/notes', { text: '社区例会' }, await as(area.staffA));

    const today = chinaDay(new Date());
    const mine = await diary(area.workerA1);
    expect(mine.body.notes.map((n: { text: string }) => n.text)).toEqual(['走访了1号楼独居的赵大爷', '检查了北门消防通道']);
    expect(mine.body.notes[0]).toEqual(first.body);
    const stored = await t.ds.manager.find(DiaryNoteEntity, { order: { id: 'ASC' } });
    expect(stored.map((n) => [n.userId, n.day])).toEqual([[area.workerA1.id, today], [area.workerA1.id, today], [area.staffA.id, today]]);
    expect((await diary(area.workerA1, `?day=${shiftDay(today, -1)}`)).body.notes).toEqual([]);
    // The community reads the worker's notes, not its own, in the worker's diary.
    const read = await diary(area.staffA, `?userId=${area.workerA1.id}`);
    expect(read.body.notes.map((n: { text: string }) => n.text)).toEqual(['走访了1号楼独居的赵大爷', '检查了北门消防通道']);
  });

  it('a note must have text, at most 1,000 characters, and nothing else; residents keep no diary (403)', async () => {
    const worker = await as(area.workerA1);
    for (const body of [{ text: '   ' }, { text: '记'.repeat(1001) }, { text: '好', day: '2026-01-01' }, {}]) {
      const res = await http.post('/api/diary/notes', body, worker);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await http.post('/api/diary/notes', { text: '记'.repeat(1000) }, worker)).status).toBe(201);
    expect((await http.post('/api/diary/notes', { text: '我也想记' }, await as(area.residentA1))).status).toBe(403);
    expect((await diary(area.residentA1)).status).toBe(403);
    expect(await t.ds.manager.count(DiaryNoteEntity)).toBe(1);
    for (const query of ['?day=2026-13-01', '?day=20261101', '?userId=abc', '?who=1']) {
      expect((await diary(area.workerA1, query)).body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('who may read whose diary: oneself; the community its grid workers and staff; the street all its staff; anyone else 404', async () => {
    const otherStreet = Number((await t.ds.manager.insert(StreetEntity, { name: '别的街道' })).identifiers[0].id);
    const otherAdmin = await createUser(t.ds, { role: 'street_admin', name: '别的街道管理员', streetId: otherStreet });
    const cases: [UserEntity, UserEntity | { id: number }, number][] = [
      [area.workerA1, area.workerA1, 200],
      [area.workerA1, area.workerB1, 404],
      [area.workerA1, area.staffA, 404],
      [area.staffA, area.workerA1, 200],
      [area.staffA, area.staffA, 200],
      [area.staffA, area.workerB1, 404],
      [area.staffA, area.staffB, 404],
      [area.staffA, area.streetAdmin, 404],
      [area.staffB, area.workerA1, 404],
      [area.streetAdmin, area.workerA1, 200],
      [area.streetAdmin, area.staffB, 200],
      [area.streetAdmin, dept, 200],
      [area.streetAdmin, area.residentA1, 404],
      [area.streetAdmin, { id: 999999 }, 404],
      [otherAdmin, area.workerA1, 404],
      [dept, dept, 200],
      [dept, area.workerA1, 404],
    ];
    const answers = [];
    for (const [viewer, target] of cases) {
      const res = await diary(viewer, `?userId=${target.id}`);
      answers.push([viewer.name, target.id, res.status, res.status === 404 ? res.body.code : res.body.user.id]);
    }
    expect(answers).toEqual(cases.map(([viewer, target, status]) => [viewer.name, target.id, status, status === 404 ? 'DIARY_NOT_FOUND' : target.id]));
  });

  it('the staff list: the community sees itself and its grid workers, the street all its staff; grid workers may not ask (403)', async () => {
    const community = await http.get('/api/diary/staff', await as(area.staffA));
    expect(community.status).toBe(200);
    expect(community.body.items).toEqual([
      { id: area.staffA.id, name: '甲社区干部', role: 'community_staff', roleLabel: '社区工作人员', areaName: '甲社区' },
      { id: area.workerA1.id, name: '甲网格员', role: 'grid_worker', roleLabel: '网格员', areaName: '甲一网格' },
    ]);
    const street = await http.get('/api/diary/staff', await as(area.streetAdmin));
    expect(street.body.items.map((p: { id: number; areaName: string }) => [p.id, p.areaName])).toEqual([
      [area.streetAdmin.id, '测试街道'],
      [area.staffA.id, '甲社区'],
      [area.staffB.id, '乙社区'],
      [area.workerA1.id, '甲一网格'],
      [area.workerB1.id, '乙一网格'],
      [dept.id, '城管局'],
    ]);
    // Everyone listed can really be read.
    for (const p of street.body.items) expect((await diary(area.streetAdmin, `?userId=${p.id}`)).status).toBe(200);
    expect((await http.get('/api/diary/staff', await as(area.workerA1))).status).toBe(403);
    expect((await http.get('/api/diary/staff', await as(dept))).status).toBe(403);
  });
});
