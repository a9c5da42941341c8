import { loadConfig } from '../../server/src/config/app-config';
import { DIALECTS, startTestApp, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { databaseUrlOf, ownConfig, tempDir, testEnv } from './support/own-database';
import { createArea, type TestArea } from '../factories/org.factory';
import { ConcernEntity } from '../../server/src/modules/concerns/concern.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { JobRunEntity } from '../../server/src/modules/scheduler/job-run.entity';
import { SchedulerService } from '../../server/src/modules/scheduler/scheduler.service';

const HOUR = 3600_000;
const MINUTE = 60_000;

// Two app instances on ONE database stand for two server processes (SQLite: one temp file).
describe.each(DIALECTS)('scheduler on %s', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  const tmp = tempDir('scheduler');

  beforeAll(async () => {
    a = await startTestApp(await ownConfig(dialect, 'sched', {}, tmp.file('linli.sqlite')));
    // The second instance joins the first one's database (no fresh database, migrations already applied).
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

  const overdueNotices = (userId: number) => a.ds.manager.count(NotificationEntity, { where: { userId, type: 'concern.auto_escalated' } });

  /** A concern by `residentId`, backdated to `ageMs` ago. */
  const concernAged = async (residentId: number, ageMs: number): Promise<number> => {
    const res = await http.post('/api/concerns', { category: 'leak', text: '楼道漏水' }, await http.login(residentId));
    expect(res.status).toBe(201);
    const at = new Date(Date.now() - ageMs);
    // Submitted `ageMs` ago: its accept deadline was 24 h after that.
    await a.ds.manager.update(ConcernEntity, { id: res.body.id }, { createdAt: at, stageStartedAt: at, stageDeadlineAt: new Date(at.getTime() + 24 * HOUR) });
    return res.body.id;
  };

  it('two instances running the same slot concurrently: every job runs once (one “ran”, one “skipped”), one job_runs row each', async () => {
    await concernAged(area.residentA1.id, 25 * HOUR);
    const now = new Date();
    const [ra, rb] = await Promise.all([a.app.get(SchedulerService).runDue(now), b.app.get(SchedulerService).runDue(now)]);
    const jobs = a.app.get(SchedulerService).registered();
    expect(jobs).toEqual(expect.arrayContaining(['idempotency.purge', 'concerns.overdue', 'concerns.auto-close']));
    expect(b.app.get(SchedulerService).registered().sort()).toEqual([...jobs].sort());
    for (const job of jobs) expect([ra[job], rb[job]].sort()).toEqual(['ran', 'skipped']);

    const runs = await a.ds.manager.find(JobRunEntity);
    expect(runs.map((r) => r.jobName).sort()).toEqual([...jobs].sort());
    expect(runs.every((r) => r.outcome === 'ok' && r.finishedAt !== null)).toBe(true);
    // The job's effect happened once: one reminder, not two.
    expect(await overdueNotices(area.workerA1.id)).toBe(1);

    // The same slot again (either instance) runs nothing.
    expect(Object.values(await b.app.get(SchedulerService).runDue(new Date(now.getTime() + 1000)))).toEqual(jobs.map(() => 'skipped'));
    expect(await a.ds.manager.count(JobRunEntity)).toBe(jobs.length);
  });

  it('concerns.overdue escalates a concern not accepted within 24 h to the community and tells its holder/first owner, the community and the resident — exactly once, even when a later slot runs again', async () => {
    const overdue = await concernAged(area.residentA1.id, 30 * HOUR);
    const fresh = await concernAged(area.residentA1.id, 1 * HOUR);
    const scheduler = a.app.get(SchedulerService);
    const now = new Date();
    expect((await scheduler.runDue(now))['concerns.overdue']).toBe('ran');
    expect(await a.ds.manager.findOneByOrFail(ConcernEntity, { id: overdue })).toMatchObject({ status: 'escalated', holderLevel: 'community', holderId: null, version: 2 });
    expect(await a.ds.manager.findOneByOrFail(ConcernEntity, { id: fresh })).toMatchObject({ status: 'submitted', holderLevel: 'grid', version: 1 });
    expect(await overdueNotices(area.workerA1.id)).toBe(1); // holder and first owner: one notice
    expect(await overdueNotices(area.staffA.id)).toBe(1);
    expect(await overdueNotices(area.residentA1.id)).toBe(1);
    expect(await overdueNotices(area.staffB.id)).toBe(0);
    expect(await a.ds.manager.findOneBy(JobRunEntity, { jobName: 'concerns.overdue' })).toMatchObject({ outcome: 'ok', detail: 'escalated 1, reminded 0' });

    expect((await scheduler.runDue(new Date(now.getTime() + 15 * MINUTE)))['concerns.overdue']).toBe('ran');
    expect(await overdueNotices(area.workerA1.id)).toBe(1);
    expect(await overdueNotices(area.staffA.id)).toBe(1);
    expect(await a.ds.manager.findOneByOrFail(ConcernEntity, { id: overdue })).toMatchObject({ holderLevel: 'community', version: 2 });
    expect(await a.ds.manager.count(JobRunEntity, { where: { jobName: 'concerns.overdue' } })).toBe(2);
    const timeline = (await http.get(`/api/concerns/${overdue}`, await http.login(area.residentA1.id))).body.timeline;
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['submitted', 'auto_escalated']);
    expect(timeline[1]).toMatchObject({ actorName: '系统', toLevel: 'community' });
  });

  it('an accepted concern is not overdue before its category’s resolve hours pass', async () => {
    const id = await concernAged(area.residentA1.id, 30 * HOUR);
    expect((await http.post(`/api/concerns/${id}/accept`, {}, await http.login(area.workerA1.id))).status).toBe(200);
    await a.app.get(SchedulerService).runDue(new Date());
    expect(await a.ds.manager.count(NotificationEntity, { where: { type: 'concern.auto_escalated' } })).toBe(0);
    expect(await a.ds.manager.findOneByOrFail(ConcernEntity, { id })).toMatchObject({ status: 'accepted', holderLevel: 'grid' });
  });

  it('an overdue concern in the community queue (grid without a worker) goes to the street; the community staff and the street admin hear of it', async () => {
    await concernAged(area.residentA2.id, 25 * HOUR);
    await a.app.get(SchedulerService).runDue(new Date());
    expect(await overdueNotices(area.staffA.id)).toBe(1);
    expect(await overdueNotices(area.streetAdmin.id)).toBe(1);
    expect(await overdueNotices(area.staffB.id)).toBe(0);
  });

  it('a failing job is recorded as “failed” with its message and does not throw; its slot is not run again', async () => {
    const scheduler = a.app.get(SchedulerService);
    const job = { name: 'test.always-fails', everyMs: HOUR, run: async () => { throw new Error('disk full'); } };
    const now = new Date();
    await expect(scheduler.runOnce(job, now)).resolves.toBe('failed');
    expect(await a.ds.manager.findOneBy(JobRunEntity, { jobName: 'test.always-fails' })).toMatchObject({ outcome: 'failed', detail: 'disk full', finishedAt: expect.any(Date) });
    await expect(b.app.get(SchedulerService).runOnce(job, now)).resolves.toBe('skipped');
  });
});
