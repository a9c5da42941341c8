import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ConcernCategory, ConcernStatus } from '../../../../contracts/concerns.contract';

export type HolderLevel = 'grid' | 'community';

/** 民情诉求 a concern raised by a resident. `version` guards concurrent transitions. */
@Entity('concerns')
@Index('IDX_concerns_submitter', ['submitterId', 'id'])
@Index('IDX_concerns_grid_status', ['gridId', 'status', 'id'])
@Index('IDX_concerns_community_status', ['communityId', 'status', 'id'])
@Index('IDX_concerns_status_created', ['status', 'createdAt'])
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
  @Column({ type: 'datetime', nullable: true }) acceptRemindedAt!: Date | null;
}

/** One immutable timeline entry: who, in what role, when, what. Never updated. */
@Entity('concern_events')
@Index('IDX_concern_events_concern', ['concernId', 'id'])
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
}
