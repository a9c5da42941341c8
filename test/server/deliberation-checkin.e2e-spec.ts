import { DIALECTS, type TestApp } from './support/test-app';
import type { api } from './support/http';
import { startTwoApps } from './support/two-apps';
import { createSessionVia, freshArea, placeSession } from './support/deliberation-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';
import { DeliberationRegistrationEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationCheckinJobs } from '../../server/src/modules/deliberation/deliberation-checkin.jobs';
import { checkInWindow, chinaClock, normaliseCode } from '../../server/src/modules/deliberation/deliberation-checkin.time';
import { JobRunEntity } from '../../server/src/modules/scheduler/job-run.entity';
import { SchedulerService } from '../../server/src/modules/scheduler/scheduler.service';

describe('check-in window and codes', () => {
  it('opens an hour before the start and closes at the end of that day in China time', () => {
    // Friday 17:00 China time = 09:00 UTC; the day ends at Saturday 00:00 China time = Friday 16:00 UTC.
    const w = checkInWindow(new Date('2026-11-27T09:00:00Z'), new Date('2026-11-27T10:30:00Z'));
    expect(w.opensAt.toISOString()).toBe('2026-11-27T08:00:00.000Z');
    expect(w.closesAt.toISOString()).toBe('2026-11-27T16:00:00.000Z');
    // A session running past midnight can be checked in until it ends.
    const late = checkInWindow(new Date('2026-11-27T15:30:00Z'), new Date('2026-11-27T17:00:00Z'));
    expect(late.closesAt.toISOString()).toBe('2026-11-27T17:00:00.000Z');
    expect(chinaClock(new Date('2026-11-27T08:52:00Z'))).toBe('16:52');
  });

  it('ignores case, spaces and dashes in a typed code', () => {
    expect(normaliseCode(' abcd-efgh jk ')).toBe('ABCDEFGHJK');
  });
});

