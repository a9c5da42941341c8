import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReminderKind, ResolutionHistoryKind, ResolutionStatus } from '../../../../contracts/deliberation-outcomes.contract';

/** 纪要: one per session (unique), edited with an optimistic `version`. */
@Entity('deliberation_minutes')
@Index('UQ_deliberation_minutes_session', ['sessionId'], { unique: true })
export class DeliberationMinutesEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'int' }) recordedBy!: number;
  @Column({ type: 'datetime' }) recordedAt!: Date;
  @Column({ type: 'int' }) updatedBy!: number;
  @Column({ type: 'datetime' }) updatedAt!: Date;
  @Column({ type: 'int', default: 1 }) version!: number;
}

/**
 * 决议 of a session, optionally of an agenda item (then of its topic, copied at recording time).
 * `dueDate` is a China-time day 'YYYY-MM-DD' (sorts as text). Status changes only by a conditional
 * update on `version`; `streetId` lets the street see what was escalated to it.
 */
@Entity('deliberation_resolutions')
@Index('IDX_deliberation_resolutions_session', ['sessionId', 'id'])
@Index('IDX_deliberation_resolutions_board', ['communityId', 'status', 'dueDate', 'id'])
@Index('IDX_deliberation_resolutions_street', ['streetId', 'status', 'dueDate'])
@Index('IDX_deliberation_resolutions_topic', ['topicId'])
@Index('IDX_deliberation_resolutions_agenda_item', ['agendaItemId'])
export class DeliberationResolutionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int', nullable: true }) agendaItemId!: number | null;
  @Column({ type: 'int', nullable: true }) topicId!: number | null;
  @Column({ type: 'varchar', length: 500 }) text!: string;
  @Column({ type: 'varchar', length: 50 }) ownerName!: string;
  @Column({ type: 'int', nullable: true }) ownerUserId!: number | null;
  @Column({ type: 'varchar', length: 10 }) dueDate!: string;
  @Column({ type: 'varchar', length: 20 }) status!: ResolutionStatus;
  @Column({ type: 'varchar', length: 500, nullable: true }) escalationReason!: string | null;
  @Column({ type: 'datetime', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** The immutable history of a resolution: recorded, every status change, every progress note, every edit. */
@Entity('deliberation_resolution_events')
@Index('IDX_deliberation_resolution_events_resolution', ['resolutionId', 'id'])
export class DeliberationResolutionEventEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) resolutionId!: number;
  @Column({ type: 'varchar', length: 20 }) kind!: ResolutionHistoryKind;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromStatus!: ResolutionStatus | null;
  @Column({ type: 'varchar', length: 20 }) toStatus!: ResolutionStatus;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ type: 'int' }) byUserId!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** 关注: one per (resolution, user). */
@Entity('deliberation_resolution_follows')
@Index('UQ_deliberation_resolution_follows_resolution_user', ['resolutionId', 'userId'], { unique: true })
@Index('IDX_deliberation_resolution_follows_user', ['userId'])
export class DeliberationResolutionFollowEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) resolutionId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** A session reminder sent: unique per (session, user, kind, start), so it goes out once per start time. */
@Entity('deliberation_reminders')
@Index('UQ_deliberation_reminders_once', ['sessionId', 'userId', 'kind', 'startsAt'], { unique: true })
export class DeliberationReminderEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 20 }) kind!: ReminderKind;
  @Column({ type: 'datetime' }) startsAt!: Date;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

export const DELIBERATION_OUTCOME_ENTITIES = [
  DeliberationMinutesEntity, DeliberationResolutionEntity, DeliberationResolutionEventEntity, DeliberationResolutionFollowEntity, DeliberationReminderEntity,
];
