import { DIALECTS, type TestApp } from './support/test-app';
import { startTwoApps } from './support/two-apps';
import { freshArea } from './support/deliberation-fixtures';
import { checkLedger, creditVia, SOUND_LEDGER } from './support/timebank-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';
import { TimebankService } from '../../server/src/modules/timebank/timebank.service';
import type { TimebankCreditInput } from '../../server/src/modules/timebank/timebank.port';
import { retryDeadlock } from '../../server/src/database/database.service';
import { LEDGER_RETRIES } from '../../server/src/modules/timebank/timebank-ledger.repository';

// 2025-06-10 10:00 China time; the China day is what the daily cap counts on.
const MORNING = new Date('2025-06-10T02:00:00Z');

describe.each(DIALECTS)('time bank ledger (port) on %s', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;
  let sourceSeq = 1000;

  beforeAll(async () => {
    ({ a, b, stop } = await startTwoApps(dialect, 'tbledger'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(a.ds);
  });

  const credit = (volunteerId: number, minutes: number, over: Partial<TimebankCreditInput> = {}, app: TestApp = a) =>
    creditVia(app, {
      communityId: area.communityA, streetId: area.streetId, volunteerId, minutes, source: 'help_request', sourceId: sourceSeq++,
      memo: '教老人视频通话', at: MORNING, ...over,
    });
  const balance = (userId: number) => a.db.transaction((m) => a.app.get(TimebankService).balanceMinutes(m, area.communityA, userId));

  it('credits the volunteer and debits the pool by the same minutes (double entry)', async () => {
    const r = await credit(area.residentA1.id, 90);
    expect(r).toEqual({ creditedMinutes: 90, cappedMinutes: 0, duplicate: false, transactionId: expect.any(Number) });
    expect(await balance(area.residentA1.id)).toBe(90);
    const entries = await a.ds.query('SELECT amount_minutes AS x FROM timebank_entries WHERE transaction_id = ? ORDER BY amount_minutes', [r.transactionId]);
    expect(entries.map((e: { x: number }) => Number(e.x))).toEqual([-90, 90]);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('credits only what fits under the daily cap: credited + capped = asked', async () => {
    expect(await credit(area.residentA1.id, 300)).toMatchObject({ creditedMinutes: 300, cappedMinutes: 0 });
    expect(await credit(area.residentA1.id, 300)).toMatchObject({ creditedMinutes: 180, cappedMinutes: 120, duplicate: false });
    expect(await credit(area.residentA1.id, 60)).toMatchObject({ creditedMinutes: 0, cappedMinutes: 60, duplicate: false });
    // the next China day has a fresh allowance (16:30 UTC = 00:30 next day in China)
    expect(await credit(area.residentA1.id, 60, { at: new Date('2025-06-10T16:30:00Z') })).toMatchObject({ creditedMinutes: 60, cappedMinutes: 0 });
    expect(await balance(area.residentA1.id)).toBe(540);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('rejects minutes that are not a whole number between 1 and 1440', async () => {
    for (const minutes of [0, -5, 1.5, 1441]) await expect(credit(area.residentA1.id, minutes)).rejects.toMatchObject({ code: 'TIMEBANK_INVALID_MINUTES' });
    expect(await a.ds.query('SELECT id FROM timebank_transactions')).toHaveLength(0);
  });

  it('credits the same completion once when it is confirmed twice at once (2 and 20 in parallel, two processes)', async () => {
    for (const parallel of [2, 20]) {
      const sourceId = sourceSeq++;
      const volunteer = await createUser(a.ds, { role: 'resident', name: `志愿者${parallel}`, streetId: area.streetId, communityId: area.communityA });
      const results = await Promise.all(Array.from({ length: parallel }, (_, i) => credit(volunteer.id, 120, { sourceId }, i % 2 ? b : a)));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(results.filter((r) => r.duplicate)).toEqual(Array(parallel - 1).fill({ creditedMinutes: 0, cappedMinutes: 0, duplicate: true, transactionId: null }));
      expect(await balance(volunteer.id)).toBe(120);
    }
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('never exceeds the daily cap when 30 different credits for one volunteer arrive at once', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => credit(area.residentA1.id, 45, {}, i % 2 ? b : a)));
    expect(results.every((r) => r.creditedMinutes + r.cappedMinutes === 45 && !r.duplicate)).toBe(true);
    expect(results.reduce((s, r) => s + r.creditedMinutes, 0)).toBe(480);
    expect(await balance(area.residentA1.id)).toBe(480);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('keeps the ledger sound when 24 completions credit 3 volunteers each at once, the volunteers overlapping (two processes)', async () => {
    const vols: number[] = [];
    for (let k = 0; k < 5; k++) vols.push((await createUser(a.ds, { role: 'resident', name: `队员${k}`, streetId: area.streetId, communityId: area.communityA })).id);
    const many = (sourceId: number, who: number[], app: TestApp) => retryDeadlock(() => app.db.transaction((m) => app.app.get(TimebankService).creditHoursMany(m, who.map((volunteerId) => ({
      communityId: area.communityA, streetId: area.streetId, volunteerId, minutes: 30, source: 'help_request' as const, sourceId, memo: '三人同行', at: MORNING,
    })))), LEDGER_RETRIES);
    // Completion j credits volunteers j, j+1, j+2 (of 5); each completion twice at once, the copies listing them in opposite orders.
    const results = await Promise.all(Array.from({ length: 24 }, (_, k) => {
      const j = k >> 1;
      const who = [vols[j % 5], vols[(j + 1) % 5], vols[(j + 2) % 5]];
      return many(5000 + j, k % 2 ? who.reverse() : who, k % 2 ? b : a);
    }));
    // 12 distinct completions × 3 volunteers credited once each; their duplicates credit nothing.
    expect(results.flat().filter((r) => !r.duplicate)).toHaveLength(36);
    expect(results.flat().filter((r) => !r.duplicate).every((r) => r.creditedMinutes === 30)).toBe(true);
    const total = (await Promise.all(vols.map((v) => balance(v)))).reduce((x, y) => x + y, 0);
    expect(total).toBe(36 * 30);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('counts a fully capped credit as done for its source: a retry stays a duplicate', async () => {
    await credit(area.residentA1.id, 480);
    const sourceId = sourceSeq++;
    expect(await credit(area.residentA1.id, 30, { sourceId })).toMatchObject({ creditedMinutes: 0, cappedMinutes: 30, duplicate: false });
    expect(await credit(area.residentA1.id, 30, { sourceId })).toMatchObject({ duplicate: true });
  });

  it('keeps help-request and activity sources apart, and volunteers of one request apart', async () => {
    const other = await createUser(a.ds, { role: 'resident', name: '赵志愿', streetId: area.streetId, communityId: area.communityA });
    const sourceId = sourceSeq++;
    expect(await credit(area.residentA1.id, 60, { sourceId })).toMatchObject({ duplicate: false });
    expect(await credit(other.id, 60, { sourceId })).toMatchObject({ duplicate: false });
    expect(await credit(area.residentA1.id, 60, { sourceId, source: 'activity' })).toMatchObject({ duplicate: false });
    expect(await balance(area.residentA1.id)).toBe(120);
    expect(await balance(other.id)).toBe(60);
  });
});
