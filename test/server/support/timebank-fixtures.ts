import type { DataSource } from 'typeorm';
import type { AvailabilitySlot, VolunteerSkill } from '../../../contracts/volunteers.constants';
import { VolunteerEntity } from '../../../server/src/modules/volunteers/volunteers.entities';
import { retryDeadlock } from '../../../server/src/database/database.service';
import { LEDGER_RETRIES } from '../../../server/src/modules/timebank/timebank-ledger.repository';
import { TimebankService } from '../../../server/src/modules/timebank/timebank.service';
import type { TimebankCreditInput } from '../../../server/src/modules/timebank/timebank.port';
import type { TestApp } from './test-app';

/** Credits through the port in a transaction of its own (as the volunteers module does inside its own), retried on a deadlock as the port asks. */
export function creditVia(t: TestApp, c: TimebankCreditInput) {
  return retryDeadlock(() => t.db.transaction((m) => t.app.get(TimebankService).creditHours(m, c)), LEDGER_RETRIES);
}

export interface LedgerCheck {
  totalOfAllEntries: number;
  unbalancedTransactions: number;
  balanceMismatches: { accountId: number; stored: number; recomputed: number }[];
  earnedMismatches: { accountId: number; stored: number; recomputed: number }[];
  negativeVolunteerBalances: number;
  daysOverCap: { volunteerId: number; day: string; credited: number; cap: number }[];
  counterMismatches: number;
}

const n = (v: unknown) => Number(v ?? 0);

/** Recomputes everything from the entries and compares it with what is stored. */
export async function checkLedger(ds: DataSource): Promise<LedgerCheck> {
  const [total] = await ds.query('SELECT COALESCE(SUM(amount_minutes), 0) AS s FROM timebank_entries');
  const unbalanced = await ds.query('SELECT transaction_id FROM timebank_entries GROUP BY transaction_id HAVING SUM(amount_minutes) <> 0');
  const accounts = (await ds.query(
    `SELECT a.id, a.kind, a.balance_minutes AS stored, a.earned_minutes AS earned, COALESCE(SUM(e.amount_minutes), 0) AS recomputed
       FROM timebank_accounts a LEFT JOIN timebank_entries e ON e.account_id = a.id GROUP BY a.id, a.kind, a.balance_minutes, a.earned_minutes`,
  )) as { id: number; kind: string; stored: number; earned: number; recomputed: number }[];
  const earned = (await ds.query(
    `SELECT e.account_id AS id, COALESCE(SUM(e.amount_minutes), 0) AS s FROM timebank_entries e
       JOIN timebank_transactions t ON t.id = e.transaction_id
       LEFT JOIN timebank_transactions o ON o.id = t.reverses_id
      WHERE t.kind = 'credit' OR (t.kind = 'reversal' AND o.kind = 'credit') GROUP BY e.account_id`,
  )) as { id: number; s: number }[];
  const earnedById = new Map(earned.map((r) => [n(r.id), n(r.s)]));
  const perDay = (await ds.query(
    `SELECT t.community_id AS communityId, t.volunteer_id AS volunteerId, t.service_date AS day, COALESCE(SUM(e.amount_minutes), 0) AS credited
       FROM timebank_transactions t JOIN timebank_entries e ON e.transaction_id = t.id
       JOIN timebank_accounts a ON a.id = e.account_id AND a.kind = 'volunteer'
       LEFT JOIN timebank_transactions o ON o.id = t.reverses_id
      WHERE t.kind = 'credit' OR (t.kind = 'reversal' AND o.kind = 'credit')
      GROUP BY t.community_id, t.volunteer_id, t.service_date`,
  )) as { communityId: number; volunteerId: number; day: string; credited: number }[];
  const caps = new Map(((await ds.query('SELECT community_id AS c, daily_cap_minutes AS cap FROM timebank_settings')) as { c: number; cap: number }[]).map((r) => [n(r.c), n(r.cap)]));
  const counters = (await ds.query('SELECT community_id AS c, volunteer_id AS v, day, credited_minutes AS credited FROM timebank_daily_credits')) as {
    c: number; v: number; day: string; credited: number;
  }[];
  const counterOf = new Map(counters.map((r) => [`${n(r.c)}/${n(r.v)}/${r.day}`, n(r.credited)]));
  return {
    totalOfAllEntries: n(total.s),
    unbalancedTransactions: unbalanced.length,
    balanceMismatches: accounts.filter((a) => n(a.stored) !== n(a.recomputed)).map((a) => ({ accountId: n(a.id), stored: n(a.stored), recomputed: n(a.recomputed) })),
    earnedMismatches: accounts
      .filter((a) => a.kind === 'volunteer' && n(a.earned) !== (earnedById.get(n(a.id)) ?? 0))
      .map((a) => ({ accountId: n(a.id), stored: n(a.earned), recomputed: earnedById.get(n(a.id)) ?? 0 })),
    negativeVolunteerBalances: accounts.filter((a) => a.kind === 'volunteer' && n(a.stored) < 0).length,
    daysOverCap: perDay
      .map((d) => ({ volunteerId: n(d.volunteerId), day: d.day, credited: n(d.credited), cap: caps.get(n(d.communityId)) ?? 480 }))
      .filter((d) => d.credited > d.cap),
    counterMismatches: perDay.filter((d) => (counterOf.get(`${n(d.communityId)}/${n(d.volunteerId)}/${d.day}`) ?? 0) !== n(d.credited)).length,
  };
}

/** The ledger is sound: the expectation every concurrency test ends with. */
export const SOUND_LEDGER: LedgerCheck = {
  totalOfAllEntries: 0, unbalancedTransactions: 0, balanceMismatches: [], earnedMismatches: [], negativeVolunteerBalances: 0, daysOverCap: [], counterMismatches: 0,
};

/** Marks users as approved 小红帽 of a community (the volunteers module's table, written directly: approving is not what is tested). */
export async function approveVolunteers(
  ds: DataSource, users: { id: number }[], communityId: number, streetId: number,
  opts: { skills?: VolunteerSkill[]; availability?: AvailabilitySlot[] } = {},
): Promise<void> {
  const now = new Date();
  for (let i = 0; i < users.length; i += 200) {
    await ds.manager.insert(VolunteerEntity, users.slice(i, i + 200).map((u) => ({
      userId: u.id, streetId, communityId, status: 'approved' as const,
      skills: (opts.skills ?? ['digital_help', 'errands']).join(','), availability: (opts.availability ?? ['weekday_morning', 'weekend_morning']).join(','),
      intro: null, declineReason: null, decidedBy: null, decidedAt: now, version: 2, createdAt: now, updatedAt: now,
    })));
  }
}
