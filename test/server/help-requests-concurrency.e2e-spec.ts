import { DIALECTS, type TestApp } from './support/test-app';
import type { api } from './support/http';
import { startTwoApps } from './support/two-apps';
import { freshArea } from './support/deliberation-fixtures';
import { approvedVolunteers, wish } from './support/volunteer-fixtures';
import type { TestArea } from '../factories/org.factory';
import { HelpRequestAssignmentEntity, HelpRequestEntity } from '../../server/src/modules/volunteers/volunteers.entities';
import { TimebankService } from '../../server/src/modules/timebank/timebank.service';

// Two app instances on ONE database stand for two server processes; requests alternate between them.
describe.each(DIALECTS)('help request seats under load on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let http2: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ a: t, httpA: http, httpB: http2, stop } = await startTwoApps(dialect, 'helpseats'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(t.ds, http, http2);
  });

  const post = async (needed: number) => {
    const res = await http.post('/api/help-requests', wish(2, 4, { volunteersNeeded: needed }), await http.as(area.residentA1));
    if (res.status !== 201) throw new Error(`post -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };
  const claimAll = (vols: { token: string }[], id: number) =>
    Promise.all(vols.map((v, i) => (i % 2 ? http2 : http).post(`/api/help-requests/${id}/claim`, {}, v.token)));

  it.each([1, 3])('100 volunteers claiming a %i-volunteer request at once: exactly that many seats, the rest told REQUEST_TAKEN', async (needed) => {
    const vols = await approvedVolunteers(t, area, 100);
    const id = await post(needed);
    const results = await claimAll(vols, id);
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(needed);
    expect(codes.filter((c) => c === 409)).toHaveLength(100 - needed);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'REQUEST_TAKEN')).toBe(true);
    const row = await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id });
    expect(row).toMatchObject({ status: 'filled', takenCount: needed });
    expect(await t.ds.manager.count(HelpRequestAssignmentEntity, { where: { requestId: id } })).toBe(needed);
  });

  it('completion confirmed twice at once (requester and staff): confirmed once, hours credited once', async () => {
    const [v1] = await approvedVolunteers(t, area, 1);
    const id = await post(1);
    await http.post(`/api/help-requests/${id}/claim`, {}, v1.token);
    await http.post(`/api/help-requests/${id}/done`, {}, v1.token);
    const [a, b, c] = await Promise.all([
      http.post(`/api/help-requests/${id}/confirm`, { rating: 5 }, await http.as(area.residentA1)),
      http2.post(`/api/help-requests/${id}/confirm`, { rating: 4 }, await http2.as(area.residentA1)),
      http2.post(`/api/help-requests/${id}/confirm-on-behalf`, {}, await http2.as(area.staffA)),
    ]);
    const statuses = [a.status, b.status, c.status];
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    expect(await t.app.get(TimebankService).balanceMinutes(t.ds.manager, area.communityA, v1.id)).toBe(120);
    const credits: { n: number }[] = await t.ds.manager.query(`SELECT COUNT(*) AS n FROM help_request_events WHERE request_id = ? AND type = 'confirmed'`, [id]);
    expect(Number(credits[0].n)).toBe(1);
  });

  it('withdrawals and claims racing on a 2-volunteer request never leave more seats than needed or a wrong counter', async () => {
    const vols = await approvedVolunteers(t, area, 30);
    const id = await post(2);
    const first = await claimAll(vols.slice(0, 2), id);
    expect(first.map((r) => r.status)).toEqual([200, 200]);
    const mixed = await Promise.all([
      http.post(`/api/help-requests/${id}/withdraw`, {}, vols[0].token),
      ...vols.slice(2).map((v, i) => (i % 2 ? http2 : http).post(`/api/help-requests/${id}/claim`, {}, v.token)),
    ]);
    expect(mixed[0].status).toBe(200);
    const row = await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id });
    const seated = await t.ds.manager.count(HelpRequestAssignmentEntity, { where: { requestId: id, status: 'accepted' } });
    expect(seated).toBe(row.takenCount);
    expect(row.takenCount).toBeLessThanOrEqual(2);
    expect(mixed.slice(1).filter((r) => r.status === 200)).toHaveLength(row.takenCount - 1);
  });
});
