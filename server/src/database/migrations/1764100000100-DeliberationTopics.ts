import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 议事亭 topics and agendas: community settings (threshold, agenda slots), topics, supports (unique per
 * topic and resident), linked concerns, agenda items (unique per topic) and the per-session agenda slot
 * counter. Table API: one migration for SQLite and MariaDB; the schema-drift test compares it with the entities.
 */
const TABLES = [
  new Table({
    name: 'deliberation_settings',
    columns: [
      col.id(), col.int('community_id'), col.int('support_threshold'), col.int('agenda_slots'), col.int('updated_by', true),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [idx('UQ_deliberation_settings_community', ['community_id'], true)],
  }),
  new Table({
    name: 'deliberation_topics',
    columns: [
      col.id(), col.int('street_id'), col.int('community_id'), col.int('proposer_id'), col.str('title', 50), col.text('problem'), col.text('hope'),
      col.str('category', 32), col.str('status', 20), col.int('support_count', false, 0), col.bool('auto_place', 1), col.int('merged_into_id', true),
      col.str('decline_reason', 200, true), col.date('queued_at', true), col.date('status_changed_at'), col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('IDX_deliberation_topics_community_status', ['community_id', 'status', 'support_count']),
      idx('IDX_deliberation_topics_community_id', ['community_id', 'id']),
      idx('IDX_deliberation_topics_proposer', ['proposer_id', 'id']),
    ],
  }),
  new Table({
    name: 'deliberation_topic_supports',
    columns: [col.id(), col.int('topic_id'), col.int('user_id'), col.date('created_at')],
    indices: [
      idx('UQ_deliberation_topic_supports_topic_user', ['topic_id', 'user_id'], true),
      idx('IDX_deliberation_topic_supports_user', ['user_id', 'topic_id']),
    ],
  }),
  new Table({
    name: 'deliberation_topic_concerns',
    columns: [col.id(), col.int('topic_id'), col.int('concern_id')],
    indices: [idx('UQ_deliberation_topic_concerns_topic_concern', ['topic_id', 'concern_id'], true)],
  }),
  new Table({
    name: 'deliberation_agenda_items',
    columns: [
      col.id(), col.int('session_id'), col.int('topic_id', true), col.int('community_id'), col.int('position'), col.str('title', 50),
      col.str('where_text', 200), col.text('what_text'), col.text('who'), col.str('how_text', 500), col.text('carried_out_text'),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('IDX_deliberation_agenda_items_session_position', ['session_id', 'position']),
      idx('UQ_deliberation_agenda_items_topic', ['topic_id'], true),
    ],
  }),
  new Table({
    name: 'deliberation_agenda_counters',
    columns: [col.id(), col.int('session_id'), col.int('community_id'), col.int('item_count', false, 0), col.int('last_position', false, 0)],
    indices: [idx('UQ_deliberation_agenda_counters_session', ['session_id'], true)],
  }),
];

export class DeliberationTopics1764100000100 implements MigrationInterface {
  name = 'DeliberationTopics1764100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
