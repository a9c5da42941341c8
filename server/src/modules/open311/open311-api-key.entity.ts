import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An Open311 API key issued by a street. Only the key's sha256 (hex) is stored; `keyPrefix` (its
 * first characters) lets staff tell keys apart. A revoked key stays listed and is refused.
 * `nchar(64)`: a fixed-width CHAR(64) on both databases (TypeORM's better-sqlite3 driver rejects 'char';
 * MariaDB stores nchar as CHAR(64), which TypeORM compares as 'char' — no drift).
 */
@Entity('open311_api_keys')
@Index('UQ_open311_api_keys_hash', ['keyHash'], { unique: true })
@Index('IDX_open311_api_keys_street', ['streetId', 'id'])
export class Open311ApiKeyEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'nchar', length: 64 }) keyHash!: string;
  @Column({ type: 'varchar', length: 8 }) keyPrefix!: string;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime', nullable: true }) revokedAt!: Date | null;
}
