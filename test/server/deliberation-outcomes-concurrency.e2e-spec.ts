import { DIALECTS, type TestApp } from './support/test-app';
import type { api, Res } from './support/http';
import { startTwoApps } from './support/two-apps';
import { freshArea } from './support/deliberation-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import {
  DeliberationMinutesEntity, DeliberationReminderEntity, DeliberationResolutionEventEntity, DeliberationResolutionFollowEntity,
} from '../../server/src/modules/deliberation/deliberation-outcomes.entities';
import { DeliberationReminderJobs } from '../../server/src/modules/deliberation/deliberation-reminders.jobs';
import { reminderWindow } from '../../server/src/modules/deliberation/deliberation-reminders.time';
import { outcomeFixtures } from './deliberation-outcomes.fixtures';

// Two app instances on ONE database stand for two server processes (SQLite: one temp file).
describe.each(DIALECTS)('deliberation outcomes under concurrency on %s', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let httpA: ReturnType<typeof api>;
  let httpB: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;
  const f = outcomeFixtures(() => ({ ds: a.ds, http: httpA, area }));

  beforeAll(async () => {
    ({ a, b, httpA, httpB, stop } = await startTwoApps(dialect, 'outcomes_cc'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(a.ds, httpA, httpB);
  });

  const codes = (answers: Res[]) => answers.map((r) => `${r.status}${r.body?.code ? ` ${r.body.code}` : ''}`).sort();

  it('two staff change the same resolution at once: one wins, the other gets 409, the history has exactly one entry for the change', async () => {
    const colleague = await createUser(a.ds, { role: 'community_staff', name: '甲社区另一位干部', streetId: area.streetId, communityId: area.communityA });
    const sessionId = await f.upcomingSession(area.staffA);
    await f.holdSession(sessionId);
    const tokens = [await httpA.as(area.staffA), await httpB.as(colleague)];
    for (let round = 0; round < 5; round++) {
      const r = await f.resolve(area.staffA, sessionId, { text: `决议${round}` });
      const answers = await Promise.all([
        httpA.post(`/api/deliberation/resolutions/${r.id}/status`, { to: 'in_progress', version: 1 }, tokens[0]),
        httpB.post(`/api/deliberation/resolutions/${r.id}/status`, { to: 'done', version: 1 }, tokens[1]),
      ]);
      expect(codes(answers)).toEqual(['200', '409 RESOLUTION_STATE_CONFLICT']);
      const winner = answers.find((x) => x.status === 200)!.body;
      const loser = answers.find((x) => x.status === 409)!.body;
      expect(loser.current).toMatchObject({ id: r.id, version: 2, status: winner.status });
      const events = await a.ds.manager.find(DeliberationResolutionEventEntity, { where: { resolutionId: r.id, kind: 'status' } });
      expect(events).toHaveLength(1);
      expect(events[0].toStatus).toBe(winner.status);
    }
  });

  it('ten changes of one resolution at once, through two processes: exactly one applies', async () => {
    const sessionId = await f.upcomingSession(area.staffA);
    await f.holdSession(sessionId);
    const r = await f.resolve(area.staffA, sessionId, { text: '修路灯' });
    const token = await httpA.as(area.staffA);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? httpB : httpA).post(`/api/deliberation/resolutions/${r.id}/status`, { to: 'escalated', version: 1, note: `第${i}次` }, token)),
    );
    expect(answers.filter((x) => x.status === 200)).toHaveLength(1);
    expect(answers.filter((x) => x.status === 409 && x.body.code === 'RESOLUTION_STATE_CONFLICT')).toHaveLength(9);
    expect(await a.ds.manager.count(DeliberationResolutionEventEntity, { where: { resolutionId: r.id, kind: 'status' } })).toBe(1);
    // The street is told once.
    expect(await a.ds.manager.count(NotificationEntity, { where: { userId: area.streetAdmin.id, type: 'deliberation.resolution_escalated' } })).toBe(1);
  });

  it('minutes recorded twice at once: one is kept, the other is 409; following twice at once: one follow', async () => {
    const sessionId = await f.upcomingSession(area.staffA);
    await f.holdSession(sessionId);
    const token = await httpA.as(area.staffA);
    const url = `/api/deliberation/sessions/${sessionId}/minutes`;
    const answers = await Promise.all([httpA.post(url, { text: '甲' }, token), httpB.post(url, { text: '乙' }, token), httpA.post(url, { text: '丙' }, token)]);
    expect(codes(answers)).toEqual(['201', '409 MINUTES_ALREADY_RECORDED', '409 MINUTES_ALREADY_RECORDED']);
    expect(await a.ds.manager.count(DeliberationMinutesEntity, { where: { sessionId } })).toBe(1);

    const r = await f.resolve(area.staffA, sessionId, { text: '装监控' });
    const resident = await httpA.as(area.residentA1);
    const follows = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? httpB : httpA).post(`/api/deliberation/resolutions/${r.id}/follow`, {}, resident)));
    expect(follows.every((x) => x.status === 200 && x.body.following === true)).toBe(true);
    expect(await a.ds.manager.count(DeliberationResolutionFollowEntity, { where: { resolutionId: r.id } })).toBe(1);
  });

  it('the reminder job run by two processes at once: every confirmed registrant is reminded once', async () => {
    const sessionId = await f.upcomingSession(area.staffA);
    const people = [area.residentA1, area.residentA2];
    for (let i = 0; i < 6; i++) people.push(await f.residentOf(area.communityA, `居民${i}`));
    for (const p of people) await f.signUp(p, sessionId);
    const session = await a.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id: sessionId });
    const now = new Date(reminderWindow('day_before', new Date(session.startsAt)).from.getTime() + 60_000);
    const jobs = [a.app.get(DeliberationReminderJobs), b.app.get(DeliberationReminderJobs)];
    const results = await Promise.all([jobs[0].sendDue(now), jobs[1].sendDue(now), jobs[0].sendDue(now), jobs[1].sendDue(now)]);
    expect(results.reduce((sum, r) => sum + Number(/^sent (\d+)$/.exec(r)![1]), 0)).toBe(8);
    expect(await a.ds.manager.count(DeliberationReminderEntity, { where: { sessionId } })).toBe(8);
    for (const p of people) {
      expect(await a.ds.manager.count(NotificationEntity, { where: { userId: p.id, type: 'deliberation.reminder_day_before' } })).toBe(1);
    }
  });
});