// Two app instances on ONE database stand for two server processes (SQLite: one temp file).
describe.each(DIALECTS)('deliberation check-in, attendance and proxy registration on %s', (dialect) => {
  let t: TestApp;
  let t2: TestApp;
  let http: ReturnType<typeof api>;
  let http2: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;
  const as = (user: { id: number }) => http.as(user);
  const resident = (name: string, gridId = area.gridA1, unitId = area.unitA1) =>
    createUser(t.ds, { role: 'resident', name, streetId: area.streetId, communityId: area.communityA, gridId, unitId, unitConfirmed: true, unitChosenAt: new Date() });

  beforeAll(async () => {
    ({ a: t, b: t2, httpA: http, httpB: http2, stop } = await startTwoApps(dialect, 'checkin'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(t.ds, http, http2);
  });

  const newSession = async (seats = 10) => createSessionVia(http, t.ds, await as(area.staffA), seats);
  const signUp = async (who: { id: number }, sessionId: number) => {
    const res = await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(who));
    if (res.status !== 201) throw new Error(`sign-up -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; status: string; checkInCode: string };
  };
  const checkIn = async (who: { id: number }, sessionId: number, body: Record<string, unknown>) =>
    http.post(`/api/deliberation/sessions/${sessionId}/check-in`, body, await as(who));
  const reg = (id: number) => t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { id });

  it('staff check a resident in by a typed code (any case, spaces); a second scan answers "already checked in at HH:MM" and counts once', async () => {
    const zhang = area.residentA1;
    const id = await newSession();
    const mine = await signUp(zhang, id);
    await placeSession(t.ds, id, 30);
    const typed = ` ${mine.checkInCode.slice(0, 5).toLowerCase()} ${mine.checkInCode.slice(5)} `;

    const first = await checkIn(area.staffA, id, { code: typed });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      alreadyCheckedIn: false, message: '张大姐 签到成功',
      attendee: { registrationId: mine.id, userId: zhang.id, name: '张大姐', status: 'confirmed', attendance: 'present', proxy: false, unitLabel: '1号楼 1单元' },
    });
    const at = first.body.attendee.checkedInAt as string;
    expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60_000);

    const again = await checkIn(area.workerA1, id, { code: mine.checkInCode });
    expect(again.status).toBe(200);
    expect(again.body.alreadyCheckedIn).toBe(true);
    expect(again.body.message).toBe(`张大姐 已于 ${chinaClock(new Date(at))} 签到过了，不重复计数`);
    expect(again.body.attendee.checkedInAt).toBe(at);
    const row = await reg(mine.id);
    expect(row.checkedInBy).toBe(area.staffA.id);
    expect(row.attendance).toBe('present');

    // The resident sees it on their own registration, and can no longer withdraw (the seat stays counted).
    const sessions = (await http.get('/api/deliberation/sessions', await as(zhang))).body as any[];
    expect(sessions.find((s) => s.id === id).mine).toMatchObject({ id: mine.id, checkedInAt: at });
    const leave = await http.post(`/api/deliberation/sessions/${id}/withdraw`, {}, await as(zhang));
    expect(leave.status).toBe(409);
    expect(leave.body.code).toBe('ALREADY_CHECKED_IN');
    expect((await reg(mine.id)).status).toBe('confirmed');
  });

  it('refuses unknown codes and codes of another community (404), another session of mine (409), waitlisted and cancelled registrations (409)', async () => {
    const id = await newSession(1);
    const later = (await t.ds.manager.query('SELECT id FROM deliberation_sessions WHERE id <> ? ORDER BY starts_at', [id]))[0].id as number;
    const first = await signUp(area.residentA1, id);
    const li = await resident('李大爷');
    const waiting = await signUp(li, id);
    expect(waiting.status).toBe('waitlisted');
    const chen = await resident('陈叔叔');
    const other = await signUp(chen, Number(later));
    const zhao = await resident('赵奶奶');
    await signUp(zhao, Number(later));
    const withdrawn = await http.post(`/api/deliberation/sessions/${later}/withdraw`, {}, await as(zhao));
    expect(withdrawn.body.status).toBe('cancelled');
    // Community B's own session and code.
    const idB = await createSessionVia(http, t.ds, await as(area.staffB));
    const codeB = (await signUp(area.residentB1, idB)).checkInCode;
    await placeSession(t.ds, id, 30);
    await placeSession(t.ds, Number(later), 30);

    const unknown = await checkIn(area.staffA, id, { code: 'ZZZZZZZZZZ' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CHECK_IN_CODE_NOT_FOUND');
    const foreign = await checkIn(area.staffA, id, { code: codeB });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('CHECK_IN_CODE_NOT_FOUND');
    const wrong = await checkIn(area.staffA, id, { code: other.checkInCode });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('CHECK_IN_WRONG_SESSION');
    expect(wrong.body.message).toMatch(/那场议事的签到码/);
    const w = await checkIn(area.staffA, id, { code: waiting.checkInCode });
    expect(w.status).toBe(409);
    expect(w.body).toMatchObject({ code: 'CHECK_IN_WAITLISTED', message: '这位居民还在候补名单上（第 1 位），没有座位，不能签到' });
    const zhaoCode = (await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { userId: zhao.id })).checkInCode;
    const c = await checkIn(area.staffA, Number(later), { code: zhaoCode });
    expect(c.status).toBe(409);
    expect(c.body.code).toBe('CHECK_IN_CANCELLED');
    // Staff of community B cannot reach A's session; residents cannot check in at all; bad bodies are 400.
    expect((await checkIn(area.staffB, id, { code: first.checkInCode })).body.code).toBe('SESSION_NOT_FOUND');
    expect((await checkIn(area.residentA1, id, { code: first.checkInCode })).status).toBe(403);
    expect((await checkIn(area.staffA, id, {})).body.code).toBe('VALIDATION_FAILED');
    expect((await checkIn(area.staffA, id, { code: first.checkInCode, registrationId: first.id })).status).toBe(400);
    const checked = await t.ds.manager.count(DeliberationRegistrationEntity, { where: { attendance: 'present' } });
    expect(checked).toBe(0);
  });

  it('check-in opens an hour before the start and is closed on a later day', async () => {
    const id = await newSession();
    const mine = await signUp(area.residentA1, id);
    await placeSession(t.ds, id, 120);
    const early = await checkIn(area.staffA, id, { code: mine.checkInCode });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CHECK_IN_NOT_OPEN');
    expect(early.body.message).toMatch(/^签到还没有开始，\d+月\d+日 \d\d:\d\d 起可以签到$/);
    await placeSession(t.ds, id, -2 * 24 * 60);
    const late = await checkIn(area.staffA, id, { code: mine.checkInCode });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CHECK_IN_CLOSED');
    expect((await reg(mine.id)).checkedInAt).toBeNull();
  });

  it('the attendance list shows confirmed residents with check-in state, proxy tag and counts; waitlisted only as a count', async () => {
    const id = await newSession(3);
    const people = [area.residentA1, await resident('李大爷'), await resident('陈叔叔'), await resident('赵奶奶')];
    const regs = [];
    for (const p of people) regs.push(await signUp(p, id));
    await placeSession(t.ds, id, 10);
    expect((await checkIn(area.workerA1, id, { registrationId: regs[1].id })).body.attendee.name).toBe('李大爷');

    const res = await http.get(`/api/deliberation/sessions/${id}/attendance`, await as(area.staffA));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sessionId: id, checkInOpen: true, absencesRecorded: false,
      counts: { confirmed: 3, present: 1, absent: 0, pending: 2, waitlisted: 1, proxy: 0 },
    });
    expect(res.body.attendees.map((a: any) => [a.name, a.checkedInAt !== null])).toEqual([['李大爷', true], expect.any(Array), expect.any(Array)]);
    expect(res.body.attendees.map((a: any) => a.name).sort()).toEqual(['张大姐', '李大爷', '陈叔叔'].sort());
    expect(res.body.attendees[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await http.get(`/api/deliberation/sessions/${id}/attendance`, await as(area.residentA1))).status).toBe(403);
    expect((await http.get(`/api/deliberation/sessions/${id}/attendance`, await as(area.staffB))).body.code).toBe('SESSION_NOT_FOUND');
  });

  it('a grid worker registers a resident of their grid without a phone and checks them in at once; tagged proxy, same seat rules', async () => {
    const id = await newSession(1);
    const elder = await createUser(t.ds, {
      role: 'resident', name: '孙奶奶', phone: null, streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1b, unitConfirmed: true,
    });
    const inGridA2 = await resident('周爷爷', area.gridA2, area.unitA2);
    await placeSession(t.ds, id, 20);
    const worker = await as(area.workerA1);

    const picked = await http.get(`/api/deliberation/sessions/${id}/proxy-candidates?q=${encodeURIComponent('孙')}`, worker);
    expect(picked.body.items).toEqual([{ userId: elder.id, name: '孙奶奶', unitLabel: '1号楼 2单元', phoneMasked: null, registration: null }]);
    // The grid worker sees only their grid; community staff see the whole community.
    const all = await http.get(`/api/deliberation/sessions/${id}/proxy-candidates`, worker);
    expect(all.body.items.map((c: any) => c.userId)).not.toContain(inGridA2.id);
    const staffView = await http.get(`/api/deliberation/sessions/${id}/proxy-candidates`, await as(area.staffA));
    expect(staffView.body.items.map((c: any) => c.userId)).toContain(inGridA2.id);

    const res = await http.post(`/api/deliberation/sessions/${id}/proxy-registrations`, { userId: elder.id }, worker);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      checkedIn: true, waitlistPosition: null, message: '已为 孙奶奶 报名并签到',
      attendee: { userId: elder.id, status: 'confirmed', seatKind: 'open', proxy: true, proxyByName: '甲网格员', attendance: 'present' },
    });
    const row = await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { userId: elder.id });
    expect(row.proxyBy).toBe(area.workerA1.id);
    expect(row.checkedInBy).toBe(area.workerA1.id);

    // The only seat is taken: the next one goes to the waiting list exactly as a self sign-up would.
    const second = await http.post(`/api/deliberation/sessions/${id}/proxy-registrations`, { userId: area.residentA1.id }, worker);
    expect(second.body).toMatchObject({ checkedIn: false, waitlistPosition: 1, message: '座位已满，张大姐 已进入候补第 1 位', attendee: { status: 'waitlisted', proxy: true } });
    const twice = await http.post(`/api/deliberation/sessions/${id}/proxy-registrations`, { userId: elder.id }, worker);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_REGISTERED');
    const outside = await http.post(`/api/deliberation/sessions/${id}/proxy-registrations`, { userId: inGridA2.id }, worker);
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe('RESIDENT_NOT_FOUND');
    const b = await http.post(`/api/deliberation/sessions/${id}/proxy-registrations`, { userId: area.residentB1.id }, await as(area.staffA));
    expect(b.body.code).toBe('RESIDENT_NOT_FOUND');
    const att = await http.get(`/api/deliberation/sessions/${id}/attendance`, worker);
    expect(att.body.counts).toMatchObject({ confirmed: 1, present: 1, waitlisted: 1, proxy: 1 });
  });

  it('a proxy registration without check-in keeps the resident pending; staff check them in from the list', async () => {
    const id = await newSession();
    const elder = await resident('吴阿婆');
    await placeSession(t.ds, id, 20);
    const res = await http.post(`/api/deliberation/sessions/${id}/proxy-registrations`, { userId: elder.id, checkIn: false }, await as(area.staffA));
    expect(res.body).toMatchObject({ checkedIn: false, message: '已为 吴阿婆 报名', attendee: { proxy: true, proxyByName: '甲社区干部', checkedInAt: null } });
    const done = await checkIn(area.staffA, id, { registrationId: res.body.attendee.registrationId });
    expect(done.body.alreadyCheckedIn).toBe(false);
  });

  it('no-shows are recorded after the session ends by the scheduled job, once even when two processes run it', async () => {
    const id = await newSession();
    const people = [area.residentA1, await resident('李大爷'), await resident('陈叔叔')];
    const regs = [];
    for (const p of people) regs.push(await signUp(p, id));
    await placeSession(t.ds, id, 10);
    await checkIn(area.staffA, id, { code: regs[0].checkInCode });
    // The session ended a minute ago.
    await placeSession(t.ds, id, -91);
    const now = new Date();
    const outcomes = await Promise.all([t, t2].map((app) => app.app.get(SchedulerService).runOnce({
      name: 'deliberation.absences', everyMs: 600_000, run: (at) => app.app.get(DeliberationCheckinJobs).recordAbsences(at),
    }, now)));
    expect(outcomes.sort()).toEqual(['ran', 'skipped']);
    const run = await t.ds.manager.findOneByOrFail(JobRunEntity, { jobName: 'deliberation.absences' });
    expect(run.detail).toBe('marked 2 absent');
    // Running again changes nothing.
    expect(await t2.app.get(DeliberationCheckinJobs).recordAbsences(new Date())).toBe('marked 0 absent');
    expect((await reg(regs[0].id)).attendance).toBe('present');
    expect((await reg(regs[1].id)).attendance).toBe('absent');
    const att = await http.get(`/api/deliberation/sessions/${id}/attendance`, await as(area.staffA));
    expect(att.body).toMatchObject({ absencesRecorded: true, counts: { confirmed: 3, present: 1, absent: 2, pending: 0 } });
    expect(att.body.attendees.filter((a: any) => a.attendance === 'absent').map((a: any) => a.name).sort()).toEqual(['李大爷', '陈叔叔'].sort());
  });

  it('the same code scanned 20 times at once by two processes checks in once', async () => {
    const id = await newSession();
    const mine = await signUp(area.residentA1, id);
    await placeSession(t.ds, id, 5);
    const tokens = [await http.as(area.staffA), await http2.as(area.workerA1)];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? http2 : http).post(`/api/deliberation/sessions/${id}/check-in`, { code: mine.checkInCode }, tokens[i % 2])));
    expect([...new Set(answers.map((r) => r.status))]).toEqual([200]);
    expect(answers.filter((r) => r.body.alreadyCheckedIn === false)).toHaveLength(1);
    const times = new Set(answers.map((r) => r.body.attendee.checkedInAt));
    expect(times.size).toBe(1);
    const att = await http.get(`/api/deliberation/sessions/${id}/attendance`, tokens[0]);
    expect(att.body.counts.present).toBe(1);
  });
});
