import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { CreateRewardRequest, RedeemResponse, RewardItem, UpdateRewardRequest } from '../../../../contracts/timebank.contract';
import { conflict, notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { residentCommunity, staffCommunity } from './timebank-access';
import { retryDeadlock } from '../../database/database.service';
import { execAffected, LEDGER_RETRIES } from './timebank-ledger.repository';
import { TimebankRewardEntity } from './timebank.entities';
import { TimebankService } from './timebank.service';

const rewardNotFound = () => notFound(ErrorCode.REWARD_NOT_FOUND, '没有找到这个兑换项目');
const toItem = (r: TimebankRewardEntity): RewardItem => ({
  id: r.id, name: r.name, description: r.description, costMinutes: r.costMinutes, stock: r.stock, active: !!r.active,
});

/** 积分兑换: staff list what hours buy; a volunteer redeems (a debit; balance and stock never below zero). */
@Injectable()
export class TimebankRewardsService {
  constructor(private readonly db: DatabaseService, private readonly ledger: TimebankService) {}

  async list(userId: number): Promise<RewardItem[]> {
    const { user, communityId } = await residentCommunity(this.db.manager, userId);
    const where = user.role === 'community_staff' ? { communityId } : { communityId, active: true };
    return (await this.db.manager.find(TimebankRewardEntity, { where, order: { costMinutes: 'ASC', id: 'ASC' } })).map(toItem);
  }

  async create(staffId: number, b: CreateRewardRequest): Promise<RewardItem> {
    return this.db.transaction(async (m) => {
      const { communityId } = await staffCommunity(m, staffId);
      const now = new Date();
      const r = await m.save(m.create(TimebankRewardEntity, {
        communityId, name: b.name, description: b.description ?? null, costMinutes: b.costMinutes, stock: b.stock, active: true, createdBy: staffId, createdAt: now, updatedAt: now,
      }));
      return toItem(r);
    });
  }

  async update(staffId: number, id: number, b: UpdateRewardRequest): Promise<RewardItem> {
    return this.db.transaction(async (m) => {
      const { communityId } = await staffCommunity(m, staffId);
      const r = await this.own(m, communityId, id);
      const patch: Partial<TimebankRewardEntity> = { updatedAt: new Date() };
      if (b.name !== undefined) patch.name = b.name;
      if (b.description !== undefined) patch.description = b.description;
      if (b.costMinutes !== undefined) patch.costMinutes = b.costMinutes;
      if (b.stock !== undefined) patch.stock = b.stock;
      if (b.active !== undefined) patch.active = b.active;
      await m.update(TimebankRewardEntity, { id: r.id }, patch);
      return toItem(await this.own(m, communityId, id));
    });
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

  private async own(m: EntityManager, communityId: number, id: number): Promise<TimebankRewardEntity> {
    const r = await m.findOne(TimebankRewardEntity, { where: { id } });
    if (!r || r.communityId !== communityId) throw rewardNotFound();
    return r;
  }
}
