import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '../../../../contracts/audit.contract';

/** One audit entry: inserted, never updated or deleted (the database refuses both). */
@Entity('audit_log')
@Index('IDX_audit_log_street', ['streetId', 'id'])
@Index('IDX_audit_log_subject', ['subjectUserId', 'id'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int', nullable: true }) streetId!: number | null;
  /** Who did it; null for the setup command (admin:create) and jobs. */
  @Column({ type: 'int', nullable: true }) actorId!: number | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) actorRole!: string | null;
  @Column({ type: 'varchar', length: 40 }) action!: AuditAction;
  /** The person whose data or role it concerns. */
  @Column({ type: 'int', nullable: true }) subjectUserId!: number | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) targetType!: string | null;
  @Column({ type: 'int', nullable: true }) targetId!: number | null;
  /** Plain words, no personal data beyond what the action needs (e.g. "网格员 → 居民"). */
  @Column({ type: 'varchar', length: 500, nullable: true }) detail!: string | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}
