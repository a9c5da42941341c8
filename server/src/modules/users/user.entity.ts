import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../../../contracts/roles';

/**
 * A person using Linli. Staff have an area scope (street/community/grid/department columns);
 * a resident's community/grid columns are those of the unit they chose.
 * `wxSessionKey` is WeChat's session_key: kept here, never returned, never logged.
 */
@Entity('users')
@Index('UQ_users_openid', ['openid'], { unique: true })
@Index('IDX_users_grid_role', ['gridId', 'role'])
export class UserEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 64, nullable: true }) openid!: string | null;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'varchar', length: 20 }) role!: Role;
  @Column({ type: 'int', nullable: true }) streetId!: number | null;
  @Column({ type: 'int', nullable: true }) communityId!: number | null;
  @Column({ type: 'int', nullable: true }) gridId!: number | null;
  @Column({ type: 'int', nullable: true }) departmentId!: number | null;
  @Column({ type: 'int', nullable: true }) unitId!: number | null;
  @Column({ type: 'boolean', default: false }) unitConfirmed!: boolean;
  @Column({ type: 'datetime', nullable: true }) unitChosenAt!: Date | null;
  @Column({ type: 'int', nullable: true }) unitConfirmedBy!: number | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) wxSessionKey!: string | null;
  @Column({ type: 'boolean', default: false }) isDemo!: boolean;
  @Column({ type: 'datetime' }) createdAt!: Date;
  /** Account deleted by its owner (PIPL): identity removed, row kept so their concerns still count. Tokens stop working. */
  @Column({ type: 'datetime', nullable: true }) deletedAt!: Date | null;
}
