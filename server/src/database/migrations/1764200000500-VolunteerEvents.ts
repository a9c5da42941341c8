import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 小红帽: a volunteer's history (`volunteer_events`, inserted, never updated): applied, approved, declined,
 * suspended (暂停, with the reason the volunteer is told) and reinstated (恢复), with who did it.
 */
const TABLE = new Table({
  name: 'volunteer_events',
  columns: [
    col.id(), col.int('volunteer_id'), col.int('actor_id'), col.str('actor_role', 20), col.str('type', 20), col.str('from_status', 12, true),
    col.str('to_status', 12), col.str('note', 200, true), col.date('created_at'),
  ],
  indices: [idx('IDX_volunteer_events_volunteer', ['volunteer_id', 'id'])],
});

export class VolunteerEvents1764200000500 implements MigrationInterface {
  name = 'VolunteerEvents1764200000500';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(TABLE, false, false, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable(TABLE.name, true);
  }
}
