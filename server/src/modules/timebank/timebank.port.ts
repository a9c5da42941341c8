import type { EntityManager } from 'typeorm';

/**
 * The time bank's port: what other modules (volunteers / help requests) call, inside THEIR OWN
 * transaction, passing that transaction's EntityManager `m`. Implemented by TimebankService
 * (server/src/modules/timebank/timebank.service.ts), exported by TimebankModule
 * (server/src/modules/timebank/timebank.module.ts):
 *
 *   import { TimebankModule } from '../timebank/timebank.module';      // in your @Module imports
 *   import { TimebankService } from '../timebank/timebank.service';    // inject it
 *   const r = await this.timebank.creditHours(m, { communityId, streetId, volunteerId, minutes,
 *     source: 'help_request', sourceId: request.id, memo: '教老人视频通话', at: new Date() });
 *
 * Rules the implementation guarantees (all by the database, safe under concurrency):
 *  - Idempotent: one credit per (source, sourceId, volunteerId). A second call — even at the same
 *    instant from another transaction — returns { duplicate: true, creditedMinutes: 0, cappedMinutes: 0 }
 *    and does NOT throw. (For a request with 3 volunteers, call once per volunteer.)
 *  - Daily cap per volunteer per China day (Asia/Shanghai, of `at`), community setting, default 480 min:
 *    only what fits is credited: creditedMinutes + cappedMinutes === minutes (non-duplicate case).
 *    A fully capped credit still records nothing in the ledger (creditedMinutes 0) but counts as
 *    the credit for that source (a retry stays duplicate).
 *  - Double entry: pool −x, volunteer +x, balances updated in the same transaction.
 *  - minutes must be a positive integer (≤ 1440); otherwise throws DomainException TIMEBANK_INVALID_MINUTES.
 *  - It does NOT check that the volunteer is approved — the caller owns that rule.
 *  - Several volunteers of one community in one transaction (a request's volunteers, an activity's attendees):
 *    creditHoursMany(m, [...]) — the same rules for each, results in the order given; the pool is moved once, last.
 *  - MariaDB may pick the caller's transaction as a deadlock victim (rows locked: transaction key, daily
 *    counter, volunteer account, pool account — in that order; with several credits, each volunteer's rows in
 *    volunteer order, then the pool); run the whole transaction again, e.g. with
 *    retryDeadlock(work, LEDGER_RETRIES) (database/database.service, ./timebank-ledger.repository).
 */
export type TimebankCreditSource = 'help_request' | 'activity';

export interface TimebankCreditInput {
  communityId: number;
  streetId: number;
  volunteerId: number; // users.id of the volunteer
  minutes: number;
  source: TimebankCreditSource;
  sourceId: number;
  memo: string;
  at: Date;
  createdBy?: number | null; // users.id of who confirmed it (optional)
  teamId?: number | null; // volunteer_teams.id the service counts for (optional; shown in the export)
}

export interface TimebankCreditResult {
  creditedMinutes: number;
  cappedMinutes: number;
  duplicate: boolean;
  transactionId: number | null;
}

export interface TimebankPort {
  creditHours(m: EntityManager, c: TimebankCreditInput): Promise<TimebankCreditResult>;
  /** creditHours for several volunteers of one community at once (see above). */
  creditHoursMany(m: EntityManager, credits: TimebankCreditInput[]): Promise<TimebankCreditResult[]>;
  /** Current stored balance in minutes (0 when the volunteer has no account yet). */
  balanceMinutes(m: EntityManager, communityId: number, volunteerId: number): Promise<number>;
}
