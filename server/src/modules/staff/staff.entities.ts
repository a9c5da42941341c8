import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { InvitableRole } from '../../../../contracts/staff.contract';

/**
 * 人员邀请 a one-time invitation to a staff role and area. Only a SHA-256 of the code is stored: the code itself is shown
 * once to whoever created it. Redeemed once, by a conditional UPDATE (redeemed_by IS NULL AND revoked_at IS NULL AND not expired).
 */
@Entity('staff_invitations')
@Index('UQ_staff_invitations_code_hash', ['codeHash'], { unique: true })
@Index('IDX_staff_invitations_street', ['streetId', 'id'])
@Index('IDX_staff_invitations_created_by', ['createdBy'])
export class StaffInvitationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 64 }) codeHash!: string;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 20 }) role!: InvitableRole;
  @Column({ type: 'int', nullable: true }) communityId!: number | null;
  @Column({ type: 'int', nullable: true }) gridId!: number | null;
  @Column({ type: 'int', nullable: true }) departmentId!: number | null;
  @Column({ type: 'varchar', length: 30 }) inviteeName!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  /** Null: created by the setup command (npm run admin:create). */
  @Column({ type: 'int', nullable: true }) createdBy!: number | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) expiresAt!: Date;
  @Column({ type: 'int', nullable: true }) redeemedBy!: number | null;
  @Column({ type: 'datetime', nullable: true }) redeemedAt!: Date | null;
  @Column({ type: 'datetime', nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) revokedBy!: number | null;
}

/** Issue 10 — this module's entities (registered in database/entities.ts). */
export const STAFF_ENTITIES: Function[] = [StaffInvitationEntity];
