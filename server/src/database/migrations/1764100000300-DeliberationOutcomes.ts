import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 议事亭 outcomes: minutes (one per session), resolutions with their immutable history and followers,
 * and the reminders sent (one per session, user, kind and start). Table API: one migration for SQLite and MariaDB.
 */
const TABLES = [
  new Table({
    name: 'deliberation_minutes',
    columns: [
      col.id(), col.int('session_id'), col.int('community_id'), col.text('text'), col.int('recorded_by'), col.date('recorded_at'),
      col.int('updated_by'), col.date('updated_at'), col.int('version', false, 1),
    ],
    indices: [idx('UQ_deliberation_minutes_session', ['session_id'], true)],
  }),
  new Table({
    name: 'deliberation_resolutions',
    columns: [
      col.id(), col.int('session_id'), col.int('community_id'), col.int('street_id'), col.int('agenda_item_id', true), col.int('topic_id', true),
      col.str('text', 500), col.str('owner_name', 50), col.int('owner_user_id', true), col.str('due_date', 10), col.str('status', 20),
      col.str('escalation_reason', 500, true), col.date('done_at', true), col.int('version', false, 1), col.int('created_by'),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('IDX_deliberation_resolutions_session', ['session_id', 'id']),
      idx('IDX_deliberation_resolutions_board', ['community_id', 'status', 'due_date', 'id']),
      idx('IDX_deliberation_resolutions_street', ['street_id', 'status', 'due_date']),
      idx('IDX_deliberation_resolutions_topic', ['topic_id']),
      idx('IDX_deliberation_resolutions_agenda_item', ['agenda_item_id']),
    ],
  }),
  new Table({
    name: 'deliberation_resolution_events',
    columns: [
      col.id(), col.int('resolution_id'), col.str('kind', 20), col.str('from_status', 20, true), col.str('to_status', 20),
      col.str('note', 500, true), col.int('by_user_id'), col.date('created_at'),
    ],
    indices: [idx('IDX_deliberation_resolution_events_resolution', ['resolution_id', 'id'])],
  }),
  new Table({
    name: 'deliberation_resolution_follows',
    columns: [col.id(), col.int('resolution_id'), col.int('user_id'), col.date('created_at')],
    indices: [
      idx('UQ_deliberation_resolution_follows_resolution_user', ['resolution_id', 'user_id'], true),
      idx('IDX_deliberation_resolution_follows_user', ['user_id']),
    ],
  }),
  new Table({
    name: 'deliberation_reminders',
    columns: [col.id(), col.int('session_id'), col.int('user_id'), col.str('kind', 20), col.date('starts_at'), col.date('created_at')],
    indices: [idx('UQ_deliberation_reminders_once', ['session_id', 'user_id', 'kind', 'starts_at'], true)],
  }),
];

export class DeliberationOutcomes1764100000300 implements MigrationInterface {
  name = 'DeliberationOutcomes1764100000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
