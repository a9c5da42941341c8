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

  const overdueNotices = (userId: number) => a.ds.manager.count(NotificationEntity, { where: { userId, type: 'concern.accept_overdue' } });

  /** A concern by `residentId`, backdated to `ageMs` ago. */
  const concernAged = async (residentId: number, ageMs: number): Promise<number> => {
    const res = await http.post('/api/concerns', { category: 'leak', text: '楼道漏水' }, await http.login(residentId));
    expect(res.status).toBe(201);
    await a.ds.manager.update(ConcernEntity, { id: res.body.id }, { createdAt: new Date(Date.now() - ageMs) });
    return res.body.id;
  };

  it('two instances running the same slot concurrently: every job runs once (one “ran”, one “skipped”), one job_runs row each', async () => {
    await concernAged(area.residentA1.id, 25 * HOUR);
    const now = new Date();
    const [ra, rb] = await Promise.all([a.app.get(SchedulerService).runDue(now), b.app.get(SchedulerService).runDue(now)]);
    const jobs = a.app.get(SchedulerService).registered();
    expect(jobs).toEqual(expect.arrayContaining(['idempotency.purge', 'concerns.accept-overdue']));
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

  it('accept-overdue reminds the holder of a concern submitted over 24 h ago exactly once, even when a later slot runs again', async () => {
    const overdue = await concernAged(area.residentA1.id, 25 * HOUR);
    await concernAged(area.residentA1.id, 23 * HOUR);
    const scheduler = a.app.get(SchedulerService);
    const now = new Date();

    expect((await scheduler.runDue(now))['concerns.accept-overdue']).toBe('ran');
    const notices = await a.ds.manager.find(NotificationEntity, { where: { type: 'concern.accept_overdue' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: area.workerA1.id, link: `/packages/concerns/detail/index?id=${overdue}` });
    expect(await a.ds.manager.findOneBy(JobRunEntity, { jobName: 'concerns.accept-overdue' })).toMatchObject({ outcome: 'ok', detail: 'reminded 1' });

    expect((await scheduler.runDue(new Date(now.getTime() + 15 * MINUTE)))['concerns.accept-overdue']).toBe('ran');
    expect(await overdueNotices(area.workerA1.id)).toBe(1);
    expect(await a.ds.manager.count(JobRunEntity, { where: { jobName: 'concerns.accept-overdue' } })).toBe(2);
  });

  it('accept-overdue skips accepted concerns', async () => {
    const id = await concernAged(area.residentA1.id, 30 * HOUR);
    expect((await http.post(`/api/concerns/${id}/accept`, {}, await http.login(area.workerA1.id))).status).toBe(200);
    await a.app.get(SchedulerService).runDue(new Date());
    expect(await a.ds.manager.count(NotificationEntity, { where: { type: 'concern.accept_overdue' } })).toBe(0);
  });

  it('an overdue concern in a grid without a worker reminds the community staff', async () => {
    await concernAged(area.residentA2.id, 25 * HOUR);
    await a.app.get(SchedulerService).runDue(new Date());
    expect(await overdueNotices(area.staffA.id)).toBe(1);
    expect(await overdueNotices(area.staffB.id)).toBe(0);
    expect(await a.ds.manager.count(NotificationEntity, { where: { type: 'concern.accept_overdue' } })).toBe(1);
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
