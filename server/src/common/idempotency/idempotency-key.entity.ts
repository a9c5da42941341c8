import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One client-chosen Idempotency-Key per user and operation, with the first answer stored. */
@Entity('idempotency_keys')
@Index('UQ_idempotency_keys_user_scope_key', ['userId', 'scope', 'idemKey'], { unique: true })
@Index('IDX_idempotency_keys_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 50 }) scope!: string;
  @Column({ type: 'varchar', length: 100 }) idemKey!: string;
  @Column({ type: 'varchar', length: 64 }) requestHash!: string;
  /** 'pending' while the first request runs, then 'done'. */
  @Column({ type: 'varchar', length: 10 }) state!: 'pending' | 'done';
  @Column({ type: 'int', nullable: true }) responseStatus!: number | null;
  @Column({ type: 'text', nullable: true }) responseBody!: string | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}
