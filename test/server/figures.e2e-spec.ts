import { DIALECTS, startTestApp, truncateAll, type TestApp } from './support/test-app';
import { ownConfig } from './support/own-database';
import { api } from './support/http';
import { createArea, createUser, type TestArea } from '../factories/org.factory';
import { ConcernsJobs } from '../../server/src/modules/concerns/concerns.jobs';
import { StreetEntity } from '../../server/src/modules/org/org.entities';
import { chinaDay, chinaDayStart, shiftDay } from '../../server/src/modules/diary/china-day';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('concern figures (统计) on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  const as = (user: { id: number }) => http.as(user);
  const at = (d: Date) => t.db.dateParam(d);

  beforeAll(async () => {
    t = await startTestApp(await ownConfig(dialect, 'figures'));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    http.forgetTokens();
    await truncateAll(t.ds);
    area = await createArea(t.ds);
  });

  const submit = async (resident: { id: number }, text: string) => {
    const res = await http.post('/api/concerns', { category: 'leak', text }, await as(resident));
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const ok = async (who: { id: number }, id: number, action: string, body: Record<string, unknown> = {}) => {
    const res = await http.post(`/api/concerns/${id}/${action}`, body, await as(who));
    if (res.status !== 200) throw new Error(`${action} -> ${res.status} ${JSON.stringify(res.body)}`);
  };
  const figures = async (who: { id: number }, query = '') => http.get(`/api/figures/concerns${query}`, await as(who));
  /** Moves a concern's submission (and its 'submitted' event) to `created`. */
  const submittedAt = async (id: number, created: Date) => {
    await t.ds.query('UPDATE concerns SET created_at = ? WHERE id = ?', [at(created), id]);
    await t.ds.query(`UPDATE concern_events SET created_at = ? WHERE concern_id = ? AND type = 'submitted'`, [at(created), id]);
  };
  const acceptedAt = (id: number, when: Date) =>
    t.ds.query(`UPDATE concern_events SET created_at = ? WHERE concern_id = ? AND type = 'accepted'`, [at(when), id]);
  const resolvedAt = (id: number, when: Date) => t.ds.query('UPDATE concerns SET resolved_at = ? WHERE id = ?', [at(when), id]);

  /**
   * Histories built through the API, then timed with SQL (T = three days ago):
   *  community A, grid A1: c1 accepted +2 h, resolved +10 h, rated 5; c2 accepted +20 h, resolved +30 h, rated 2;
   *                        c3 (代办) accepted +30 h (late), escalated to the community, still open;
   *  community A, grid A2 (no worker): c4 accepted by the community +5 h, escalated to the street, resolved +50 h, not rated;
   *  community B: c7 accepted at once, open.
   *  Outside the period (40 days ago), community A: c5 (grid A1) escalated now by the deadline job; c6 (grid A2) overdue now.
   */
  async function buildHistories() {
    const now = Date.now();
    const T = new Date(now - 3 * DAY);
    const c1 = await submit(area.residentA1, '卫生间漏水');
    await ok(area.workerA1, c1, 'accept');
    await ok(area.workerA1, c1, 'resolve', { note: '已修好' });
    await ok(area.residentA1, c1, 'rate', { rating: 5 });
    const c2 = await submit(area.residentA1, '厨房漏水');
    await ok(area.workerA1, c2, 'accept');
    await ok(area.workerA1, c2, 'resolve', { note: '已联系物业' });
    await ok(area.residentA1, c2, 'rate', { rating: 2 });
    const proxy = await http.post('/api/concerns/proxy', { unitId: area.unitA1b, residentName: '赵大爷', category: 'leak', text: '阳台漏水' }, await as(area.workerA1));
    expect(proxy.status).toBe(201);
    const c3 = proxy.body.id as number;
    await ok(area.workerA1, c3, 'accept');
    await ok(area.workerA1, c3, 'escalate', { reason: '需要社区协调' });
    const c4 = await submit(area.residentA2, '楼道水管漏水');
    await ok(area.staffA, c4, 'accept');
    await ok(area.staffA, c4, 'escalate', { reason: '需要街道协调' });
    await ok(area.streetAdmin, c4, 'accept');
    await ok(area.streetAdmin, c4, 'resolve', { note: '已更换水管' });
    const c7 = await submit(area.residentB1, '屋顶漏水');
    await ok(area.workerB1, c7, 'accept');

    for (const id of [c1, c2, c3, c4]) await submittedAt(id, T);
    await acceptedAt(c1, new Date(T.getTime() + 2 * HOUR));
    await resolvedAt(c1, new Date(T.getTime() + 10 * HOUR));
    await acceptedAt(c2, new Date(T.getTime() + 20 * HOUR));
    await resolvedAt(c2, new Date(T.getTime() + 30 * HOUR));
    await acceptedAt(c3, new Date(T.getTime() + 30 * HOUR));
    await acceptedAt(c4, new Date(T.getTime() + 5 * HOUR));
    await resolvedAt(c4, new Date(T.getTime() + 50 * HOUR));

    // 40 days ago: c5 at the first second of that China day, c6 at its last second; c8 (community B) at the next day's first second.
    const old = chinaDay(new Date(now - 40 * DAY));
    const c5 = await submit(area.residentA1, '旧的问题');
    await submittedAt(c5, chinaDayStart(old));
    await t.ds.query('UPDATE concerns SET stage_deadline_at = ? WHERE id = ?', [at(new Date(now - HOUR)), c5]);
    expect(await t.app.get(ConcernsJobs).escalateOverdue(new Date(now))).toBe('escalated 1, reminded 0');
    const c6 = await submit(area.residentA2, '另一个旧问题');
    await submittedAt(c6, new Date(chinaDayStart(shiftDay(old, 1)).getTime() - 1000));
    await t.ds.query('UPDATE concerns SET stage_deadline_at = ? WHERE id = ?', [at(new Date(now - HOUR)), c6]);
    const c8 = await submit(area.residentB1, '乙社区旧问题');
    await submittedAt(c8, chinaDayStart(shiftDay(old, 1)));
    return { old };
  }

  it('a community’s figures for the last 30 days: exact counts, rates, median, escalations by level, proxy share, the plain line and one row per grid', async () => {
    await buildHistories();
    const res = await figures(area.staffA);
    expect(res.status).toBe(200);
    const today = chinaDay(new Date());
    expect(res.body).toEqual({
      area: { level: 'community', id: area.communityA, name: '甲社区' },
      period: { from: shiftDay(today, -29), to: today },
      received: 4,
      acceptedWithinDeadline: 3,
      responseRate: 0.75,
      resolved: 3,
      resolutionRate: 0.75,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
      medianHoursToResolve: 30,
      inProgress: 1,
      closedWithoutResolution: 0,
      overdueNow: 1,
      proxy: 1,
      proxyShare: 0.25,
      escalations: { community: 2, street: 1, department: 0 },
      plain: '记录在册 4 件，已解决 3 件，正在落实 1 件',
      perChild: [
        {
          level: 'grid', id: area.gridA1, name: '甲一网格', received: 3, acceptedWithinDeadline: 2, responseRate: 0.6667, resolved: 2, resolutionRate: 0.6667,
          rated: 2, satisfied: 1, satisfactionRate: 0.5, medianHoursToResolve: 20, inProgress: 1, closedWithoutResolution: 0, overdueNow: 0, proxy: 1, proxyShare: 0.3333,
        },
        {
          level: 'grid', id: area.gridA2, name: '甲二网格', received: 1, acceptedWithinDeadline: 1, responseRate: 1, resolved: 1, resolutionRate: 1,
          rated: 0, satisfied: 0, satisfactionRate: null, medianHoursToResolve: 50, inProgress: 0, closedWithoutResolution: 0, overdueNow: 1, proxy: 0, proxyShare: 0,
        },
      ],
    });
  });

  it('a grid worker sees their grid by default; the street sees every community of the street, one row each', async () => {
    await buildHistories();
    const grid = await figures(area.workerA1);
    expect(grid.body).toMatchObject({
      area: { level: 'grid', id: area.gridA1, name: '甲一网格' },
      received: 3, acceptedWithinDeadline: 2, responseRate: 0.6667, resolved: 2, medianHoursToResolve: 20, proxy: 1,
      escalations: { community: 2, street: 0, department: 0 }, overdueNow: 0, perChild: [],
      plain: '记录在册 3 件，已解决 2 件，正在落实 1 件',
    });
    const street = await figures(area.streetAdmin);
    expect(street.body).toMatchObject({
      area: { level: 'street', id: area.streetId, name: '测试街道' },
      received: 5, acceptedWithinDeadline: 4, responseRate: 0.8, resolved: 3, resolutionRate: 0.6, inProgress: 2, overdueNow: 1,
      escalations: { community: 2, street: 1, department: 0 },
      plain: '记录在册 5 件，已解决 3 件，正在落实 2 件',
    });
    expect(street.body.perChild.map((c: { level: string; name: string; received: number; resolved: number; responseRate: number }) => [c.level, c.name, c.received, c.resolved, c.responseRate])).toEqual([
      ['community', '甲社区', 4, 3, 0.75],
      ['community', '乙社区', 1, 0, 1],
    ]);
    // The street drills down into a grid of one of its communities.
    const drilled = await figures(area.streetAdmin, `?level=grid&id=${area.gridA2}`);
    expect(drilled.body).toMatchObject({ area: { level: 'grid', id: area.gridA2, name: '甲二网格' }, received: 1, medianHoursToResolve: 50 });
  });

  it('an explicit period counts China-time days, both ends included: the first and last second of a day are in it, the next day’s first second is not', async () => {
    const { old } = await buildHistories();
    const day = await figures(area.streetAdmin, `?from=${old}&to=${old}`);
    expect(day.body).toMatchObject({
      period: { from: old, to: old }, received: 2, acceptedWithinDeadline: 0, responseRate: 0, resolved: 0, inProgress: 2,
      plain: '记录在册 2 件，已解决 0 件，正在落实 2 件',
    });
    const next = await figures(area.streetAdmin, `?from=${shiftDay(old, 1)}&to=${shiftDay(old, 1)}`);
    expect(next.body).toMatchObject({ received: 1, perChild: [expect.objectContaining({ name: '甲社区', received: 0 }), expect.objectContaining({ name: '乙社区', received: 1 })] });
    // Escalations count by when they happened (the deadline job escalated c5 today), not by when the concern came in.
    expect(day.body.escalations).toEqual({ community: 0, street: 0, department: 0 });
  });

  it('a period with nothing in it has zero counts and no rates (null), never a division by zero', async () => {
    const res = await figures(area.staffA);
    expect(res.body).toMatchObject({
      received: 0, acceptedWithinDeadline: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, medianHoursToResolve: null, proxyShare: null,
      plain: '记录在册 0 件，已解决 0 件，正在落实 0 件',
    });
    expect(res.body.perChild).toHaveLength(2);
  });

  it('concerns closed without a resolution are neither resolved nor in progress, and the plain line says so', async () => {
    const c = await submit(area.residentA1, '重复反映的问题');
    await ok(area.workerA1, c, 'accept');
    await ok(area.workerA1, c, 'close', { reason: 'duplicate' });
    const w = await submit(area.residentA1, '已经好了');
    await ok(area.residentA1, w, 'withdraw');
    const res = await figures(area.workerA1);
    expect(res.body).toMatchObject({
      received: 2, resolved: 0, inProgress: 0, closedWithoutResolution: 2, acceptedWithinDeadline: 1,
      plain: '记录在册 2 件，已解决 0 件，正在落实 0 件，另有 2 件因重复、撤回等原因办结',
    });
  });

  it('“not solved” takes a concern out of the resolved count again', async () => {
    const c = await submit(area.residentA1, '修了又漏');
    await ok(area.workerA1, c, 'accept');
    await ok(area.workerA1, c, 'resolve', { note: '已修' });
    expect((await figures(area.workerA1)).body).toMatchObject({ resolved: 1, inProgress: 0 });
    await ok(area.residentA1, c, 'not-solved', { comment: '还在漏' });
    expect((await figures(area.workerA1)).body).toMatchObject({ resolved: 0, inProgress: 1, escalations: { community: 0 } });
  });

  it('an area outside the caller’s scope, or one that does not exist, answers 404 AREA_NOT_FOUND', async () => {
    const otherStreet = Number((await t.ds.manager.insert(StreetEntity, { name: '别的街道' })).identifiers[0].id);
    const cases: [{ id: number }, string, number][] = [
      [area.workerA1, `?level=grid&id=${area.gridA1}`, 200],
      [area.workerA1, `?level=grid&id=${area.gridA2}`, 404],
      [area.workerA1, `?level=community&id=${area.communityA}`, 404],
      [area.staffA, `?level=grid&id=${area.gridA2}`, 200],
      [area.staffA, `?level=grid&id=${area.gridB1}`, 404],
      [area.staffA, `?level=community&id=${area.communityB}`, 404],
      [area.staffA, `?level=street&id=${area.streetId}`, 404],
      [area.streetAdmin, `?level=grid&id=${area.gridB1}`, 200],
      [area.streetAdmin, `?level=street&id=${otherStreet}`, 404],
      [area.streetAdmin, '?level=grid&id=999999', 404],
    ];
    const answers = [];
    for (const [who, query] of cases) {
      const res = await figures(who, query);
      answers.push([query, res.status, res.status === 404 ? res.body.code : 'ok']);
    }
    expect(answers).toEqual(cases.map(([, query, status]) => [query, status, status === 404 ? 'AREA_NOT_FOUND' : 'ok']));
    // Staff without an area of their own (a community staff member with no community) have no default.
    const loose = await createUser(t.ds, { role: 'community_staff', name: '未分配干部', streetId: area.streetId });
    expect((await figures(loose)).body.code).toBe('AREA_NOT_FOUND');
  });

  it('residents and departments may not ask (403); bad parameters answer 400 VALIDATION_FAILED', async () => {
    const dept = await createUser(t.ds, { role: 'department', name: '城管局联络员', streetId: area.streetId });
    expect((await figures(area.residentA1)).status).toBe(403);
    expect((await figures(dept)).status).toBe(403);
    for (const query of ['?level=grid', `?id=${area.gridA1}`, '?from=2026-02-30', '?from=2026-11-10&to=2026-11-01', '?from=2024-01-01&to=2025-12-31', '?days=7', '?level=city&id=1']) {
      const res = await figures(area.staffA, query);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
