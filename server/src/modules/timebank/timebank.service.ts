import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { conflict, DomainException, notFound } from '../../common/domain-exception';
import { chinaDay, TimebankLedgerRepository } from './timebank-ledger.repository';
import type { TimebankCreditInput, TimebankCreditResult, TimebankPort } from './timebank.port';

export const MAX_CREDIT_MINUTES = 1440;

const invalidMinutes = () => new DomainException(ErrorCode.TIMEBANK_INVALID_MINUTES, 422, '服务时长必须是 1 到 1440 分钟之间的整数');
export const insufficientHours = () => conflict(ErrorCode.TIMEBANK_INSUFFICIENT_HOURS, '时间银行余额不足');
const isId = (n: number) => Number.isInteger(n) && n > 0;

export interface DebitInput {
  communityId: number;
  streetId: number;
  volunteerId: number;
  minutes: number;
  sourceType: 'reward';
  sourceId: number;
  memo: string;
  at: Date;
}

/**
 * The ledger core (红色银行): credits, debits and reversals, each one double-entry transaction in the
 * caller's database transaction `m`. Implements the port other modules call (see timebank.port.ts).
 */
@Injectable()
export class TimebankService implements TimebankPort {
  constructor(private readonly ledger: TimebankLedgerRepository) {}

  creditHours(m: EntityManager, c: TimebankCreditInput): Promise<TimebankCreditResult> {
    return this.creditHoursMany(m, [c]).then(([r]) => r);
  }

  /**
   * Credits of one community in the caller's transaction (a request's volunteers, an activity's attendees), each with
   * creditHours' rules; results in the order given. Each credit's transaction key, daily counter and volunteer
   * account are written in volunteer order, then the pool's side of all of them at once: the community's busiest
   * row is locked last, once, and held only to the commit.
   */
  async creditHoursMany(m: EntityManager, credits: TimebankCreditInput[]): Promise<TimebankCreditResult[]> {
    for (const c of credits) {
      if (!Number.isInteger(c.minutes) || c.minutes < 1 || c.minutes > MAX_CREDIT_MINUTES) throw invalidMinutes();
      if (![c.communityId, c.streetId, c.volunteerId, c.sourceId].every(isId)) throw new Error('creditHours: ids must be positive integers');
    }
    if (!credits.length) return [];
    const { communityId, streetId } = credits[0];
    if (credits.some((c) => c.communityId !== communityId || c.streetId !== streetId)) throw new Error('creditHoursMany: one community at a time');
    const now = new Date();
    const accounts = await this.ledger.accountIds(m, communityId, [...new Set(credits.map((c) => c.volunteerId))]);
    const results: TimebankCreditResult[] = [];
    const poolSide: { transactionId: number; minutes: number }[] = [];
    let cap: number | null = null;
    for (const i of credits.map((_, k) => k).sort((a, b) => credits[a].volunteerId - credits[b].volunteerId)) {
      const c = credits[i];
      const day = chinaDay(c.at);
      const txId = await this.ledger.insertTransaction(m, {
        communityId, streetId, kind: 'credit', sourceType: c.source, sourceId: c.sourceId, volunteerId: c.volunteerId,
        requestedMinutes: c.minutes, memo: c.memo, serviceDate: day, teamId: c.teamId ?? null, reversesId: null, createdBy: c.createdBy ?? null, at: now,
      });
      if (txId === null) {
        results[i] = { creditedMinutes: 0, cappedMinutes: 0, duplicate: true, transactionId: null };
        continue;
      }
      cap ??= await this.ledger.dailyCap(m, communityId);
      const fit = await this.ledger.takeDailyAllowance(m, communityId, c.volunteerId, day, c.minutes, cap);
      if (fit > 0) {
        let account = accounts.volunteers.get(c.volunteerId);
        if (account === undefined) accounts.volunteers.set(c.volunteerId, (account = await this.ledger.account(m, communityId, streetId, 'volunteer', c.volunteerId, now)));
        await this.ledger.postVolunteer(m, txId, account, fit, now);
        poolSide.push({ transactionId: txId, minutes: fit });
      }
      results[i] = { creditedMinutes: fit, cappedMinutes: c.minutes - fit, duplicate: false, transactionId: txId };
    }
    if (poolSide.length) {
      const pool = accounts.pool ?? (await this.ledger.account(m, communityId, streetId, 'pool', 0, now));
      await this.ledger.postPool(m, pool, poolSide, now);
    }
    return results;
  }

