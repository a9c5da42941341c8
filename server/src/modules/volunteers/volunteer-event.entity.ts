import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { VolunteerEventType, VolunteerStatus } from '../../../../contracts/volunteers.constants';

/** A volunteer's history: each status change (报名, 通过, 未通过, 暂停, 恢复), who made it and why. Inserted, never updated. */
@Entity('volunteer_events')
@Index('IDX_volunteer_events_volunteer', ['volunteerId', 'id'])
export class VolunteerEventEntity {
  @PrimaryGeneratedColumn() id!: number;
  /** volunteers.id */
  @Column({ type: 'int' }) volunteerId!: number;
  @Column({ type: 'int' }) actorId!: number;
  @Column({ type: 'varchar', length: 20 }) actorRole!: string;
  @Column({ type: 'varchar', length: 20 }) type!: VolunteerEventType;
  @Column({ type: 'varchar', length: 12, nullable: true }) fromStatus!: VolunteerStatus | null;
  @Column({ type: 'varchar', length: 12 }) toStatus!: VolunteerStatus;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}
