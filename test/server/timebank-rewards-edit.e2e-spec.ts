import { DIALECTS } from './support/test-app';
import { twoAppsWithFreshArea } from './support/area-suite';
import { holdRows, lockWaits } from './support/lock-waits';
import { checkLedger, creditVia, SOUND_LEDGER } from './support/timebank-fixtures';

/** 积分兑换: community staff edit a reward (name, description, cost, stock left, 上架/下架). */
describe.each(DIALECTS)('editing rewards on %s', (dialect) => {
  const { t: a, http, httpB: http2, area } = twoAppsWithFreshArea(dialect, 'tbreward');

  const patch = async (id: number, body: unknown, who: { id: number } = area.staffA) =>
    http.call('PATCH', `/api/timebank/rewards/${id}`, { body, token: await http.as(who) });
  const reward = async (stock: number | null) => {
    const res = await http.post('/api/timebank/rewards', { name: '理发一次', description: '社区理发室', costMinutes: 60, stock }, await http.as(area.staffA));
    expect(res.status).toBe(201);
    return res.body as { id: number };
  };
  const redeem = async (id: number) => http.post(`/api/timebank/rewards/${id}/redeem`, {}, await http.as(area.residentA1));
  const staffList = async () => (await http.get('/api/timebank/rewards', await http.as(area.staffA))).body as { id: number; stock: number | null; redeemedCount: number }[];

  it('changes name, description and cost; bad input is a coded 400 in Chinese; other communities and residents cannot', async () => {
    const r = await reward(3);
    const ok = await patch(r.id, { name: '免费理发一次', description: null, costMinutes: 90 });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id: r.id, name: '免费理发一次', description: null, costMinutes: 90, stock: 3, active: true, redeemedCount: 0 });
    const bad = async (body: unknown, message: string) => {
      const res = await patch(r.id, body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain(message);
    };
    await bad({}, '没有要修改的内容');
    await bad({ name: '  ' }, '请填写名称');
    await bad({ costMinutes: 10 }, '至少 30 分钟');
    await bad({ costMinutes: 45.5 }, '请填整数分钟');
    await bad({ stock: -1, stockSeen: 3 }, '数量不能为负数');
    await bad({ stock: 2.5, stockSeen: 3 }, '数量请填整数');
    await bad({ stock: 5 }, 'stockSeen');
    await bad({ price: 1 }, '不认识的字段');
    expect((await patch(r.id, { name: '别人的' }, area.staffB)).body.code).toBe('REWARD_NOT_FOUND');
    expect((await patch(r.id, { name: '别人的' }, area.residentA1)).status).toBe(403);
    expect((await staffList())[0]).toMatchObject({ name: '免费理发一次', costMinutes: 90, stock: 3 });
  });

  it('sets the stock left only where it is still what staff saw: a redemption meanwhile answers 409 with the current figure', async () => {
    await creditVia(a, { communityId: area.communityA, streetId: area.streetId, volunteerId: area.residentA1.id, minutes: 480, source: 'help_request', sourceId: 1, memo: '陪同就医', at: new Date() });
    const r = await reward(3);
    const first = await redeem(r.id);
    expect(first.body).toMatchObject({ stock: 2 });
    expect((await staffList())[0]).toMatchObject({ stock: 2, redeemedCount: 1 });

    const stale = await patch(r.id, { stock: 10, stockSeen: 3, name: '理发券' });
    expect(stale).toMatchObject({ status: 409, body: { code: 'REWARD_STOCK_CHANGED', stock: 2 } });
    expect(stale.body.message).toContain('现在还剩 2 份');
    expect((await staffList())[0]).toMatchObject({ name: '理发一次', stock: 2 });

    expect((await patch(r.id, { stock: 10, stockSeen: 2 })).body).toMatchObject({ stock: 10, redeemedCount: 1 });
    expect((await patch(r.id, { stock: 10, stockSeen: 10 })).body).toMatchObject({ stock: 10 });
    expect((await patch(r.id, { stock: null, stockSeen: 10 })).body).toMatchObject({ stock: null });
    expect((await patch(r.id, { stock: 0, stockSeen: null })).body).toMatchObject({ stock: 0 });
    expect((await redeem(r.id)).body.code).toBe('REWARD_OUT_OF_STOCK');

    // A reversed redemption puts the item back and is no longer counted as redeemed.
    await patch(r.id, { stock: 1, stockSeen: 0 });
    const reversed = await http.post(`/api/timebank/transactions/${first.body.transactionId}/reverse`, { reason: '兑换登记错误' }, await http.as(area.staffA));
    expect(reversed.status).toBe(201);
    expect((await staffList())[0]).toMatchObject({ stock: 2, redeemedCount: 0 });
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('an edit racing 8 redemptions (two processes) either lands before all of them or is refused: never a lost redemption', async () => {
    await creditVia(a, { communityId: area.communityA, streetId: area.streetId, volunteerId: area.residentA1.id, minutes: 480, source: 'help_request', sourceId: 3, memo: '陪同就医', at: new Date() });
    const r = await reward(5);
    const tokens = [await http.as(area.residentA1), await http2.as(area.residentA1)];
    const staff = await http2.as(area.staffA);
    const [edit, ...redemptions] = await Promise.all([
      http2.call('PATCH', `/api/timebank/rewards/${r.id}`, { body: { stock: 20, stockSeen: 5 }, token: staff }),
      ...Array.from({ length: 8 }, (_, i) => (i % 2 ? http2 : http).post(`/api/timebank/rewards/${r.id}/redeem`, {}, tokens[i % 2])),
    ]);
    const ok = redemptions.filter((x) => x.status === 201).length;
    const [row] = await a.ds.query('SELECT stock FROM timebank_rewards WHERE id = ?', [r.id]);
    if (edit.status === 200) expect(Number(row.stock)).toBe(20 - ok);
    else {
      expect(edit.body.code).toBe('REWARD_STOCK_CHANGED');
      expect(Number(row.stock)).toBe(5 - ok);
      // The figure reported is one the row really had after a redemption (never the 5 staff saw, from a stale
      // snapshot): the stock stored now, or more when redemptions queued behind the refused edit landed after it.
      expect(edit.body.stock).toBeLessThan(5);
      expect(edit.body.stock).toBeGreaterThanOrEqual(Number(row.stock));
      expect(edit.body.message).toContain(`现在还剩 ${edit.body.stock} 份`);
    }
    expect(Number(row.stock)).toBeGreaterThanOrEqual(0);
    expect((await staffList())[0].redeemedCount).toBe(ok);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });

  it('a redemption committed while the edit waits for the row: the 409 reports the stock stored, not the edit’s snapshot', async () => {
    const r = await reward(5);
    const staffToken = await http2.as(area.staffA);
    const edit = () => http2.call('PATCH', `/api/timebank/rewards/${r.id}`, { body: { stock: 20, stockSeen: 5 }, token: staffToken });
    let refused;
    if (dialect === 'mariadb') {
      // Another transaction has taken one (uncommitted) and holds the row: the edit reads its snapshot (stock 5), then
      // waits at its UPDATE; the redemption commits; the UPDATE matches nothing.
      const other = await holdRows(a.ds, 'UPDATE timebank_rewards SET stock = stock - 1 WHERE id = ?', [r.id]);
      const pending = edit();
      await lockWaits(a.ds, 1);
      await other.commit();
      refused = await pending;
    } else {
      // SQLite runs write transactions one after another: the redemption is simply first.
      await a.ds.query('UPDATE timebank_rewards SET stock = stock - 1 WHERE id = ?', [r.id]);
      refused = await edit();
    }
    const [row] = await a.ds.query('SELECT stock FROM timebank_rewards WHERE id = ?', [r.id]);
    expect(Number(row.stock)).toBe(4);
    expect(refused).toMatchObject({ status: 409, body: { code: 'REWARD_STOCK_CHANGED', stock: 4 } });
    expect(refused.body.message).toContain('现在还剩 4 份');
  });

  it('takes a reward off the shelf (下架) and puts it back (上架)', async () => {
    await creditVia(a, { communityId: area.communityA, streetId: area.streetId, volunteerId: area.residentA1.id, minutes: 120, source: 'help_request', sourceId: 2, memo: '陪同就医', at: new Date() });
    const r = await reward(null);
    expect((await patch(r.id, { active: false })).body).toMatchObject({ active: false });
    expect((await http.get('/api/timebank/rewards', await http.as(area.residentA1))).body).toEqual([]);
    expect((await redeem(r.id)).body.code).toBe('REWARD_INACTIVE');
    expect((await patch(r.id, { active: true })).body).toMatchObject({ active: true });
    expect((await http.get('/api/timebank/rewards', await http.as(area.residentA1))).body.map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect((await redeem(r.id)).status).toBe(201);
  });
});
