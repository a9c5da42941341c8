import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 议事亭 pavilion deliberation: series, sessions (unique per series and scheduled slot), registrations
 * (unique per session and resident; unique check-in code) and representatives. Table API: one migration
 * for SQLite and MariaDB; the schema-drift test compares it with the entities on both.
 */
const TABLES = [
  new Table({
    name: 'deliberation_series',
    columns: [
      col.id(), col.int('street_id'), col.int('community_id'), col.str('name', 50), col.str('place', 100), col.int('weekday'), col.str('time', 5),
      col.int('duration_minutes'), col.int('seats'), col.int('reserved_seats'), col.int('opens_days_before'), col.int('closes_hours_before'),
      col.bool('active', 1), col.int('created_by'), col.date('created_at'),
    ],
    indices: [idx('IDX_deliberation_series_community', ['community_id', 'id'])],
  }),
  new Table({
    name: 'deliberation_sessions',
    columns: [
      col.id(), col.int('series_id'), col.int('community_id'), col.date('slot_at'), col.date('starts_at'), col.date('ends_at'), col.date('opens_at'),
      col.date('closes_at'), col.str('place', 100), col.str('status', 20), col.str('cancel_reason', 200, true), col.int('capacity'),
      col.int('taken', false, 0), col.int('reserved_capacity'), col.int('reserved_taken', false, 0), col.int('waitlist_seq', false, 0),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('UQ_deliberation_sessions_series_slot', ['series_id', 'slot_at'], true),
      idx('IDX_deliberation_sessions_community_starts', ['community_id', 'starts_at']),
    ],
  }),
  new Table({
    name: 'deliberation_registrations',
    columns: [
      col.id(), col.int('session_id'), col.int('user_id'), col.str('status', 20), col.str('seat_kind', 20, true), col.int('waitlist_no', true),
      col.str('check_in_code', 16), col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('UQ_deliberation_registrations_session_user', ['session_id', 'user_id'], true),
      idx('UQ_deliberation_registrations_code', ['check_in_code'], true),
      idx('IDX_deliberation_registrations_queue', ['session_id', 'status', 'waitlist_no']),
      idx('IDX_deliberation_registrations_user', ['user_id', 'session_id']),
    ],
  }),
  new Table({
    name: 'deliberation_representatives',
    columns: [col.id(), col.int('community_id'), col.int('user_id'), col.int('created_by'), col.date('created_at')],
    indices: [idx('UQ_deliberation_representatives_community_user', ['community_id', 'user_id'], true)],
  }),
];

export class Deliberation1764100000000 implements MigrationInterface {
  name = 'Deliberation1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
