import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, type TestApp } from './support/test-app';
import type { api } from './support/http';
import { startTwoApps } from './support/two-apps';
import { freshArea } from './support/deliberation-fixtures';
import { checkLedger, creditVia, SOUND_LEDGER } from './support/timebank-fixtures';
import { readZip, xlsxRows } from './support/zip-reader';
import { createUser, type TestArea } from '../factories/org.factory';

const MORNING = new Date('2025-06-10T02:00:00Z');

describe.each(DIALECTS)('time bank over HTTP on %s', (dialect) => {
  let a: TestApp;
  let http: ReturnType<typeof api>;
  let http2: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;
  let seq = 1;

  beforeAll(async () => {
    ({ a, httpA: http, httpB: http2, stop } = await startTwoApps(dialect, 'tbhttp'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(a.ds, http, http2);
  });

  const volunteer = (name: string) =>
    createUser(a.ds, { role: 'resident', name, streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date() });
  const credit = (volunteerId: number, minutes: number, at = MORNING) =>
    creditVia(a, { communityId: area.communityA, streetId: area.streetId, volunteerId, minutes, source: 'help_request', sourceId: seq++, memo: '陪同就医', at });
  const reward = async (costMinutes: number, stock: number | null = null) => {
    const res = await http.post('/api/timebank/rewards', { name: '理发一次', description: '社区理发室', costMinutes, stock }, await http.as(area.staffA));
    expect(res.status).toBe(201);
    return res.body as { id: number };
  };

  it('shows the volunteer balance, history (paged) and rank; ties share a rank', async () => {
    const other = await volunteer('赵大哥');
    const third = await volunteer('孙阿姨');
    await credit(area.residentA1.id, 120);
    await credit(area.residentA1.id, 60);
    await credit(other.id, 180);
    await credit(third.id, 30);
    const me = await http.get('/api/timebank/me', await http.as(area.residentA1));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ balanceMinutes: 180, earnedMinutes: 180, rank: 1, rankedVolunteers: 3, dailyCapMinutes: 480 });
    expect((await http.get('/api/timebank/me', await http.as(other))).body.rank).toBe(1);
    expect((await http.get('/api/timebank/me', await http.as(third))).body.rank).toBe(3);
    expect((await http.get('/api/timebank/me', await http.as(area.residentA2))).body).toMatchObject({ balanceMinutes: 0, rank: null });
    const page1 = await http.get('/api/timebank/me/history?limit=1', await http.as(area.residentA1));
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).toMatchObject({ kind: 'credit', minutes: 60, memo: '陪同就医', serviceDate: '2025-06-10', volunteerName: '张大姐' });
    const page2 = await http.get(`/api/timebank/me/history?limit=5&cursor=${page1.body.nextCursor}`, await http.as(area.residentA1));
    expect(page2.body).toMatchObject({ items: [expect.objectContaining({ minutes: 120 })], nextCursor: null });
  });

  it('lets community staff set the daily cap, and the cap applies to the next credits', async () => {
    expect((await http.get('/api/timebank/settings', await http.as(area.staffA))).body).toEqual({ communityId: area.communityA, dailyCapMinutes: 480, customised: false });
    expect((await http.put('/api/timebank/settings', { dailyCapMinutes: 10 }, await http.as(area.staffA))).body.code).toBe('VALIDATION_FAILED');
    expect((await http.put('/api/timebank/settings', { dailyCapMinutes: 120 }, await http.as(area.residentA1))).status).toBe(403);
    const put = await http.put('/api/timebank/settings', { dailyCapMinutes: 120 }, await http.as(area.staffA));
    expect(put.body).toEqual({ communityId: area.communityA, dailyCapMinutes: 120, customised: true });
    expect(await credit(area.residentA1.id, 90)).toMatchObject({ creditedMinutes: 90, cappedMinutes: 0 });
    expect(await credit(area.residentA1.id, 90)).toMatchObject({ creditedMinutes: 30, cappedMinutes: 60 });
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('redeems a reward as a debit, and answers 409 when hours or stock run out', async () => {
    await credit(area.residentA1.id, 90);
    const r = await reward(60, 1);
    const ok = await http.post(`/api/timebank/rewards/${r.id}/redeem`, {}, await http.as(area.residentA1));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ rewardId: r.id, costMinutes: 60, balanceMinutes: 30, stock: 0 });
    const noStock = await http.post(`/api/timebank/rewards/${r.id}/redeem`, {}, await http.as(area.residentA1));
    expect([noStock.status, noStock.body.code]).toEqual([409, 'REWARD_OUT_OF_STOCK']);
    const dear = await reward(120);
    const poor = await http.post(`/api/timebank/rewards/${dear.id}/redeem`, {}, await http.as(area.residentA1));
    expect([poor.status, poor.body.code]).toEqual([409, 'TIMEBANK_INSUFFICIENT_HOURS']);
    expect((await http.post(`/api/timebank/rewards/${dear.id}/redeem`, {}, await http.as(area.residentB1))).body.code).toBe('REWARD_NOT_FOUND');
    await http.call('PATCH', `/api/timebank/rewards/${dear.id}`, { body: { active: false }, token: await http.as(area.staffA) });
    expect((await http.post(`/api/timebank/rewards/${dear.id}/redeem`, {}, await http.as(area.residentA1))).body.code).toBe('REWARD_INACTIVE');
    expect((await http.get('/api/timebank/rewards', await http.as(area.residentA1))).body.map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('never lets 50 parallel redemptions take the balance below zero or the stock below zero (two processes)', async () => {
    await credit(area.residentA1.id, 300); // buys 5 of 60
    const cheap = await reward(60);
    const tokenA = await http.as(area.residentA1);
    const tokenB = await http2.as(area.residentA1);
    const res = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? http2 : http).post(`/api/timebank/rewards/${cheap.id}/redeem`, {}, i % 2 ? tokenB : tokenA)));
    expect(res.filter((x) => x.status === 201)).toHaveLength(5);
    expect(res.filter((x) => x.status === 409).every((x) => x.body.code === 'TIMEBANK_INSUFFICIENT_HOURS')).toBe(true);
    expect(res.filter((x) => x.status === 409)).toHaveLength(45);
    await credit(area.residentA1.id, 480, new Date('2025-06-11T02:00:00Z'));
    const limited = await reward(30, 3);
    const res2 = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? http2 : http).post(`/api/timebank/rewards/${limited.id}/redeem`, {}, i % 2 ? tokenB : tokenA)));
    expect(res2.filter((x) => x.status === 201)).toHaveLength(3);
    expect(res2.filter((x) => x.status === 409 && x.body.code === 'REWARD_OUT_OF_STOCK')).toHaveLength(47);
    const [row] = await a.ds.query('SELECT stock FROM timebank_rewards WHERE id = ?', [limited.id]);
    expect(Number(row.stock)).toBe(0);
    expect((await http.get('/api/timebank/me', tokenA)).body.balanceMinutes).toBe(480 - 90);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('corrects a credit by a reversing transaction once, with a reason; never edits the original', async () => {
    const c = await credit(area.residentA1.id, 120);
    const staff = await http.as(area.staffA);
    expect((await http.post(`/api/timebank/transactions/${c.transactionId}/reverse`, {}, staff)).body.code).toBe('VALIDATION_FAILED');
    expect((await http.post(`/api/timebank/transactions/${c.transactionId}/reverse`, { reason: '重复登记' }, await http.as(area.staffB))).body.code).toBe('TIMEBANK_TRANSACTION_NOT_FOUND');
    const both = await Promise.all([http, http2].map(async (h) => h.post(`/api/timebank/transactions/${c.transactionId}/reverse`, { reason: '重复登记' }, await h.as(area.staffA))));
    expect(both.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(both.find((x) => x.status === 409)!.body.code).toBe('TIMEBANK_ALREADY_REVERSED');
    expect(both.find((x) => x.status === 201)!.body).toMatchObject({ reversedId: c.transactionId, volunteerId: area.residentA1.id, minutes: 120, volunteerBalanceMinutes: 0 });
    const ledger = await http.get('/api/timebank/ledger', staff);
    expect(ledger.body.items.map((l: { kind: string; minutes: number }) => [l.kind, l.minutes])).toEqual([['reversal', -120], ['credit', 120]]);
    expect(ledger.body.items[1].reversedById).toBe(ledger.body.items[0].transactionId);
    expect((await http.get('/api/timebank/me', await http.as(area.residentA1))).body).toMatchObject({ balanceMinutes: 0, earnedMinutes: 0, rank: null });
    // the reversal gave the day's allowance back
    expect(await credit(area.residentA1.id, 480)).toMatchObject({ creditedMinutes: 480 });
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('refuses to reverse a credit that was already spent (the balance would go below zero)', async () => {
    const c = await credit(area.residentA1.id, 60);
    const r = await reward(60);
    await http.post(`/api/timebank/rewards/${r.id}/redeem`, {}, await http.as(area.residentA1));
    const res = await http.post(`/api/timebank/transactions/${c.transactionId}/reverse`, { reason: '登记错误' }, await http.as(area.staffA));
    expect([res.status, res.body.code]).toEqual([409, 'TIMEBANK_INSUFFICIENT_HOURS']);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('exports the service records of the street as a readable .xlsx (reversed credits left out)', async () => {
    const other = await volunteer('赵大哥 & <小红帽>');
    await credit(area.residentA1.id, 90);
    await credit(other.id, 45, new Date('2025-06-12T02:00:00Z'));
    const wrong = await credit(other.id, 30);
    await http.post(`/api/timebank/transactions/${wrong.transactionId}/reverse`, { reason: '登记错误' }, await http.as(area.staffA));
    await credit(area.residentA1.id, 60, new Date('2025-07-01T02:00:00Z')); // outside the range
    const res = await a.app.getHttpAdapter().getInstance().inject({
      method: 'GET', url: '/api/timebank/export?from=2025-06-01&to=2025-06-30', headers: { authorization: `Bearer ${await http.as(area.streetAdmin)}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    writeFileSync(join(tmpdir(), `linli-timebank-export-${dialect}.xlsx`), res.rawPayload);
    const files = readZip(res.rawPayload);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml']));
    expect(files.get('xl/workbook.xml')).toContain('name="志愿服务记录"');
    const rows = await xlsxRows(res.rawPayload);
    expect(rows[0]).toEqual(['志愿者', '所属社区', '队伍', '服务类型', '服务内容', '日期', '时长（小时）']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[5], r[6]])).toEqual([
      ['张大姐', '甲社区', '微心愿', '2025-06-10', 1.5],
      ['赵大哥 & <小红帽>', '甲社区', '微心愿', '2025-06-12', 0.75],
    ]);
    const bad = await http.get('/api/timebank/export?from=2025-06-30&to=2025-06-01', await http.as(area.streetAdmin));
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await http.get(`/api/timebank/export?from=2025-06-01&to=2025-06-30&communityId=${area.communityB}`, await http.as(area.staffA))).status).toBe(403);
    expect((await http.get('/api/timebank/export?from=2025-06-01&to=2025-06-30', await http.as(area.residentA1))).status).toBe(403);
  });
});
