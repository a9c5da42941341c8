import { loadConfig } from '../../server/src/config/app-config';
import { DIALECTS, startTestApp, truncateAll, type TestApp } from './support/test-app';
import { api, type Res } from './support/http';
import { databaseUrlOf, ownConfig, tempDir, testEnv } from './support/own-database';
import { buildUser, createArea, type TestArea } from '../factories/org.factory';
import { TokenService } from '../../server/src/common/auth/token.service';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { JobRunEntity } from '../../server/src/modules/scheduler/job-run.entity';
import { SchedulerService } from '../../server/src/modules/scheduler/scheduler.service';
import {
  DeliberationRegistrationEntity, DeliberationSeriesEntity, DeliberationSessionEntity,
} from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationJobs } from '../../server/src/modules/deliberation/deliberation.jobs';

// Two app instances on ONE database stand for two server processes (SQLite: one temp file, WAL).
describe.each(DIALECTS)('deliberation under concurrency on %s', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  const tmp = tempDir('deliberation');

  beforeAll(async () => {
    a = await startTestApp(await ownConfig(dialect, 'delib', {}, tmp.file('linli.sqlite')));
    b = await startTestApp(loadConfig(testEnv(databaseUrlOf(a.config))));
    http = api(a.app);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    tmp.remove();
  });
  beforeEach(async () => {
    await truncateAll(a.ds);
    area = await createArea(a.ds);
  });

  /** `n` residents of community A, with tokens (minted directly: logging in is not what is tested). */
  const residents = async (n: number): Promise<{ id: number; token: string }[]> => {
    const values = Array.from({ length: n }, () => buildUser({
      role: 'resident', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date(),
    }));
    for (let i = 0; i < n; i += 200) await a.ds.manager.insert(UserEntity, values.slice(i, i + 200));
    const users = await a.ds.manager.find(UserEntity, { where: { role: 'resident', communityId: area.communityA, gridId: area.gridA1 }, order: { id: 'ASC' } });
    const tokens = a.app.get(TokenService);
    return users.filter((u) => u.id !== area.residentA1.id).slice(0, n).map((u) => ({ id: u.id, token: tokens.issue(u.id, 'resident').token }));
  };

  /** A session of 30 seats, 5 reserved for representatives, registration open. */
  const session = async (): Promise<number> => {
    const res = await http.post('/api/deliberation/series', {
      name: '周五议事亭', place: '小区凉亭', weekday: 5, time: '17:00', durationMinutes: 90, seats: 30, reservedSeats: 5, opensDaysBefore: 30, closesHoursBefore: 0,
    }, await http.login(area.staffA.id));
    expect(res.status).toBe(201);
    const first = await a.ds.manager.findOneOrFail(DeliberationSessionEntity, { where: { seriesId: res.body.id }, order: { startsAt: 'ASC' } });
    return first.id;
  };
  const signUp = (sessionId: number, token: string) => http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, token);
  const withdraw = (sessionId: number, token: string) => http.post(`/api/deliberation/sessions/${sessionId}/withdraw`, {}, token);
  const registrations = (sessionId: number) => a.ds.manager.find(DeliberationRegistrationEntity, { where: { sessionId }, order: { id: 'ASC' } });
  const statuses = (answers: Res[]) => [...new Set(answers.map((r) => r.status))];

  it('1,000 concurrent sign-ups for 30 seats (5 reserved): exactly 25 confirmed, 975 waiting with tickets 1..975 in arrival order, no 5xx, no duplicates', async () => {
    const people = await residents(1000);
    const id = await session();
    const answers = await Promise.all(people.map((p) => signUp(id, p.token)));
    expect(statuses(answers)).toEqual([201]);
    // Everyone trying again at once: each is refused, nothing is added.
    const again = await Promise.all(people.slice(0, 50).map((p) => signUp(id, p.token)));
    expect(again.every((r) => r.status === 409 && r.body.code === 'ALREADY_REGISTERED')).toBe(true);

    const regs = await registrations(id);
    expect(regs).toHaveLength(1000);
    expect(new Set(regs.map((r) => r.userId)).size).toBe(1000);
    expect(new Set(regs.map((r) => r.checkInCode)).size).toBe(1000);
    const confirmed = regs.filter((r) => r.status === 'confirmed');
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    expect(confirmed).toHaveLength(25);
    expect(confirmed.every((r) => r.seatKind === 'open')).toBe(true);
    expect(waiting).toHaveLength(975);
    // Arrival order: rows were written one after another; their tickets follow that order without gaps or repeats.
    expect(waiting.map((r) => r.waitlistNo)).toEqual(Array.from({ length: 975 }, (_, i) => i + 1));
    expect(Math.max(...confirmed.map((r) => r.id))).toBeLessThan(Math.min(...waiting.map((r) => r.id)));
    // Each answer told its resident what the database holds.
    const byUser = new Map(regs.map((r) => [r.userId, r]));
    // Nobody left the list meanwhile, so each waiting resident's place on it is their ticket.
    answers.forEach((res, i) => {
      const reg = byUser.get(people[i].id)!;
      expect(res.body).toMatchObject({ status: reg.status, waitlistNo: reg.waitlistNo, waitlistPosition: reg.status === 'waitlisted' ? reg.waitlistNo : null });
    });
    const s = await a.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id });
    expect(s).toMatchObject({ taken: 25, capacity: 25, reservedTaken: 0, reservedCapacity: 5, waitlistSeq: 975, waitlistCount: 975 });
  }, 120_000);

  it('concurrent cancellations and sign-ups: never more confirmed than seats, each cancellation promotes exactly one — the first waiting', async () => {
    const people = await residents(105);
    const id = await session();
    // 25 confirmed and 50 waiting (tickets 1..50), in that order.
    for (const p of people.slice(0, 25)) expect((await signUp(id, p.token)).body.status).toBe('confirmed');
    for (const p of people.slice(25, 75)) expect((await signUp(id, p.token)).body.status).toBe('waitlisted');

    const leaving = people.slice(0, 20);
    const arriving = people.slice(75, 105);
    const answers = await Promise.all([...leaving.map((p) => withdraw(id, p.token)), ...arriving.map((p) => signUp(id, p.token))]);
    expect(answers.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(answers.slice(20).map((r) => r.status)).toEqual(Array(30).fill(201));

    const regs = await registrations(id);
    const confirmed = regs.filter((r) => r.status === 'confirmed');
    expect(confirmed).toHaveLength(25);
    expect(regs.filter((r) => r.status === 'cancelled').map((r) => r.userId).sort()).toEqual(leaving.map((p) => p.id).sort());
    // The promoted are exactly tickets 1..20 (the first waiting), each told once.
    const promoted = people.slice(25, 45).map((p) => p.id);
    expect(confirmed.filter((r) => r.waitlistNo !== null).map((r) => r.userId).sort()).toEqual([...promoted].sort());
    const notices = await a.ds.manager.find(NotificationEntity, { where: { type: 'deliberation.promoted' } });
    expect(notices.map((n) => n.userId).sort()).toEqual([...promoted].sort());
    // Newcomers all queued behind, tickets 51..80.
    expect(regs.filter((r) => arriving.some((p) => p.id === r.userId)).map((r) => r.waitlistNo).sort((x, y) => x! - y!)).toEqual(
      Array.from({ length: 30 }, (_, i) => 51 + i),
    );
    // The session's waiting count follows every promotion, withdrawal and new ticket: 50 - 20 promoted + 30 new.
    expect(regs.filter((r) => r.status === 'waitlisted')).toHaveLength(60);
    expect(await a.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id })).toMatchObject({ taken: 25, waitlistCount: 60 });

    // Everyone confirmed leaves at once: each seat is handed to one waiting resident, never over-counted.
    const stillConfirmed = confirmed.map((r) => people.find((p) => p.id === r.userId)!);
    const out = await Promise.all(stillConfirmed.map((p) => withdraw(id, p.token)));
    expect(statuses(out)).toEqual([200]);
    const after = await registrations(id);
    const nowConfirmed = after.filter((r) => r.status === 'confirmed').length;
    const s = await a.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id });
    expect(nowConfirmed).toBe(25);
    expect(s.taken).toBe(25);
    expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(60 - 25);
    expect(s.waitlistCount).toBe(60 - 25);

    // Then everyone left leaves at once and the waiting list runs dry: seats are released, the count returns to 0.
    const remaining = after.filter((r) => r.status !== 'cancelled').map((r) => people.find((p) => p.id === r.userId)!);
    expect(remaining).toHaveLength(60);
    expect(statuses(await Promise.all(remaining.map((p) => withdraw(id, p.token))))).toEqual([200]);
    expect(await a.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id })).toMatchObject({ taken: 0, reservedTaken: 0, waitlistCount: 0 });
    expect(await a.ds.manager.count(DeliberationRegistrationEntity, { where: { sessionId: id, status: 'cancelled' } })).toBe(105);
  }, 120_000);

  it('the session job run by two instances at once creates each session once', async () => {
    const now = new Date();
    const base = { streetId: area.streetId, name: '议事', place: '凉亭', time: '17:00', durationMinutes: 60, seats: 10, reservedSeats: 2, opensDaysBefore: 3, closesHoursBefore: 2, active: true, createdBy: area.staffA.id, createdAt: now };
    await a.ds.manager.insert(DeliberationSeriesEntity, [
      { ...base, communityId: area.communityA, weekday: 5 },
      { ...base, communityId: area.communityB, weekday: 1, time: '19:30' },
    ]);
    const jobs = [a.app.get(DeliberationJobs), b.app.get(DeliberationJobs)];
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => jobs[i % 2].ensureSessions(now)));
    const created = outcomes.reduce((sum, o) => sum + Number(o.replace('created ', '')), 0);
    expect(created).toBe(8);
    const rows = await a.ds.manager.find(DeliberationSessionEntity);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => `${r.seriesId}:${new Date(r.slotAt).toISOString()}`)).size).toBe(8);

    // Through the scheduler: one instance runs the slot, the other skips it; a later run finds nothing to add.
    const later = new Date(now.getTime() + 3600_000);
    const [ra, rb] = await Promise.all([a.app.get(SchedulerService).runDue(later), b.app.get(SchedulerService).runDue(later)]);
    expect([ra['deliberation.sessions'], rb['deliberation.sessions']].sort()).toEqual(['ran', 'skipped']);
    expect((await a.ds.manager.findOneByOrFail(JobRunEntity, { jobName: 'deliberation.sessions' })).detail).toBe('created 0');
    expect(await a.ds.manager.count(DeliberationSessionEntity)).toBe(8);
  });
});
