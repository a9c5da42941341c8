import { DIALECTS, type TestApp } from './support/test-app';
import type { api } from './support/http';
import { startTwoApps } from './support/two-apps';
import { freshArea } from './support/deliberation-fixtures';
import { checkLedger, creditVia, SOUND_LEDGER } from './support/timebank-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';

/** A small seeded generator, so a failing run can be repeated with the seed it prints. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

describe.each(DIALECTS)('time bank under a randomised concurrent workload on %s', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let http: ReturnType<typeof api>;
  let http2: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ a, b, httpA: http, httpB: http2, stop } = await startTwoApps(dialect, 'tbload'));
    area = await freshArea(a.ds, http, http2);
  });
  afterAll(() => stop());

  it('keeps every account summing to zero, stored = recomputed balances, none below zero, no daily cap exceeded', async () => {
    const seed = Number(process.env.TIMEBANK_SEED ?? Date.now() % 100000);
    const pick = rng(seed);
    await http.put('/api/timebank/settings', { dailyCapMinutes: 240 }, await http.as(area.staffA));
    const vols = [];
    for (let i = 0; i < 12; i++) vols.push(await createUser(a.ds, { role: 'resident', name: `小红帽${i}`, streetId: area.streetId, communityId: area.communityA, unitId: area.unitA1 }));
    const rewardIds: number[] = [];
    for (const [cost, stock] of [[30, null], [60, 5], [120, 2]] as const) {
      rewardIds.push((await http.post('/api/timebank/rewards', { name: `奖励${cost}`, costMinutes: cost, stock }, await http.as(area.staffA))).body.id);
    }
    const days = ['2025-06-10T01:00:00Z', '2025-06-10T09:00:00Z', '2025-06-11T03:00:00Z'].map((d) => new Date(d));
    const outcomes: Record<string, number> = {};
    const count = (k: string) => (outcomes[k] = (outcomes[k] ?? 0) + 1);
    for (let round = 0; round < 6; round++) {
      const ops: Promise<unknown>[] = [];
      for (let i = 0; i < 40; i++) {
        const v = vols[pick(vols.length)];
        const app = pick(2) ? b : a;
        const h = app === a ? http : http2;
        const op = pick(10);
        if (op < 4) {
          // help-request confirmations; source ids collide on purpose (a completion confirmed twice)
          ops.push(creditVia(app, {
            communityId: area.communityA, streetId: area.streetId, volunteerId: v.id, minutes: 15 + pick(150), source: 'help_request', sourceId: 1 + pick(60),
            memo: '微心愿', at: days[pick(days.length)],
          }).then((r) => count(r.duplicate ? 'credit-duplicate' : r.cappedMinutes ? 'credit-capped' : 'credit')));
        } else if (op < 6) {
          // activity credits: one activity id per round and volunteer (the credit action run twice)
          ops.push(creditVia(app, {
            communityId: area.communityA, streetId: area.streetId, volunteerId: v.id, minutes: 120, source: 'activity', sourceId: 100 + round, memo: '团队活动', at: days[round % days.length],
          }).then((r) => count(r.duplicate ? 'activity-duplicate' : 'activity')));
        } else if (op < 9) {
          ops.push(h.as(v).then((t) => h.post(`/api/timebank/rewards/${rewardIds[pick(rewardIds.length)]}/redeem`, {}, t)).then((r) => count(`redeem-${r.status}-${r.body.code ?? 'ok'}`)));
        } else {
          ops.push((async () => {
            const rows = await a.ds.query("SELECT id FROM timebank_transactions WHERE kind IN ('credit', 'redeem') ORDER BY id DESC LIMIT 20");
            if (!rows.length) return count('reverse-none');
            const id = rows[pick(rows.length)].id;
            const r = await h.post(`/api/timebank/transactions/${id}/reverse`, { reason: '抽查冲正' }, await h.as(area.staffA));
            count(`reverse-${r.status}-${r.body.code ?? 'ok'}`);
          })());
        }
      }
      await Promise.all(ops);
    }
    // every outcome is one the rules allow: no 500, no unexpected code
    const allowed = /^(credit|credit-duplicate|credit-capped|activity|activity-duplicate|redeem-201-ok|redeem-409-(TIMEBANK_INSUFFICIENT_HOURS|REWARD_OUT_OF_STOCK)|reverse-none|reverse-201-ok|reverse-409-(TIMEBANK_ALREADY_REVERSED|TIMEBANK_INSUFFICIENT_HOURS|TIMEBANK_NOT_REVERSIBLE))$/;
    expect({ seed, unexpected: Object.keys(outcomes).filter((k) => !allowed.test(k)) }).toEqual({ seed, unexpected: [] });
    expect(outcomes['credit'] ?? 0).toBeGreaterThan(0);
    expect(outcomes['redeem-201-ok'] ?? 0).toBeGreaterThan(0);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
    const [stock] = await a.ds.query('SELECT MIN(stock) AS s FROM timebank_rewards WHERE stock IS NOT NULL');
    expect(Number(stock.s)).toBeGreaterThanOrEqual(0);
    const [pool] = await a.ds.query("SELECT SUM(balance_minutes) AS s FROM timebank_accounts");
    expect(Number(pool.s)).toBe(0);
  });
});
