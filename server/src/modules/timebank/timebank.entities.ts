import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 红色银行 — the time bank. Append-only, double-entry: every transaction has entries summing to zero
 * (the community pool −x, the volunteer +x). Stored balances are updated in the same transaction by
 * conditional UPDATEs; entries and transactions are never updated or deleted.
 */

/** Community setting: at most this many minutes credited per volunteer per China day. */
@Entity('timebank_settings')
@Index('UQ_timebank_settings_community', ['communityId'], { unique: true })
export class TimebankSettingsEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) dailyCapMinutes!: number;
  @Column({ type: 'int', nullable: true }) updatedBy!: number | null;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** One account per community pool (user_id 0: NULLs would not be unique) and per volunteer per community. */
@Entity('timebank_accounts')
@Index('UQ_timebank_accounts_owner', ['communityId', 'kind', 'userId'], { unique: true })
export class TimebankAccountEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 10 }) kind!: 'pool' | 'volunteer';
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'int', default: 0 }) balanceMinutes!: number;
  /** Minutes ever credited minus credits reversed (the rank is by this, not by the spendable balance). */
  @Column({ type: 'int', default: 0 }) earnedMinutes!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/**
 * One movement. The unique key (kind, source_type, source_id, volunteer_id) makes crediting the same
 * completion twice impossible and allows one reversal per transaction (source_type 'transaction').
 */
@Entity('timebank_transactions')
@Index('UQ_timebank_transactions_source', ['kind', 'sourceType', 'sourceId', 'volunteerId'], { unique: true })
@Index('IDX_timebank_transactions_community', ['communityId', 'id'])
@Index('IDX_timebank_transactions_volunteer', ['volunteerId', 'id'])
export class TimebankTransactionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 10 }) kind!: 'credit' | 'redeem' | 'reversal';
  @Column({ type: 'varchar', length: 20 }) sourceType!: string;
  @Column({ type: 'int' }) sourceId!: number;
  @Column({ type: 'int' }) volunteerId!: number;
  /** What was asked; the entries carry what moved (a credit may be cut by the daily cap). */
  @Column({ type: 'int' }) requestedMinutes!: number;
  @Column({ type: 'varchar', length: 200 }) memo!: string;
  /** China calendar day of the service (credits; the day the daily cap counts on). */
  @Column({ type: 'varchar', length: 10 }) serviceDate!: string;
  @Column({ type: 'int', nullable: true }) teamId!: number | null;
  @Column({ type: 'int', nullable: true }) reversesId!: number | null;
  @Column({ type: 'int', nullable: true }) createdBy!: number | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

@Entity('timebank_entries')
@Index('IDX_timebank_entries_transaction', ['transactionId'])
@Index('IDX_timebank_entries_account', ['accountId', 'id'])
export class TimebankEntryEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) transactionId!: number;
  @Column({ type: 'int' }) accountId!: number;
  @Column({ type: 'int' }) amountMinutes!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** Minutes credited to a volunteer on one China day; `credited + x <= cap` is the UPDATE's WHERE. */
@Entity('timebank_daily_credits')
@Index('UQ_timebank_daily_credits_day', ['communityId', 'volunteerId', 'day'], { unique: true })
export class TimebankDailyCreditEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) volunteerId!: number;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'int', default: 0 }) creditedMinutes!: number;
}

/** 积分兑换: what hours buy. `stock` null = unlimited; decremented by `stock > 0`. */
@Entity('timebank_rewards')
@Index('IDX_timebank_rewards_community', ['communityId', 'id'])
export class TimebankRewardEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 300, nullable: true }) description!: string | null;
  @Column({ type: 'int' }) costMinutes!: number;
  @Column({ type: 'int', nullable: true }) stock!: number | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

@Entity('timebank_redemptions')
@Index('IDX_timebank_redemptions_user', ['userId', 'id'])
@Index('IDX_timebank_redemptions_reward', ['rewardId'])
export class TimebankRedemptionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) rewardId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'int' }) costMinutes!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** 团队活动: `taken < slots` is the sign-up UPDATE's WHERE. `resolutionId`: the 议事亭 resolution it carries out, if any. */
@Entity('team_activities')
@Index('IDX_team_activities_community', ['communityId', 'startsAt'])
@Index('IDX_team_activities_resolution', ['resolutionId', 'startsAt'])
export class TeamActivityEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int', nullable: true }) teamId!: number | null;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'varchar', length: 1000 }) description!: string;
  @Column({ type: 'varchar', length: 200 }) place!: string;
  @Column({ type: 'datetime' }) startsAt!: Date;
  @Column({ type: 'datetime' }) endsAt!: Date;
  @Column({ type: 'int' }) slots!: number;
  @Column({ type: 'int', default: 0 }) taken!: number;
  @Column({ type: 'int' }) creditMinutes!: number;
  @Column({ type: 'varchar', length: 12 }) status!: 'open' | 'cancelled' | 'credited';
  @Column({ type: 'datetime', nullable: true }) creditedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) creditedBy!: number | null;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
  @Column({ type: 'int', nullable: true }) resolutionId!: number | null;
}

@Entity('team_activity_signups')
@Index('UQ_team_activity_signups_user', ['activityId', 'userId'], { unique: true })
@Index('IDX_team_activity_signups_user', ['userId'])
export class TeamActivitySignupEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) activityId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 12 }) status!: 'signed_up' | 'cancelled';
  @Column({ type: 'datetime', nullable: true }) checkedInAt!: Date | null;
  @Column({ type: 'int', nullable: true }) checkedInBy!: number | null;
  @Column({ type: 'datetime', nullable: true }) checkedOutAt!: Date | null;
  @Column({ type: 'int', nullable: true }) checkedOutBy!: number | null;
  /** Set by "credit hours": 'attended' (credited) or 'no_show' (recorded, not credited). */
  @Column({ type: 'varchar', length: 10, nullable: true }) attendance!: 'attended' | 'no_show' | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

export const TIMEBANK_ENTITIES = [
  TimebankSettingsEntity, TimebankAccountEntity, TimebankTransactionEntity, TimebankEntryEntity, TimebankDailyCreditEntity,
  TimebankRewardEntity, TimebankRedemptionEntity, TeamActivityEntity, TeamActivitySignupEntity,
];
