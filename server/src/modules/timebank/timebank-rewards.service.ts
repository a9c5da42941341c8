import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { CreateRewardRequest, RedeemResponse, RewardItem, UpdateRewardRequest } from '../../../../contracts/timebank.contract';
import { conflict, type DomainException, notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { residentCommunity, staffCommunity } from './timebank-access';
import { retryDeadlock } from '../../database/database.service';
import { execAffected, LEDGER_RETRIES } from './timebank-ledger.repository';
import { TimebankRewardEntity } from './timebank.entities';
import { TimebankService } from './timebank.service';

const rewardNotFound = () => notFound(ErrorCode.REWARD_NOT_FOUND, '没有找到这个兑换项目');
const toItem = (r: TimebankRewardEntity, redeemedCount: number): RewardItem => ({
  id: r.id, name: r.name, description: r.description, costMinutes: r.costMinutes, stock: r.stock === null ? null : Number(r.stock), active: !!r.active, redeemedCount,
});
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** 积分兑换: staff list what hours buy; a volunteer redeems (a debit; balance and stock never below zero). */
@Injectable()
export class TimebankRewardsService {
  constructor(private readonly db: DatabaseService, private readonly ledger: TimebankService) {}

  async list(userId: number): Promise<RewardItem[]> {
    const { user, communityId } = await residentCommunity(this.db.manager, userId);
    const where = user.role === 'community_staff' ? { communityId } : { communityId, active: true };
    return this.items(this.db.manager, await this.db.manager.find(TimebankRewardEntity, { where, order: { costMinutes: 'ASC', id: 'ASC' } }));
  }

  async create(staffId: number, b: CreateRewardRequest): Promise<RewardItem> {
    return this.db.transaction(async (m) => {
      const { communityId } = await staffCommunity(m, staffId);
      const now = new Date();
      const r = await m.save(m.create(TimebankRewardEntity, {
        communityId, name: b.name, description: b.description ?? null, costMinutes: b.costMinutes, stock: b.stock, active: true, createdBy: staffId, createdAt: now, updatedAt: now,
      }));
      return toItem(r, 0);
    });
  }

  /**
   * Name, description, cost, 上架/下架, and the stock left. The stock is set only where it still is what the staff
   * member was shown (`stockSeen`): a redemption in between makes the UPDATE match nothing and the edit is refused
   * with the current figure, so a redeemed item is never silently put back. The schema keeps it at 0 or more.
   */
  async update(staffId: number, id: number, b: UpdateRewardRequest): Promise<RewardItem> {
    return retryDeadlock(() => this.db.transaction(async (m) => {
      const { communityId } = await staffCommunity(m, staffId);
      const r = await this.own(m, communityId, id);
      if (b.stock !== undefined) {
        const seen = b.stockSeen ?? null;
        const set = await execAffected(
          m,
          `UPDATE timebank_rewards SET stock = ? WHERE id = ? AND ${seen === null ? 'stock IS NULL' : 'stock = ?'}`,
          seen === null ? [b.stock, r.id] : [b.stock, r.id, seen],
        );
        if (set !== 1) throw await this.stockChanged(m, r.id);
      }
      const patch: Partial<TimebankRewardEntity> = { updatedAt: new Date() };
      if (b.name !== undefined) patch.name = b.name;
      if (b.description !== undefined) patch.description = b.description;
      if (b.costMinutes !== undefined) patch.costMinutes = b.costMinutes;
      if (b.active !== undefined) patch.active = b.active;
      await m.update(TimebankRewardEntity, { id: r.id }, patch);
      return (await this.items(m, [await this.own(m, communityId, id)]))[0];
    }), LEDGER_RETRIES);
  }

  /** Stock first (conditional decrement), then the debit (conditional on the balance); either failing rolls all back. */
  async redeem(userId: number, rewardId: number): Promise<RedeemResponse> {
    return retryDeadlock(() => this.db.transaction(async (m) => {
      const { communityId, streetId } = await residentCommunity(m, userId);
      const r = await this.own(m, communityId, rewardId);
      if (!r.active) throw conflict(ErrorCode.REWARD_INACTIVE, '这个兑换项目已下架');
      if (r.stock !== null) {
        const took = await execAffected(m, 'UPDATE timebank_rewards SET stock = stock - 1 WHERE id = ? AND stock > 0', [r.id]);
        if (took !== 1) throw conflict(ErrorCode.REWARD_OUT_OF_STOCK, '这个兑换项目已经兑完了');
      }
      const now = new Date();
      const redemptionId = await this.db.insert(m, 'INSERT INTO timebank_redemptions (community_id, reward_id, user_id, cost_minutes, created_at) VALUES (?, ?, ?, ?, ?)', [
        communityId, r.id, userId, r.costMinutes, this.db.dateParam(now),
      ]);
      const transactionId = await this.ledger.debit(m, {
        communityId, streetId, volunteerId: userId, minutes: r.costMinutes, sourceType: 'reward', sourceId: redemptionId, memo: `兑换：${r.name}`, at: now,
      });
      const after = await this.own(m, communityId, r.id);
      return {
        redemptionId, transactionId, rewardId: r.id, costMinutes: r.costMinutes, balanceMinutes: await this.ledger.balanceMinutes(m, communityId, userId), stock: after.stock,
      };
    }), LEDGER_RETRIES);
  }

  /**
   * The 409 for a stock edit that lost to a redemption, with the stock as stored now: a locking read, because on
   * MariaDB a plain read inside this (REPEATABLE READ) transaction would return its snapshot — the figure staff saw.
   */
  private async stockChanged(m: EntityManager, id: number): Promise<DomainException> {
    const [row] = (await m.query(`SELECT stock FROM timebank_rewards WHERE id = ?${this.db.forUpdate}`, [id])) as { stock: number | null }[];
    const stock = row.stock === null ? null : Number(row.stock);
    return conflict(ErrorCode.REWARD_STOCK_CHANGED, `数量刚刚有了变化（可能有人兑换了），现在还剩 ${stock === null ? '不限' : `${stock} 份`}，请核对后再改`, { stock });
  }

  /** Items with how many times each was redeemed (a redemption whose debit was reversed does not count). */
  private async items(m: EntityManager, rows: TimebankRewardEntity[]): Promise<RewardItem[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const counts = (await m.query(
      `SELECT d.reward_id AS id, COUNT(*) AS n FROM timebank_redemptions d
         JOIN timebank_transactions t ON t.kind = 'redeem' AND t.source_type = 'reward' AND t.source_id = d.id AND t.volunteer_id = d.user_id
        WHERE d.reward_id IN (${marks(ids.length)})
          AND NOT EXISTS (SELECT 1 FROM timebank_transactions x WHERE x.kind = 'reversal' AND x.source_type = 'transaction' AND x.source_id = t.id)
        GROUP BY d.reward_id`,
      ids,
    )) as { id: number; n: number }[];
    const byId = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
    return rows.map((r) => toItem(r, byId.get(r.id) ?? 0));
  }

  private async own(m: EntityManager, communityId: number, id: number): Promise<TimebankRewardEntity> {
    const r = await m.findOne(TimebankRewardEntity, { where: { id } });
    if (!r || r.communityId !== communityId) throw rewardNotFound();
    return r;
  }
}
