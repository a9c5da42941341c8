import { DIALECTS, startTestApp, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { ownConfig, tempDir } from './support/own-database';
import { createArea, createUser, type TestArea } from '../factories/org.factory';
import { ConcernEntity, ConcernEventEntity } from '../../server/src/modules/concerns/concern.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DomainEvents } from '../../server/src/common/events/domain-events';

// On SQLite this runs on a database FILE (WAL), as in production. TypeORM shares ONE query runner
// there: a transaction started while another awaits becomes a SAVEPOINT inside it, and a rollback
// or commit of one then takes the other's rows with it. DatabaseService must serialize them.
describe.each(DIALECTS)('concurrent writes on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  const tmp = tempDir('concurrency');
  /** A slow listener inside the create transaction: it yields to the event loop, and every n-th one fails. */
  let slowListener: { failEvery: number } | null = null;
  let submittedSeen = 0;

  beforeAll(async () => {
    t = await startTestApp(await ownConfig(dialect, 'conc', {}, tmp.file('linli.sqlite')));
    http = api(t.app);
    t.app.get(DomainEvents).on('concern.submitted', async () => {
      if (!slowListener) return;
      await new Promise((resolve) => setImmediate(resolve));
      if (slowListener.failEvery && ++submittedSeen % slowListener.failEvery === 0) throw new Error('listener failed');
    });
  });
  afterAll(async () => {
    await t.close();
    tmp.remove();
  });
  beforeEach(async () => {
    slowListener = null;
    submittedSeen = 0;
    await truncateAll(t.ds);
    area = await createArea(t.ds);
  });

  it('100 concurrent submissions by 10 residents store exactly 100 concerns, 100 “submitted” events and 100 notices', async () => {
    const residents = [area.residentA1, area.residentA2, area.residentB1];
    for (let i = 0; i < 7; i++) {
      residents.push(await createUser(t.ds, {
        role: 'resident', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date(),
      }));
    }
    const tokens = await Promise.all(residents.map((r) => http.login(r.id)));
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        http.post('/api/concerns', { category: 'noise', text: `第${i}件` }, tokens[i % tokens.length], { 'idempotency-key': `concurrent-${i}-key` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(100);
    expect(await t.ds.manager.count(ConcernEntity)).toBe(100);
    expect(await t.ds.manager.count(ConcernEventEntity, { where: { type: 'submitted' } })).toBe(100);
    expect(await t.ds.manager.count(NotificationEntity, { where: { type: 'concern.submitted' } })).toBe(100);
    const texts = (await t.ds.manager.find(ConcernEntity)).map((c) => c.text).sort();
    expect(texts).toEqual(Array.from({ length: 100 }, (_, i) => `第${i}件`).sort());
  });

  /** On SQLite, the SQL the shared query runner executes; savepoints there mean transactions overlapped. */
  const sqliteStatements = () => {
    if (dialect !== 'sqlite') return () => [] as string[];
    const spy = jest.spyOn(t.ds.createQueryRunner(), 'query');
    return () => {
      const sql = spy.mock.calls.map((call) => String(call[0]));
      spy.mockRestore();
      return sql;
    };
  };

  it('transactions that yield to the event loop mid-way still never nest: 100 concurrent submissions store 100 rows', async () => {
    slowListener = { failEvery: 0 };
    const token = await http.login(area.residentA1.id);
    const statements = sqliteStatements();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => http.post('/api/concerns', { category: 'other', text: `慢${i}` }, token, { 'idempotency-key': `slow-${i}-key` })),
    );
    expect(statements().filter((sql) => /SAVEPOINT/i.test(sql))).toEqual([]);
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    expect(await t.ds.manager.count(ConcernEntity)).toBe(100);
    expect(await t.ds.manager.count(ConcernEventEntity, { where: { type: 'submitted' } })).toBe(100);
  });

  it('a failing create among 100 concurrent ones rolls back only itself: rows stored = answers 201, the rest are 500 and leave nothing', async () => {
    slowListener = { failEvery: 10 };
    const token = await http.login(area.residentA1.id);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => http.post('/api/concerns', { category: 'other', text: `第${i}件` }, token, { 'idempotency-key': `mixed-${i}-key` })),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(90);
    expect(answers.filter((a) => a.status === 500).every((a) => a.body.code === 'INTERNAL_ERROR')).toBe(true);
    const stored = await t.ds.manager.find(ConcernEntity, { order: { id: 'ASC' } });
    expect(stored.map((c) => c.id)).toEqual(created.map((a) => a.body.id).sort((x, y) => x - y));
    expect(await t.ds.manager.count(ConcernEventEntity)).toBe(90);
    expect(await t.ds.manager.count(NotificationEntity)).toBe(90);
  });

  it('20 concurrent accepts of one queued concern by two community staff: one 200, nineteen 409 with the current state, one event, one notice', async () => {
    // Grid A2 has no grid worker: the concern waits in community A's queue, where two staff may take it.
    const resident = await http.login(area.residentA2.id);
    const { body: c } = await http.post('/api/concerns', { category: 'leak', text: '楼上漏水' }, resident);
    const second = await createUser(t.ds, { role: 'community_staff', name: '甲社区干部二', streetId: area.streetId, communityId: area.communityA });
    const staffOne = await http.login(area.staffA.id);
    const staffTwo = await http.login(second.id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => http.post(`/api/concerns/${c.id}/accept`, {}, i % 2 ? staffTwo : staffOne)),
    );
    const ok = answers.filter((a) => a.status === 200);
    const conflicts = answers.filter((a) => a.status === 409);
    expect([ok.length, conflicts.length]).toEqual([1, 19]);
    for (const a of conflicts) {
      // Lost the race on the version, or arrived after the winner committed: either way 409 and the current state.
      expect(['CONCERN_STATE_CONFLICT', 'CONCERN_ILLEGAL_TRANSITION']).toContain(a.body.code);
      expect(a.body.current).toMatchObject({ id: c.id, status: 'accepted' });
    }
    expect(await t.ds.manager.count(ConcernEventEntity, { where: { concernId: c.id, type: 'accepted' } })).toBe(1);
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: area.residentA2.id, type: 'concern.accepted' } })).toBe(1);
    const stored = await t.ds.manager.findOneByOrFail(ConcernEntity, { id: c.id });
    expect(stored).toMatchObject({ status: 'accepted', version: 2 });
    expect([area.staffA.id, second.id]).toContain(stored.holderId);
    expect(ok[0].body.holderName).toBe(stored.holderId === area.staffA.id ? '甲社区干部' : '甲社区干部二');
  });
});