  async balanceMinutes(m: EntityManager, communityId: number, volunteerId: number): Promise<number> {
    const rows = (await m.query("SELECT balance_minutes AS b FROM timebank_accounts WHERE community_id = ? AND kind = 'volunteer' AND user_id = ?", [
      communityId, volunteerId,
    ])) as { b: number }[];
    return rows.length ? Number(rows[0].b) : 0;
  }

  /** Debits the volunteer (to the pool); 409 TIMEBANK_INSUFFICIENT_HOURS when the balance would go below zero. */
  async debit(m: EntityManager, d: DebitInput): Promise<number> {
    if (!Number.isInteger(d.minutes) || d.minutes < 1) throw invalidMinutes();
    const now = new Date();
    const txId = await this.ledger.insertTransaction(m, {
      communityId: d.communityId, streetId: d.streetId, kind: 'redeem', sourceType: d.sourceType, sourceId: d.sourceId, volunteerId: d.volunteerId,
      requestedMinutes: d.minutes, memo: d.memo, serviceDate: chinaDay(d.at), teamId: null, reversesId: null, createdBy: d.volunteerId, at: now,
    });
    if (txId === null) throw new Error('redemption already debited');
    const volunteer = await this.ledger.account(m, d.communityId, d.streetId, 'volunteer', d.volunteerId, now);
    const pool = await this.ledger.account(m, d.communityId, d.streetId, 'pool', 0, now);
    const ok = await this.ledger.post(m, txId, [
      { accountId: volunteer, amount: -d.minutes, guardNonNegative: true, earned: 0 },
      { accountId: pool, amount: d.minutes, guardNonNegative: false, earned: 0 },
    ], now);
    if (!ok) throw insufficientHours();
    return txId;
  }

  /**
   * Reverses a credit or a redemption of the community by a new transaction with the opposite entries.
   * One reversal per transaction (unique key on source 'transaction'); a credit already spent cannot be
   * reversed below zero (409). Returns the reversal's id and the original.
   */
  async reverse(m: EntityManager, communityId: number, transactionId: number, reason: string, staffId: number) {
    const [orig] = (await m.query(
      `SELECT id, community_id AS communityId, street_id AS streetId, kind, source_type AS sourceType, source_id AS sourceId,
         volunteer_id AS volunteerId, service_date AS serviceDate, team_id AS teamId FROM timebank_transactions WHERE id = ?`,
      [transactionId],
    )) as { id: number; communityId: number; streetId: number; kind: string; sourceType: string; sourceId: number; volunteerId: number; serviceDate: string; teamId: number | null }[];
    if (!orig || Number(orig.communityId) !== communityId) throw notFound(ErrorCode.TIMEBANK_TRANSACTION_NOT_FOUND, '没有找到这笔记录');
    if (orig.kind === 'reversal') throw conflict(ErrorCode.TIMEBANK_NOT_REVERSIBLE, '冲正记录不能再冲正');
    const entries = await this.ledger.entriesOf(m, orig.id);
    const moved = entries.find((e) => e.kind === 'volunteer')?.amount ?? 0;
    if (moved === 0) throw conflict(ErrorCode.TIMEBANK_NOT_REVERSIBLE, '这笔记录没有计入时长，无需冲正');
    const now = new Date();
    const txId = await this.ledger.insertTransaction(m, {
      communityId, streetId: Number(orig.streetId), kind: 'reversal', sourceType: 'transaction', sourceId: orig.id, volunteerId: Number(orig.volunteerId),
      requestedMinutes: Math.abs(moved), memo: `冲正：${reason}`, serviceDate: orig.serviceDate, teamId: orig.teamId === null ? null : Number(orig.teamId),
      reversesId: orig.id, createdBy: staffId, at: now,
    });
    if (txId === null) throw conflict(ErrorCode.TIMEBANK_ALREADY_REVERSED, '这笔记录已经冲正过了');
    if (orig.kind === 'credit') await this.ledger.releaseDailyAllowance(m, communityId, Number(orig.volunteerId), orig.serviceDate, moved);
    // volunteer entry first (lock order), then the pool
    const ordered = [...entries].sort((a, b) => (a.kind === 'volunteer' ? -1 : 0) - (b.kind === 'volunteer' ? -1 : 0));
    const ok = await this.ledger.post(m, txId, ordered.map((e) => ({
      accountId: e.accountId, amount: -e.amount, guardNonNegative: e.kind === 'volunteer', earned: e.kind === 'volunteer' && orig.kind === 'credit' ? -e.amount : 0,
    })), now);
    if (!ok) throw insufficientHours();
    return { reversalId: txId, original: { id: Number(orig.id), kind: orig.kind, sourceType: orig.sourceType, sourceId: Number(orig.sourceId) } };
  }
}
