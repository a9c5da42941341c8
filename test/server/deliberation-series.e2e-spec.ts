import { DIALECTS, startTestApp, testConfig, type TestApp } from './support/test-app';
import { api } from './support/http';
import { freshArea, fridaySeries } from './support/deliberation-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';
import { DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationJobs } from '../../server/src/modules/deliberation/deliberation.jobs';

const HOUR = 3600_000;
const FRIDAY = fridaySeries(3, 1);
/** China-time weekday and HH:MM of an ISO instant. */
const china = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * HOUR);
  return { weekday: d.getUTCDay(), time: d.toISOString().slice(11, 16) };
};

describe.each(DIALECTS)('deliberation series settings on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;

  beforeAll(async () => {
    t = await startTestApp(await testConfig(dialect));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    area = await freshArea(t.ds, http);
  });

  const createSeries = async () => (await http.post('/api/deliberation/series', FRIDAY, await http.as(area.staffA))).body as { id: number };
  const sessions = async () => (await http.get('/api/deliberation/sessions', await http.as(area.residentA1))).body as any[];

  it('changing day, time, place and seats re-times empty sessions, keeps a session with registrations on its date, and still keeps 4 ahead', async () => {
    const series = await createSeries();
    const [first] = await sessions();
    const b = await createUser(t.ds, { role: 'resident', name: '赵一', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date() });
    expect((await http.post(`/api/deliberation/sessions/${first.id}/sign-up`, {}, await http.as(area.residentA1))).status).toBe(201);
    expect((await http.post(`/api/deliberation/sessions/${first.id}/sign-up`, {}, await http.as(b))).status).toBe(201);

    // Two seats are taken in the first session: 1 seat (0 open + 1 reserved) would not fit them.
    const res = await http.put(`/api/deliberation/series/${series.id}`, { ...FRIDAY, weekday: 2, time: '19:30', place: '议事厅', seats: 1, reservedSeats: 1 }, await http.as(area.staffA));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ series: { id: series.id, weekday: 2, time: '19:30', place: '议事厅', seats: 1, reservedSeats: 1, active: true }, sessionsUpdated: 3, sessionsKept: 1 });

    const after = await sessions();
    const kept = after.find((s) => s.id === first.id);
    expect(kept).toMatchObject({ startsAt: first.startsAt, place: '小区凉亭', seats: 3, seatsLeft: 0, mine: { status: 'confirmed' } });
    const retimed = after.filter((s) => s.id !== first.id);
    expect(retimed.length).toBeGreaterThanOrEqual(4);
    for (const s of retimed) {
      expect(china(s.startsAt)).toEqual({ weekday: 2, time: '19:30' });
      expect(s).toMatchObject({ place: '议事厅', seats: 1, reservedSeats: 1, seatsLeft: 0, reservedLeft: 1 });
    }
    expect(new Set(after.map((s) => s.startsAt)).size).toBe(after.length);
  });

  it('seat changes reach a session with registrations where the taken seats fit', async () => {
    const series = await createSeries();
    const [first] = await sessions();
    await http.post(`/api/deliberation/sessions/${first.id}/sign-up`, {}, await http.as(area.residentA1));
    const res = await http.put(`/api/deliberation/series/${series.id}`, { ...FRIDAY, seats: 10, reservedSeats: 2 }, await http.as(area.staffA));
    expect(res.body).toMatchObject({ sessionsUpdated: 3, sessionsKept: 1 });
    const all = await sessions();
    expect(all.every((s) => s.seats === 10 && s.reservedSeats === 2)).toBe(true);
    expect(all.find((s) => s.id === first.id)).toMatchObject({ startsAt: first.startsAt, seatsLeft: 7 });
  });

  it('one session by id, also once it has ended, with my registration; another community gets 404', async () => {
    await createSeries();
    const [first] = await sessions();
    await http.post(`/api/deliberation/sessions/${first.id}/sign-up`, {}, await http.as(area.residentA1));
    await t.ds.manager.update(DeliberationSessionEntity, { id: first.id }, { startsAt: new Date(Date.now() - 3 * HOUR), endsAt: new Date(Date.now() - HOUR) });
    const res = await http.get(`/api/deliberation/sessions/${first.id}`, await http.as(area.residentA1));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: first.id, place: '小区凉亭', name: '周五议事亭', registrationOpen: false, mine: { status: 'confirmed', seatKind: 'open' } });
    expect((await sessions()).some((s) => s.id === first.id)).toBe(false);
    expect((await http.get(`/api/deliberation/sessions/${first.id}`, await http.as(area.residentB1))).body.code).toBe('SESSION_NOT_FOUND');
    expect((await http.get('/api/deliberation/sessions/abc', await http.as(area.residentA1))).status).toBe(400);

    // The ended session is listed under past sessions (newest first), not under upcoming ones.
    const past = await http.get('/api/deliberation/sessions?when=past', await http.as(area.staffA));
    expect(past.body.map((s: { id: number }) => s.id)).toEqual([first.id]);
    expect((await http.get('/api/deliberation/sessions?when=past', await http.as(area.residentB1))).body).toEqual([]);
    expect((await http.get('/api/deliberation/sessions?when=later', await http.as(area.staffA))).body.code).toBe('VALIDATION_FAILED');
    expect((await http.get('/api/deliberation/sessions?when=past&limit=0', await http.as(area.staffA))).status).toBe(400);
  });

  it('ending a series stops new sessions; changes to an ended or foreign series are refused with codes', async () => {
    const series = await createSeries();
    const staff = await http.as(area.staffA);
    expect((await http.put(`/api/deliberation/series/${series.id}`, { ...FRIDAY, seats: 0 }, staff)).body.code).toBe('VALIDATION_FAILED');
    expect((await http.put(`/api/deliberation/series/${series.id}`, FRIDAY, await http.as(area.staffB))).body.code).toBe('SERIES_NOT_FOUND');
    expect((await http.put(`/api/deliberation/series/${series.id}`, FRIDAY, await http.as(area.residentA1))).status).toBe(403);
    const ended = await http.post(`/api/deliberation/series/${series.id}/end`, {}, staff);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id: series.id, active: false });
    expect((await http.post(`/api/deliberation/series/${series.id}/end`, {}, staff)).body.code).toBe('SERIES_ENDED');
    expect((await http.put(`/api/deliberation/series/${series.id}`, FRIDAY, staff)).body.code).toBe('SERIES_ENDED');
    expect((await http.get('/api/deliberation/series', staff)).body).toEqual([]);
    // The job creates nothing for an ended series, even once its planned sessions are past.
    await t.ds.manager.createQueryBuilder().delete().from(DeliberationSessionEntity).execute();
    await t.app.get(DeliberationJobs).ensureSessions(new Date());
    expect(await t.ds.manager.count(DeliberationSessionEntity)).toBe(0);
  });
});
