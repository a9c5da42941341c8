import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndexOptions } from 'typeorm';

/**
 * API keys a street issues for the Open311 GeoReport v2 endpoint (`open311_api_keys`): the key's
 * sha256 only, never the key. Table API: one migration for SQLite and MariaDB; a test compares it
 * with the entity on both (no drift allowed).
 */
// Self-contained column builders, so this migration never changes with a shared helper.
// 'integer', not 'int': on SQLite the entity's `int` columns normalize to `integer` (see Foundation).
const int = (name: string): TableColumnOptions => ({ name, type: 'integer', isNullable: false });
const idx = (name: string, columnNames: string[], isUnique = false): TableIndexOptions => ({ name, columnNames, isUnique });

const table = new Table({
  name: 'open311_api_keys',
  columns: [
    { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
    int('street_id'),
    { name: 'name', type: 'varchar', length: '50', isNullable: false },
    // nchar(64) = CHAR(64) on MariaDB; 'char' is refused by TypeORM's better-sqlite3 driver.
    { name: 'key_hash', type: 'nchar', length: '64', isNullable: false },
    { name: 'key_prefix', type: 'varchar', length: '8', isNullable: false },
    int('created_by'),
    { name: 'created_at', type: 'datetime', isNullable: false },
    { name: 'revoked_at', type: 'datetime', isNullable: true },
  ],
  indices: [idx('UQ_open311_api_keys_hash', ['key_hash'], true), idx('IDX_open311_api_keys_street', ['street_id', 'id'])],
});

export class Open311Keys1764000000300 implements MigrationInterface {
  name = 'Open311Keys1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(table.name, true);
  }
}
