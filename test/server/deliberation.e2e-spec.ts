import { DIALECTS, startTestApp, testConfig, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { createArea, createUser, type TestArea } from '../factories/org.factory';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DeliberationRegistrationEntity, DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationJobs } from '../../server/src/modules/deliberation/deliberation.jobs';
import { nextSlots } from '../../server/src/modules/deliberation/schedule';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Friday 17:00 under the pavilion, registration open 30 days ahead (so every created session is open now). */
const FRIDAY = {
  name: '周五议事亭', place: '小区凉亭', weekday: 5, time: '17:00', durationMinutes: 90, seats: 3, reservedSeats: 1, opensDaysBefore: 30, closesHoursBefore: 0,
};

describe('deliberation schedule', () => {
  it('the next Friday 17:00 China time is 09:00 UTC, and a slot already passed moves to the following week', () => {
    // Friday 2026-11-27 16:00 China time = 08:00 UTC.
    const slots = nextSlots({ weekday: 5, time: '17:00' }, new Date('2026-11-27T08:00:00Z'), 4);
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2026-11-27T09:00:00.000Z', '2026-12-04T09:00:00.000Z', '2026-12-11T09:00:00.000Z', '2026-12-18T09:00:00.000Z',
    ]);
    expect(nextSlots({ weekday: 5, time: '17:00' }, new Date('2026-11-27T09:00:00Z'), 1)[0].toISOString()).toBe('2026-12-04T09:00:00.000Z');
    // Saturday 01:00 China time is still Friday in UTC: the next Friday is six days on.
    expect(nextSlots({ weekday: 5, time: '17:00' }, new Date('2026-11-27T17:00:00Z'), 1)[0].toISOString()).toBe('2026-12-04T09:00:00.000Z');
  });
});

