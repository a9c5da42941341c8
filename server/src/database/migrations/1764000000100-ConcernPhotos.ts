import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndexOptions } from 'typeorm';

/**
 * Photos of concerns and of their fixes (`concern_photos`). A photo is uploaded first (no concern
 * yet) and attached when the concern or the event is saved. Table API: one migration for SQLite and
 * MariaDB; a test compares it with the entity on both (no drift allowed).
 */
// Self-contained column builders, so this migration never changes with a shared helper.
// 'integer', not 'int': on SQLite the entity's `int` columns normalize to `integer` (see Foundation).
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const idx = (name: string, columnNames: string[], isUnique = false): TableIndexOptions => ({ name, columnNames, isUnique });

const table = new Table({
  name: 'concern_photos',
  columns: [
    { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
    int('uploader_id'),
    int('concern_id', true),
    int('event_id', true),
    { name: 'storage_key', type: 'varchar', length: '80', isNullable: false },
    { name: 'mime', type: 'varchar', length: '20', isNullable: false },
    int('bytes'),
    { name: 'created_at', type: 'datetime', isNullable: false },
  ],
  indices: [
    idx('UQ_concern_photos_key', ['storage_key'], true),
    idx('IDX_concern_photos_concern', ['concern_id']),
    idx('IDX_concern_photos_uploader', ['uploader_id', 'concern_id']),
  ],
});

export class ConcernPhotos1764000000100 implements MigrationInterface {
  name = 'ConcernPhotos1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(table.name, true);
  }
}
