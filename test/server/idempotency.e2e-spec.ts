import { DIALECTS, startTestApp, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { ownConfig } from './support/own-database';
import { createArea, type TestArea } from '../factories/org.factory';
import { ConcernEntity } from '../../server/src/modules/concerns/concern.entity';
import { DomainEvents } from '../../server/src/common/events/domain-events';
import { IdempotencyKeyEntity } from '../../server/src/common/idempotency/idempotency-key.entity';
import { IdempotencyService } from '../../server/src/common/idempotency/idempotency.service';
import { SchedulerService } from '../../server/src/modules/scheduler/scheduler.service';
import { JobRunEntity } from '../../server/src/modules/scheduler/job-run.entity';

const HOUR = 3600_000;

describe.each(DIALECTS)('Idempotency-Key on POST /api/concerns on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  /** When set, the next concern.submitted handler throws inside the create transaction. */
  let failNextSubmit = false;

  const submit = (token: string, key: string, body: object = { category: 'leak', text: '楼上漏水' }) =>
    http.post('/api/concerns', body, token, { 'idempotency-key': key });

  beforeAll(async () => {
    t = await startTestApp(await ownConfig(dialect, 'idem'));
    http = api(t.app);
    t.app.get(DomainEvents).on('concern.submitted', async () => {
      if (!failNextSubmit) return;
      failNextSubmit = false;
      throw new Error('simulated crash inside the create transaction');
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    failNextSubmit = false;
    await truncateAll(t.ds);
    area = await createArea(t.ds);
  });

  it('a retry with the same key and body gets the first answer (same id, idempotent-replayed: true) and creates nothing', async () => {
    const token = await http.login(area.residentA1.id);
    const first = await submit(token, 'retry-key-0001');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    const retry = await submit(token, 'retry-key-0001', { text: '楼上漏水', category: 'leak' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
    expect((await http.get('/api/concerns/mine', token)).body.items).toHaveLength(1);
  });

  it('the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED and creates nothing', async () => {
    const token = await http.login(area.residentA1.id);
    expect((await submit(token, 'reused-key-001')).status).toBe(201);
    const other = await submit(token, 'reused-key-001', { category: 'leak', text: '另一件事' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', requestId: expect.any(String) });
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
  });

  it('keys belong to one user: another resident using the same key string gets their own concern', async () => {
    const a = await submit(await http.login(area.residentA1.id), 'shared-key-001');
    const b = await submit(await http.login(area.residentB1.id), 'shared-key-001');
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBe('false');
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.placeLabel).toBe('乙社区 1号楼 1单元');
    expect(await t.ds.manager.count(ConcernEntity)).toBe(2);
  });

  it('100 concurrent retries with one key store ONE concern; every answer is 201 with its id or 409 IDEMPOTENCY_KEY_IN_FLIGHT', async () => {
    const token = await http.login(area.residentA1.id);
    const answers = await Promise.all(Array.from({ length: 100 }, () => submit(token, 'burst-key-0001')));
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
    const [stored] = await t.ds.manager.find(ConcernEntity);
    for (const a of answers) {
      if (a.status === 201) expect(a.body.id).toBe(stored.id);
      else expect([a.status, a.body.code]).toEqual([409, 'IDEMPOTENCY_KEY_IN_FLIGHT']);
    }
    expect(answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] === 'false')).toHaveLength(1);
    // Once the first request has finished, a retry is answered from the stored response.
    const later = await submit(token, 'burst-key-0001');
    expect([later.status, later.body.id, later.headers['idempotent-replayed']]).toEqual([201, stored.id, 'true']);
  });

  it('a create rejected before any work (no unit, 422) does not hold the key: the retry after choosing a unit succeeds', async () => {
    const token = await http.login(area.residentNoUnit.id);
    const refused = await submit(token, 'no-unit-key-01');
    expect([refused.status, refused.body.code]).toEqual([422, 'UNIT_REQUIRED']);
    expect((await http.put('/api/me/unit', { unitId: area.unitA1 }, token)).status).toBe(200);
    const retry = await submit(token, 'no-unit-key-01');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('false');
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
  });

  it('a create that fails inside its transaction frees the key: nothing is stored and the retry creates the concern', async () => {
    const token = await http.login(area.residentA1.id);
    failNextSubmit = true;
    const failed = await submit(token, 'crash-key-0001');
    expect([failed.status, failed.body.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect(await t.ds.manager.count(ConcernEntity)).toBe(0);
    expect(await t.ds.manager.count(IdempotencyKeyEntity)).toBe(0);
    const retry = await submit(token, 'crash-key-0001');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('false');
    expect(await t.ds.manager.count(ConcernEntity)).toBe(1);
  });

  it('purgeOlderThan removes keys older than the cutoff and keeps newer ones; a purged key can be used afresh', async () => {
    const token = await http.login(area.residentA1.id);
    const old = await submit(token, 'old-key-00001');
    await submit(token, 'new-key-00001');
    await t.ds.manager.update(IdempotencyKeyEntity, { idemKey: 'old-key-00001' }, { createdAt: new Date(Date.now() - 25 * HOUR) });

    expect(await t.app.get(IdempotencyService).purgeOlderThan(new Date(Date.now() - 24 * HOUR))).toBe(1);
    expect((await t.ds.manager.find(IdempotencyKeyEntity)).map((k) => k.idemKey)).toEqual(['new-key-00001']);

    // The old key no longer replays (nor rejects another body): it creates a new concern.
    const reused = await submit(token, 'old-key-00001', { category: 'noise', text: '新的问题' });
    expect(reused.status).toBe(201);
    expect(reused.headers['idempotent-replayed']).toBe('false');
    expect(reused.body.id).not.toBe(old.body.id);
    // The new key still replays.
    expect((await submit(token, 'new-key-00001')).headers['idempotent-replayed']).toBe('true');
  });

  it('the scheduler runs the purge hourly: keys older than a day go, the rest stay', async () => {
    const token = await http.login(area.residentA1.id);
    await submit(token, 'day-old-key-01');
    await submit(token, 'fresh-key-0001');
    await t.ds.manager.update(IdempotencyKeyEntity, { idemKey: 'day-old-key-01' }, { createdAt: new Date(Date.now() - 25 * HOUR) });
    await t.ds.manager.update(IdempotencyKeyEntity, { idemKey: 'fresh-key-0001' }, { createdAt: new Date(Date.now() - 23 * HOUR) });

    const outcomes = await t.app.get(SchedulerService).runDue(new Date());
    expect(outcomes['idempotency.purge']).toBe('ran');
    expect((await t.ds.manager.find(IdempotencyKeyEntity)).map((k) => k.idemKey)).toEqual(['fresh-key-0001']);
    expect(await t.ds.manager.findOneBy(JobRunEntity, { jobName: 'idempotency.purge' })).toMatchObject({ outcome: 'ok', detail: 'purged 1' });
  });
});
