import { DIALECTS } from './support/test-app';
import { appWithFreshArea } from './support/area-suite';
import { approvedVolunteers, inHours, wish } from './support/volunteer-fixtures';
import { approveVolunteers } from './support/timebank-fixtures';
import { createUser } from '../factories/org.factory';
import { HelpRequestAssignmentEntity, HelpRequestEntity, VolunteerTeamEntity, VolunteerTeamMemberEntity } from '../../server/src/modules/volunteers/volunteers.entities';
import { HelpRequestsJobs } from '../../server/src/modules/volunteers/help-requests.jobs';
import { TeamActivityEntity } from '../../server/src/modules/timebank/timebank.entities';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const chinaDayIn = (n: number) => new Date(Date.now() + 8 * HOUR + n * DAY).toISOString().slice(0, 10);
/** The last 30 days plus tomorrow: a help request's hours count on its window's day, which may already be tomorrow in China. */
const RECENT = `from=${chinaDayIn(-29)}&to=${chinaDayIn(1)}`;

describe.each(DIALECTS)('小红帽 figures on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'vol_fig');
  const as = (u: { id: number }) => http.as(u);
  // Whole seconds: MariaDB keeps datetimes to the second.
  let base: number;
  const ago = (hours: number) => new Date(base - hours * HOUR);
  beforeEach(() => {
    base = Math.floor(Date.now() / 1000) * 1000;
  });

  const ok = async (res: Promise<{ status: number; body: any }>, status = 200) => {
    const r = await res;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const post = async (who: { id: number }, body: unknown = wish()) => (await ok(http.post('/api/help-requests', body, await as(who)), 201)) as { id: number };
  const act = (token: string, id: number, action: string, body: unknown = {}) => ok(http.post(`/api/help-requests/${id}/${action}`, body, token));
  const actAs = async (who: { id: number }, id: number, action: string, body: unknown = {}) => act(await as(who), id, action, body);
  /** Posted `postedH` hours ago, first seat `seatH` ago, confirmed `confirmedH` ago. */
  const setTimes = async (id: number, postedH: number, seatH: number | null, confirmedH: number | null) => {
    await t.ds.manager.update(HelpRequestEntity, { id }, { createdAt: ago(postedH), ...(confirmedH === null ? {} : { confirmedAt: ago(confirmedH) }) });
    if (seatH !== null) await t.ds.manager.update(HelpRequestAssignmentEntity, { requestId: id }, { createdAt: ago(seatH) });
  };
  const team = async (name: string, communityId: number) =>
    Number((await t.ds.manager.insert(VolunteerTeamEntity, { streetId: area.streetId, communityId, level: 'community', name, leaderUserId: null, createdAt: new Date() })).identifiers[0].id);
  const join = (teamId: number, userId: number) => t.ds.manager.insert(VolunteerTeamMemberEntity, { teamId, userId, createdAt: new Date() });

  /**
   * Community A: four approved volunteers (v1 in 守望相助, v2 in 银龄先锋, v3 and v4 in no team) and one applicant.
   * Requests posted in the period: R1 (v1, 120 min, rated 5; 2 h to a volunteer, 6 h to confirmation), R2 (v2, 120 min,
   * rated 4; 1 h, 12 h), R3 (v3, staff confirm 90 min, no rating; 3 h, 30 h), R4 cancelled, R5 expired, R6 open,
   * R7 open posted by the grid worker (代办); and R8 cancelled 60 days ago. A 守望相助 activity (60 min) held 3 h ago:
   * v1, v2, v3 signed up, v2 and v3 checked in; v2's credit reversed.
   * Community B: one volunteer, one request (rated 3; 0.5 h, 3 h, 120 min).
   */
  const scenario = async () => {
    const [v1, v2, v3] = await approvedVolunteers(t, area, 4);
    const t1 = await team('守望相助', area.communityA);
    const t2 = await team('银龄先锋', area.communityA);
    await join(t1, v1.id);
    await join(t2, v2.id);
    await ok(http.post('/api/volunteers/apply', { skills: ['errands'], availability: ['weekday_morning'] }, await as(area.residentA2)), 201);

    const served = async (v: { id: number; token: string }, postedH: number, seatH: number, confirmedH: number, confirm: (id: number) => Promise<unknown>) => {
      const r = await post(area.residentA1);
      await act(v.token, r.id, 'claim');
      await act(v.token, r.id, 'done');
      await confirm(r.id);
      await setTimes(r.id, postedH, seatH, confirmedH);
    };
    await served(v1, 10, 8, 4, (id) => actAs(area.residentA1, id, 'confirm', { rating: 5 }));
    await served(v2, 20, 19, 8, (id) => actAs(area.residentA1, id, 'confirm', { rating: 4 }));
    await served(v3, 40, 37, 10, (id) => actAs(area.staffA, id, 'confirm-on-behalf', { minutes: 90 }));
    const r4 = await post(area.residentA1);
    await actAs(area.residentA1, r4.id, 'cancel');
    await setTimes(r4.id, 5, null, null);
    const r5 = await post(area.residentA1);
    await t.ds.manager.update(HelpRequestEntity, { id: r5.id }, { createdAt: ago(30), windowFrom: ago(3), windowTo: ago(1) });
    expect(await t.app.get(HelpRequestsJobs).expire(new Date())).toBe('expired 1');
    await post(area.residentA1);
    await ok(http.post('/api/help-requests/proxy', { ...wish(), unitId: area.unitA1, residentName: '陈文信' }, await as(area.workerA1)), 201);
    const r8 = await post(area.residentA1);
    await actAs(area.residentA1, r8.id, 'cancel');
    await setTimes(r8.id, 60 * 24, null, null);

    const activity = await ok(http.post('/api/timebank/activities', {
      title: '敬老院包饺子', place: '社区活动室', startsAt: inHours(24), endsAt: inHours(26), slots: 10, creditMinutes: 60, teamId: t1,
    }, await as(area.staffA)), 201);
    for (const v of [v1, v2, v3]) await ok(http.post(`/api/timebank/activities/${activity.id}/sign-up`, {}, v.token), 201);
    await t.ds.manager.update(TeamActivityEntity, { id: activity.id }, { startsAt: ago(3), endsAt: ago(1) });
    for (const v of [v2, v3]) await ok(http.post(`/api/timebank/activities/${activity.id}/check-in`, { userId: v.id }, await as(area.staffA)));
    await ok(http.post(`/api/timebank/activities/${activity.id}/credit`, {}, await as(area.staffA)));
    const [tx] = await t.ds.query("SELECT id FROM timebank_transactions WHERE source_type = 'activity' AND volunteer_id = ?", [v2.id]);
    await ok(http.post(`/api/timebank/transactions/${tx.id}/reverse`, { reason: '记错了人，当天没来' }, await as(area.staffA)), 201);

    const vB = await createUser(t.ds, { role: 'resident', streetId: area.streetId, communityId: area.communityB, gridId: area.gridB1, unitId: area.unitB1, unitConfirmed: true, unitChosenAt: new Date() });
    await approveVolunteers(t.ds, [vB], area.communityB, area.streetId);
    const rB = await post(area.residentB1);
    await actAs(vB, rB.id, 'claim');
    await actAs(vB, rB.id, 'done');
    await actAs(area.residentB1, rB.id, 'confirm', { rating: 3 });
    await setTimes(rB.id, 5, 4.5, 2);
    return { v1, t1, t2 };
  };

  const A = {
    requestsPosted: 7, requestsConfirmed: 3, requestsOpen: 2, requestsExpired: 1, requestsCancelled: 1, fulfilmentRate: 0.6,
    medianHoursToConfirm: 12, averageHoursToConfirm: 16, medianHoursToFirstVolunteer: 2, averageHoursToFirstVolunteer: 2,
    rated: 2, averageRating: 4.5, proxyPosted: 1, proxyShare: 0.1429,
    volunteersApproved: 4, volunteersApplied: 1, volunteersActive: 3,
    creditedMinutes: 390, activitiesHeld: 1, activitySignups: 3, activityAttended: 2, attendanceRate: 0.6667,
  };
  const aTeams = (t1: number, t2: number) => [
    { teamId: t1, name: '守望相助', minutes: 180 }, { teamId: t2, name: '银龄先锋', minutes: 120 }, { teamId: null, name: '未入队', minutes: 90 },
  ];
  const B = {
    requestsPosted: 1, requestsConfirmed: 1, requestsOpen: 0, requestsExpired: 0, requestsCancelled: 0, fulfilmentRate: 1,
    medianHoursToConfirm: 3, averageHoursToConfirm: 3, medianHoursToFirstVolunteer: 0.5, averageHoursToFirstVolunteer: 0.5,
    rated: 1, averageRating: 3, proxyPosted: 0, proxyShare: 0, volunteersApproved: 1, volunteersApplied: 0, volunteersActive: 1,
    creditedMinutes: 120, hoursByTeam: [{ teamId: null, name: '未入队', minutes: 120 }], activitiesHeld: 0, activitySignups: 0, activityAttended: 0, attendanceRate: null,
  };

  it('community staff see their community: requests by outcome, times to a volunteer and to confirmation, ratings, 代办, volunteers, hours net of a reversal by team, activities', async () => {
    const { v1, t1, t2 } = await scenario();
    const staff = await as(area.staffA);
    const res = await http.get(`/api/volunteers/figures?${RECENT}`, staff);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      area: { level: 'community', id: area.communityA, name: '甲社区' }, period: { from: chinaDayIn(-29), to: chinaDayIn(1) },
      ...A, hoursByTeam: aTeams(t1, t2),
      perCommunity: [{ communityId: area.communityA, name: '甲社区', ...A, hoursByTeam: aTeams(t1, t2) }],
    });
    // Default: the last 30 days up to today.
    expect((await http.get('/api/volunteers/figures', staff)).body).toMatchObject({ period: { from: chinaDayIn(-29), to: chinaDayIn(0) }, requestsPosted: 7 });
    // A volunteer in two teams counts in both: the team rows may add up to more than the total.
    await join(t2, v1.id);
    expect((await http.get(`/api/volunteers/figures?${RECENT}`, staff)).body).toMatchObject({
      creditedMinutes: 390,
      hoursByTeam: [{ teamId: t2, minutes: 240 }, { teamId: t1, minutes: 180 }, { teamId: null, minutes: 90 }],
    });
  });

  it('the street sees a row per community and totals counted over all of them, or one community; nothing leaks between communities', async () => {
    const { t1, t2 } = await scenario();
    const token = await as(area.streetAdmin);
    const res = await http.get(`/api/volunteers/figures?${RECENT}`, token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      area: { level: 'street', id: area.streetId, name: '测试街道' },
      requestsPosted: 8, requestsConfirmed: 4, requestsOpen: 2, requestsExpired: 1, requestsCancelled: 1, fulfilmentRate: 0.6667,
      medianHoursToConfirm: 9, averageHoursToConfirm: 12.8, medianHoursToFirstVolunteer: 1.5, averageHoursToFirstVolunteer: 1.6,
      rated: 3, averageRating: 4, proxyPosted: 1, proxyShare: 0.125, volunteersApproved: 5, volunteersApplied: 1, volunteersActive: 4,
      creditedMinutes: 510, activitiesHeld: 1, activitySignups: 3, activityAttended: 2,
      hoursByTeam: [{ teamId: null, name: '未入队', minutes: 210 }, { teamId: t1, name: '守望相助', minutes: 180 }, { teamId: t2, name: '银龄先锋', minutes: 120 }],
    });
    expect(res.body.perCommunity).toEqual([
      { communityId: area.communityA, name: '甲社区', ...A, hoursByTeam: aTeams(t1, t2) },
      { communityId: area.communityB, name: '乙社区', ...B },
    ]);
    const one = await http.get(`/api/volunteers/figures?level=community&id=${area.communityB}&${RECENT}`, token);
    expect(one.body).toMatchObject({ area: { level: 'community', id: area.communityB, name: '乙社区' }, ...B });
    // Community B's staff see B only.
    expect((await http.get(`/api/volunteers/figures?${RECENT}`, await as(area.staffB))).body).toMatchObject({ area: { id: area.communityB }, ...B });
  });

  it('a period before everything counts only what is true now (volunteers, idle teams); an older period finds the old request', async () => {
    const { t1, t2 } = await scenario();
    const staff = await as(area.staffA);
    const before = await http.get(`/api/volunteers/figures?from=${chinaDayIn(-200)}&to=${chinaDayIn(-100)}`, staff);
    expect(before.body).toMatchObject({
      requestsPosted: 0, fulfilmentRate: null, medianHoursToConfirm: null, averageHoursToConfirm: null, medianHoursToFirstVolunteer: null,
      averageRating: null, rated: 0, proxyShare: null, volunteersApproved: 4, volunteersApplied: 1, volunteersActive: 0, creditedMinutes: 0,
      hoursByTeam: [{ teamId: t1, name: '守望相助', minutes: 0 }, { teamId: t2, name: '银龄先锋', minutes: 0 }],
      activitiesHeld: 0, activitySignups: 0, attendanceRate: null,
    });
    const old = await http.get(`/api/volunteers/figures?from=${chinaDayIn(-61)}&to=${chinaDayIn(-59)}`, staff);
    expect(old.body).toMatchObject({ requestsPosted: 1, requestsCancelled: 1, fulfilmentRate: 0, creditedMinutes: 0 });
  });

  it('answers only staff of the area: other areas are not found, residents and grid workers are refused, a bad period is a coded 400', async () => {
    const staff = await as(area.staffA);
    expect(await http.get(`/api/volunteers/figures?level=community&id=${area.communityB}`, staff)).toMatchObject({ status: 404, body: { code: 'AREA_NOT_FOUND' } });
    expect(await http.get(`/api/volunteers/figures?level=street&id=${area.streetId}`, staff)).toMatchObject({ status: 404, body: { code: 'AREA_NOT_FOUND' } });
    expect(await http.get('/api/volunteers/figures?level=community&id=999999', await as(area.streetAdmin))).toMatchObject({ status: 404, body: { code: 'AREA_NOT_FOUND' } });
    expect(await http.get('/api/volunteers/figures', await as(area.residentA1))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await http.get('/api/volunteers/figures', await as(area.workerA1))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await http.get('/api/volunteers/figures')).status).toBe(401);

    const bad = async (query: string) => {
      const res = await http.get(`/api/volunteers/figures?${query}`, staff);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      return res.body.message as string;
    };
    expect(await bad(`from=${chinaDayIn(0)}&to=${chinaDayIn(-1)}`)).toContain('开始日期不能晚于结束日期');
    expect(await bad(`from=${chinaDayIn(-400)}&to=${chinaDayIn(0)}`)).toContain('366');
    await bad('from=2026-02-30');
    await bad('from=yesterday');
    await bad('level=street');
    await bad('days=7');
  });
});
