import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ConcernCategory } from '../../../../contracts/concerns.constants';
import type { TopicStatus } from '../../../../contracts/deliberation-topics.constants';

/** A community's 议事 settings; a community without a row uses the defaults. */
@Entity('deliberation_settings')
@Index('UQ_deliberation_settings_community', ['communityId'], { unique: true })
export class DeliberationSettingsEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) supportThreshold!: number;
  @Column({ type: 'int' }) agendaSlots!: number;
  @Column({ type: 'int', nullable: true }) updatedBy!: number | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/**
 * 议题: a resident's proposal. `supportCount` changes only in the transaction that adds or removes a
 * support row; `status` only by conditional updates (WHERE status = expected).
 */
@Entity('deliberation_topics')
@Index('IDX_deliberation_topics_community_status', ['communityId', 'status', 'supportCount'])
@Index('IDX_deliberation_topics_community_id', ['communityId', 'id'])
@Index('IDX_deliberation_topics_proposer', ['proposerId', 'id'])
export class DeliberationTopicEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) proposerId!: number;
  @Column({ type: 'varchar', length: 50 }) title!: string;
  @Column({ type: 'text' }) problem!: string;
  @Column({ type: 'text' }) hope!: string;
  @Column({ type: 'varchar', length: 32 }) category!: ConcernCategory;
  @Column({ type: 'varchar', length: 20 }) status!: TopicStatus;
  @Column({ type: 'int', default: 0 }) supportCount!: number;
  @Column({ type: 'boolean', default: true }) autoPlace!: boolean;
  @Column({ type: 'int', nullable: true }) mergedIntoId!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) declineReason!: string | null;
  @Column({ type: 'datetime', nullable: true }) queuedAt!: Date | null;
  @Column({ type: 'datetime' }) statusChangedAt!: Date;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** One support per resident per topic (merged supports are copied to the target without duplicates). */
@Entity('deliberation_topic_supports')
@Index('UQ_deliberation_topic_supports_topic_user', ['topicId', 'userId'], { unique: true })
@Index('IDX_deliberation_topic_supports_user', ['userId', 'topicId'])
export class DeliberationTopicSupportEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) topicId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** Concerns a topic is linked to. */
@Entity('deliberation_topic_concerns')
@Index('UQ_deliberation_topic_concerns_topic_concern', ['topicId', 'concernId'], { unique: true })
export class DeliberationTopicConcernEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) topicId!: number;
  @Column({ type: 'int' }) concernId!: number;
}

/**
 * 议程: one item of a session's agenda in the five-step form (where, what, who, how, how it is carried out).
 * `topicId` is null for an item staff added without a topic; a topic is on at most one agenda (unique).
 * `who` is JSON text: { parties: AgendaParty[], others: string }.
 */
@Entity('deliberation_agenda_items')
@Index('IDX_deliberation_agenda_items_session_position', ['sessionId', 'position'])
@Index('UQ_deliberation_agenda_items_topic', ['topicId'], { unique: true })
export class DeliberationAgendaItemEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int', nullable: true }) topicId!: number | null;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'varchar', length: 50 }) title!: string;
  @Column({ type: 'varchar', length: 200 }) whereText!: string;
  @Column({ type: 'text' }) whatText!: string;
  @Column({ type: 'text' }) who!: string;
  @Column({ type: 'varchar', length: 500 }) howText!: string;
  @Column({ type: 'text' }) carriedOutText!: string;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/**
 * The agenda slot counter of one session: `itemCount` grows only by a conditional update
 * (item_count < the community's slots), so a session's agenda never exceeds its slots even with several
 * server processes; every agenda change of a session takes this row's lock first.
 */
@Entity('deliberation_agenda_counters')
@Index('UQ_deliberation_agenda_counters_session', ['sessionId'], { unique: true })
export class DeliberationAgendaCounterEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int', default: 0 }) itemCount!: number;
  @Column({ type: 'int', default: 0 }) lastPosition!: number;
}

export const DELIBERATION_TOPIC_ENTITIES = [
  DeliberationSettingsEntity, DeliberationTopicEntity, DeliberationTopicSupportEntity, DeliberationTopicConcernEntity,
  DeliberationAgendaItemEntity, DeliberationAgendaCounterEntity,
];
