import type { EntityManager } from 'typeorm';
import { chinaDay, TimebankLedgerRepository } from '../../server/src/modules/timebank/timebank-ledger.repository';
import { TimebankService } from '../../server/src/modules/timebank/timebank.service';
import { writeXlsx } from '../../server/src/common/xlsx';
import { readZip, xlsxRows } from './support/zip-reader';

describe('time bank ledger rules (unit)', () => {
  it('counts the daily cap on the China calendar day (UTC+8)', () => {
    expect(chinaDay(new Date('2025-06-10T15:59:00Z'))).toBe('2025-06-10');
    expect(chinaDay(new Date('2025-06-10T16:00:00Z'))).toBe('2025-06-11');
  });

  it('refuses to post a transaction whose entries do not sum to zero', async () => {
    const repo = new TimebankLedgerRepository({} as never);
    const m = { queryRunner: { query: jest.fn() }, query: jest.fn() } as unknown as EntityManager;
    await expect(repo.post(m, 1, [{ accountId: 1, amount: 60, guardNonNegative: true, earned: 60 }, { accountId: 2, amount: -30, guardNonNegative: false, earned: 0 }], new Date()))
      .rejects.toThrow('unbalanced');
    expect(m.query).not.toHaveBeenCalled();
  });

  it('credits only what fits, never records an unbalanced entry, and answers duplicate without writing', async () => {
    const ledger = {
      accountIds: jest.fn().mockResolvedValue({ pool: 12, volunteers: new Map([[5, 11]]) }),
      insertTransaction: jest.fn().mockResolvedValueOnce(7).mockResolvedValueOnce(null),
      dailyCap: jest.fn().mockResolvedValue(480),
      takeDailyAllowance: jest.fn().mockResolvedValue(20),
      postVolunteer: jest.fn().mockResolvedValue(undefined),
      postPool: jest.fn().mockResolvedValue(undefined),
    };
    const svc = new TimebankService(ledger as unknown as TimebankLedgerRepository);
    const input = { communityId: 1, streetId: 1, volunteerId: 5, minutes: 90, source: 'help_request' as const, sourceId: 3, memo: '买菜', at: new Date() };
    expect(await svc.creditHours({} as EntityManager, input)).toEqual({ creditedMinutes: 20, cappedMinutes: 70, duplicate: false, transactionId: 7 });
    // Volunteer +20 and pool −20 on transaction 7: balanced.
    expect(ledger.postVolunteer).toHaveBeenCalledWith({}, 7, 11, 20, expect.any(Date));
    expect(ledger.postPool).toHaveBeenCalledWith({}, 12, [{ transactionId: 7, minutes: 20 }], expect.any(Date));
    expect(await svc.creditHours({} as EntityManager, input)).toEqual({ creditedMinutes: 0, cappedMinutes: 0, duplicate: true, transactionId: null });
    expect(ledger.takeDailyAllowance).toHaveBeenCalledTimes(1);
    expect(ledger.postVolunteer).toHaveBeenCalledTimes(1);
    expect(ledger.postPool).toHaveBeenCalledTimes(1);
  });

  it('credits several volunteers in volunteer order and moves the pool once, last, answering in the order asked', async () => {
    const calls: string[] = [];
    const ledger = {
      accountIds: jest.fn().mockResolvedValue({ pool: 100, volunteers: new Map([[9, 19], [4, 14]]) }),
      insertTransaction: jest.fn(async (_m: unknown, t: { volunteerId: number }) => (t.volunteerId === 6 ? null : t.volunteerId * 10)),
      dailyCap: jest.fn().mockResolvedValue(480),
      takeDailyAllowance: jest.fn(async (_m: unknown, _c: number, v: number) => (v === 9 ? 0 : 60)),
      postVolunteer: jest.fn(async (_m: unknown, tx: number) => void calls.push(`volunteer tx ${tx}`)),
      postPool: jest.fn(async () => void calls.push('pool')),
    };
    const svc = new TimebankService(ledger as unknown as TimebankLedgerRepository);
    const credit = (volunteerId: number) => ({ communityId: 1, streetId: 1, volunteerId, minutes: 60, source: 'help_request' as const, sourceId: 3, memo: '买菜', at: new Date() });
    const results = await svc.creditHoursMany({} as EntityManager, [credit(9), credit(6), credit(4)]);
    expect(results.map((r) => [r.creditedMinutes, r.cappedMinutes, r.duplicate])).toEqual([[0, 60, false], [0, 0, true], [60, 0, false]]);
    expect(ledger.insertTransaction.mock.calls.map((c) => c[1].volunteerId)).toEqual([4, 6, 9]);
    expect(calls).toEqual(['volunteer tx 40', 'pool']);
    expect(ledger.postPool).toHaveBeenCalledWith({}, 100, [{ transactionId: 40, minutes: 60 }], expect.any(Date));
    expect(ledger.dailyCap).toHaveBeenCalledTimes(1);
    await expect(svc.creditHoursMany({} as EntityManager, [credit(1), { ...credit(2), communityId: 2 }])).rejects.toThrow('one community');
  });

  it('rejects minutes outside 1..1440 before touching the database', async () => {
    const ledger = { insertTransaction: jest.fn() };
    const svc = new TimebankService(ledger as unknown as TimebankLedgerRepository);
    for (const minutes of [0, 1441, 2.5, Number.NaN]) {
      await expect(svc.creditHours({} as EntityManager, { communityId: 1, streetId: 1, volunteerId: 1, minutes, source: 'activity', sourceId: 1, memo: '', at: new Date() }))
        .rejects.toMatchObject({ code: 'TIMEBANK_INVALID_MINUTES', status: 422 });
    }
    expect(ledger.insertTransaction).not.toHaveBeenCalled();
  });

  it('writes an .xlsx (exceljs) whose sheet reads back cell by cell (escaping, numbers, empty cells)', async () => {
    const bytes = await writeXlsx('志愿服务记录', [['志愿者', '队伍', '小时'], ['A & <B>', null, 1.5]]);
    expect(await xlsxRows(bytes)).toEqual([['志愿者', '队伍', '小时'], ['A & <B>', null, 1.5]]);
    expect(readZip(bytes).get('xl/workbook.xml')).toContain('name="志愿服务记录"');
  });
});