describe.each(DIALECTS)('deliberation series, sessions and sign-up on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  const as = (user: { id: number }) => http.as(user);
  const resident = (name: string) =>
    createUser(t.ds, { role: 'resident', name, streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date() });

  beforeAll(async () => {
    t = await startTestApp(await testConfig(dialect));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    http.forgetTokens();
    await truncateAll(t.ds);
    area = await createArea(t.ds);
  });

  const createSeries = async (body: Record<string, unknown> = FRIDAY) => {
    const res = await http.post('/api/deliberation/series', body, await as(area.staffA));
    if (res.status !== 201) throw new Error(`series -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number };
  };
  const sessions = async (who: { id: number }) => (await http.get('/api/deliberation/sessions', await as(who))).body as any[];
  const signUp = async (who: { id: number }, sessionId: number) => http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(who));
  const withdraw = async (who: { id: number }, sessionId: number) => http.post(`/api/deliberation/sessions/${sessionId}/withdraw`, {}, await as(who));

  it('community staff create a series; its next 4 weekly sessions exist at once and residents of the community see them with seats left', async () => {
    const series = await createSeries();
    const list = await http.get('/api/deliberation/series', await as(area.residentA1));
    expect(list.body).toEqual([expect.objectContaining({ id: series.id, name: '周五议事亭', weekday: 5, time: '17:00', seats: 3, reservedSeats: 1 })]);
    const upcoming = await sessions(area.residentA1);
    expect(upcoming).toHaveLength(4);
    const starts = upcoming.map((s) => Date.parse(s.startsAt));
    for (let i = 1; i < 4; i++) expect(starts[i] - starts[i - 1]).toBe(7 * DAY);
    expect(new Date(starts[0] + 8 * HOUR).getUTCDay()).toBe(5);
    expect(upcoming[0]).toMatchObject({ status: 'scheduled', seats: 3, reservedSeats: 1, seatsLeft: 2, reservedLeft: 1, waitingCount: 0, registrationOpen: true, mine: null });
    // Another community sees none of them; the job run again creates nothing new.
    expect(await sessions(area.residentB1)).toEqual([]);
    expect(await t.app.get(DeliberationJobs).ensureSessions(new Date())).toBe('created 0');
    expect(await t.ds.manager.count(DeliberationSessionEntity)).toBe(4);
  });

  it('rejects a series with unknown fields, more reserved seats than seats, or from a resident', async () => {
    const staff = await as(area.staffA);
    expect((await http.post('/api/deliberation/series', { ...FRIDAY, extra: 1 }, staff)).body.code).toBe('VALIDATION_FAILED');
    expect((await http.post('/api/deliberation/series', { ...FRIDAY, reservedSeats: 4 }, staff)).body.code).toBe('VALIDATION_FAILED');
    expect((await http.post('/api/deliberation/series', { ...FRIDAY, time: '25:00' }, staff)).status).toBe(400);
    expect((await http.post('/api/deliberation/series', FRIDAY, await as(area.residentA1))).status).toBe(403);
    expect(await t.ds.manager.count(DeliberationSessionEntity)).toBe(0);
  });

  it('sign-up: open seats first, then the waiting list in order; a representative takes the reserved seat; one registration per resident', async () => {
    await createSeries();
    const [first] = await sessions(area.residentA1);
    const [a, b, c] = [area.residentA1, await resident('赵一'), await resident('钱二')];
    const rep = await resident('居民代表孙三');
    expect((await http.post('/api/deliberation/representatives', { userId: rep.id }, await as(area.staffA))).body).toEqual([{ userId: rep.id, name: '居民代表孙三' }]);

    const ra = await signUp(a, first.id);
    expect(ra.status).toBe(201);
    expect(ra.body).toMatchObject({ status: 'confirmed', seatKind: 'open', waitlistNo: null, waitlistPosition: null });
    expect(ra.body.checkInCode).toMatch(/^[A-Z2-9]{10}$/);
    expect((await signUp(a, first.id)).body.code).toBe('ALREADY_REGISTERED');
    expect((await signUp(b, first.id)).body).toMatchObject({ status: 'confirmed', seatKind: 'open' });
    expect((await signUp(rep, first.id)).body).toMatchObject({ status: 'confirmed', seatKind: 'reserved' });
    expect((await signUp(c, first.id)).body).toMatchObject({ status: 'waitlisted', waitlistNo: 1, waitlistPosition: 1 });
    expect((await sessions(c))[0]).toMatchObject({ seatsLeft: 0, reservedLeft: 0, waitingCount: 1, mine: { status: 'waitlisted', waitlistPosition: 1 } });
    expect((await signUp(area.residentB1, first.id)).body.code).toBe('SESSION_NOT_FOUND');
    expect((await signUp(area.residentA1, 999999)).status).toBe(404);
  });

  it('cancelling a confirmed seat promotes the first waiting resident in the same step and tells them; cancelling again is 404', async () => {
    await createSeries({ ...FRIDAY, seats: 1, reservedSeats: 0 });
    const [s] = await sessions(area.residentA1);
    const [b, c] = [await resident('赵一'), await resident('钱二')];
    await signUp(area.residentA1, s.id);
    await signUp(b, s.id);
    expect((await signUp(c, s.id)).body).toMatchObject({ waitlistNo: 2, waitlistPosition: 2 });

    const w = await withdraw(area.residentA1, s.id);
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('cancelled');
    expect((await sessions(b))[0]).toMatchObject({ seatsLeft: 0, waitingCount: 1, mine: { status: 'confirmed', seatKind: 'open' } });
    expect((await sessions(c))[0].mine).toMatchObject({ status: 'waitlisted', waitlistNo: 2, waitlistPosition: 1 });
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: b.id, type: 'deliberation.promoted' } })).toBe(1);
    expect((await withdraw(area.residentA1, s.id)).body.code).toBe('REGISTRATION_NOT_FOUND');

    // Signing up again re-uses the one registration and joins the end of the queue.
    expect((await signUp(area.residentA1, s.id)).body).toMatchObject({ status: 'waitlisted', waitlistNo: 3, waitlistPosition: 2 });
    expect(await t.ds.manager.count(DeliberationRegistrationEntity, { where: { userId: area.residentA1.id } })).toBe(1);
    // A waiting resident leaving shortens the list: the next newcomer is second, behind residentA1 (ticket 3).
    await withdraw(c, s.id);
    const d = await resident('孙三');
    expect((await signUp(d, s.id)).body).toMatchObject({ status: 'waitlisted', waitlistNo: 4, waitlistPosition: 2 });
    await withdraw(d, s.id);
    // The last seat freed with nobody waiting is simply released.
    await withdraw(area.residentA1, s.id);
    await withdraw(b, s.id);
    expect((await sessions(b))[0]).toMatchObject({ seatsLeft: 1, waitingCount: 0 });
    expect(await t.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id: s.id })).toMatchObject({ taken: 0, waitlistSeq: 4, waitlistCount: 0 });
  });

  it('registration is refused before it opens and after it closes', async () => {
    await createSeries({ ...FRIDAY, opensDaysBefore: 0 });
    const [s] = await sessions(area.residentA1);
    expect((await signUp(area.residentA1, s.id)).body.code).toBe('REGISTRATION_NOT_OPEN');
    await t.ds.manager.update(DeliberationSessionEntity, { id: s.id }, { opensAt: new Date(Date.now() - 2 * DAY), closesAt: new Date(Date.now() - HOUR) });
    expect((await signUp(area.residentA1, s.id)).body.code).toBe('REGISTRATION_CLOSED');
  });

  it('staff cancel a session: everyone registered (confirmed or waiting) is told, sign-up is refused, another community cannot touch it', async () => {
    await createSeries({ ...FRIDAY, seats: 1, reservedSeats: 0 });
    const [s] = await sessions(area.residentA1);
    const b = await resident('赵一');
    await signUp(area.residentA1, s.id);
    await signUp(b, s.id);
    expect((await http.post(`/api/deliberation/sessions/${s.id}/cancel`, { reason: '下雨' }, await as(area.staffB))).body.code).toBe('SESSION_NOT_FOUND');
    expect((await http.post(`/api/deliberation/sessions/${s.id}/cancel`, { reason: '下雨' }, await as(area.residentA1))).status).toBe(403);
    const res = await http.post(`/api/deliberation/sessions/${s.id}/cancel`, { reason: '下雨改期' }, await as(area.staffA));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '下雨改期', registrationOpen: false });
    for (const u of [area.residentA1, b]) {
      expect(await t.ds.manager.count(NotificationEntity, { where: { userId: u.id, type: 'deliberation.session_cancelled' } })).toBe(1);
    }
    expect((await signUp(await resident('钱二'), s.id)).body.code).toBe('SESSION_CANCELLED');
    expect((await http.post(`/api/deliberation/sessions/${s.id}/cancel`, { reason: '再取消' }, await as(area.staffA))).body.code).toBe('SESSION_CANCELLED');
    // The cancelled slot still counts as one of the next four: the job does not re-create it.
    expect(await t.app.get(DeliberationJobs).ensureSessions(new Date())).toBe('created 0');
  });

  it('staff move a session: new time and place, everyone registered told; the job does not re-create the original slot', async () => {
    await createSeries();
    const [s] = await sessions(area.residentA1);
    await signUp(area.residentA1, s.id);
    const startsAt = new Date(Date.parse(s.startsAt) + DAY).toISOString();
    expect((await http.post(`/api/deliberation/sessions/${s.id}/move`, { startsAt: new Date(Date.now() - HOUR).toISOString() }, await as(area.staffA))).body.code).toBe('VALIDATION_FAILED');
    const res = await http.post(`/api/deliberation/sessions/${s.id}/move`, { startsAt, place: '社区议事厅' }, await as(area.staffA));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ startsAt, place: '社区议事厅', status: 'scheduled' });
    expect(Date.parse(res.body.endsAt) - Date.parse(startsAt)).toBe(90 * 60_000);
    const moved = await t.ds.manager.find(NotificationEntity, { where: { userId: area.residentA1.id, type: 'deliberation.session_moved' } });
    expect(moved).toHaveLength(1);
    // Both starts in China time: Friday 17:00, then the Saturday after.
    const china = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(5, 16).replace('-', '月').replace('T', '日 ');
    expect(moved[0].body).toBe(`您报名的${china(s.startsAt)}议事活动改到${china(startsAt)}，地点：社区议事厅`);
    expect(china(startsAt)).toMatch(/日 17:00$/);
    expect(await t.app.get(DeliberationJobs).ensureSessions(new Date())).toBe('created 0');
    expect(await t.ds.manager.count(DeliberationSessionEntity)).toBe(4);
  });

  it('representatives: only residents of the staff member’s community; removing one who is not is 404', async () => {
    const staff = await as(area.staffA);
    expect((await http.post('/api/deliberation/representatives', { userId: area.residentB1.id }, staff)).body.code).toBe('RESIDENT_NOT_FOUND');
    await http.post('/api/deliberation/representatives', { userId: area.residentA1.id }, staff);
    expect((await http.post('/api/deliberation/representatives', { userId: area.residentA1.id }, staff)).body).toHaveLength(1);
    expect((await http.get('/api/deliberation/representatives', await as(area.staffB))).body).toEqual([]);
    expect((await http.call('DELETE', `/api/deliberation/representatives/${area.residentA1.id}`, { token: staff })).body).toEqual([]);
    expect((await http.call('DELETE', `/api/deliberation/representatives/${area.residentA1.id}`, { token: staff })).body.code).toBe('REPRESENTATIVE_NOT_FOUND');
  });
});
