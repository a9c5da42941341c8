import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app message to one user, written by a domain event. */
@Entity('notifications')
@Index('IDX_notifications_user', ['userId', 'id'])
@Index('IDX_notifications_user_read', ['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 50 }) type!: string;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) body!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link!: string | null;
  @Column({ type: 'datetime', nullable: true }) readAt!: Date | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}
