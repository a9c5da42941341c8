import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CloseReason, ConcernCategory, ConcernStatus, HolderLevel, PlaceKind } from '../../../../contracts/concerns.constants';

export type { HolderLevel };

/**
 * 民情诉求 a concern raised by a resident. `version` guards concurrent transitions; `is_open` and
 * `stage_deadline_at` drive the inboxes ("overdue first, then by deadline") and the overdue job.
 */
@Entity('concerns')
@Index('IDX_concerns_submitter', ['submitterId', 'id'])
@Index('IDX_concerns_grid_status', ['gridId', 'status', 'id'])
@Index('IDX_concerns_community_status', ['communityId', 'status', 'id'])
@Index('IDX_concerns_inbox_grid', ['gridId', 'holderLevel', 'isOpen', 'stageDeadlineAt', 'id'])
@Index('IDX_concerns_inbox_community', ['communityId', 'holderLevel', 'isOpen', 'stageDeadlineAt', 'id'])
@Index('IDX_concerns_inbox_street', ['streetId', 'holderLevel', 'isOpen', 'stageDeadlineAt', 'id'])
@Index('IDX_concerns_inbox_department', ['departmentId', 'isOpen', 'stageDeadlineAt', 'id'])
@Index('IDX_concerns_deadline', ['isOpen', 'stageDeadlineAt'])
@Index('IDX_concerns_public', ['communityId', 'isPublic', 'category', 'createdAt'])
@Index('IDX_concerns_grid_created', ['gridId', 'createdAt'])
@Index('IDX_concerns_community_created', ['communityId', 'createdAt'])
@Index('IDX_concerns_street_created', ['streetId', 'createdAt'])
@Index('IDX_concerns_street_public', ['streetId', 'isPublic', 'createdAt'])
export class ConcernEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) gridId!: number;
  @Column({ type: 'int' }) buildingId!: number;
  @Column({ type: 'int' }) unitId!: number;
  @Column({ type: 'int' }) submitterId!: number;
  @Column({ type: 'varchar', length: 32 }) category!: ConcernCategory;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'varchar', length: 20 }) status!: ConcernStatus;
  @Column({ type: 'varchar', length: 20 }) holderLevel!: HolderLevel;
  @Column({ type: 'int', nullable: true }) holderId!: number | null;
  @Column({ type: 'int', nullable: true }) firstOwnerId!: number | null;
  @Column({ type: 'boolean', default: false }) unconfirmed!: boolean;
  @Column({ type: 'int', default: 1 }) version!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
  @Column({ type: 'datetime', nullable: true }) acceptedAt!: Date | null;
  @Column({ type: 'boolean', default: false }) isPublic!: boolean;
  @Column({ type: 'boolean', default: true }) isOpen!: boolean;
  @Column({ type: 'varchar', length: 20, default: 'unit' }) placeKind!: PlaceKind;
  @Column({ type: 'varchar', length: 200, nullable: true }) placeDetail!: string | null;
  @Column({ type: 'int', nullable: true }) latE6!: number | null;
  @Column({ type: 'int', nullable: true }) lngE6!: number | null;
  @Column({ type: 'int', nullable: true }) departmentId!: number | null;
  @Column({ type: 'datetime', nullable: true }) stageStartedAt!: Date | null;
  @Column({ type: 'datetime', nullable: true }) stageDeadlineAt!: Date | null;
  @Column({ type: 'datetime', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'datetime', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) closeReason!: CloseReason | null;
  @Column({ type: 'int', nullable: true }) rating!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) ratingComment!: string | null;
  @Column({ type: 'int', nullable: true }) proxyById!: number | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) proxyName!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) proxyPhone!: string | null;
  @Column({ type: 'int', default: 0 }) meTooCount!: number;
  @Column({ type: 'int', default: 0 }) photoCount!: number;
}

/** One immutable timeline entry: who, in what role, when, what. Never updated. */
@Entity('concern_events')
@Index('IDX_concern_events_concern', ['concernId', 'id'])
@Index('IDX_concern_events_actor_created', ['actorId', 'createdAt'])
export class ConcernEventEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) concernId!: number;
  @Column({ type: 'int' }) actorId!: number;
  @Column({ type: 'varchar', length: 20 }) actorRole!: string;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) fromStatus!: string | null;
  @Column({ type: 'varchar', length: 20 }) toStatus!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'varchar', length: 20, nullable: true }) toLevel!: string | null;
}

/** A category as configured for a community (community_id 0 holds the defaults). */
@Entity('concern_categories')
@Index('UQ_concern_categories_community_code', ['communityId', 'code'], { unique: true })
export class ConcernCategoryEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 32 }) code!: ConcernCategory;
  @Column({ type: 'varchar', length: 30 }) label!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) hint!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) emergencyNotice!: string | null;
  @Column({ type: 'int' }) resolveHours!: number;
  @Column({ type: 'int' }) sortOrder!: number;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
}

/** "Me too": one row per neighbour who joined a public concern. */
@Entity('concern_supporters')
@Index('UQ_concern_supporters_concern_user', ['concernId', 'userId'], { unique: true })
@Index('IDX_concern_supporters_user', ['userId'])
export class ConcernSupporterEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) concernId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}
