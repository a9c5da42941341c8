import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 一日一记: staff members' own diary notes (`diary_notes`). The actions of a diary are read from
 * concern_events; only the notes are stored here. Table API: one migration for SQLite and MariaDB.
 */
const table = new Table({
  name: 'diary_notes',
  columns: [col.id(), col.int('user_id'), col.str('day', 10), col.str('text', 1000), col.date('created_at')],
  indices: [idx('IDX_diary_notes_user_day', ['user_id', 'day'])],
});

export class DiaryNotes1764000000200 implements MigrationInterface {
  name = 'DiaryNotes1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(table.name, true);
  }
}
