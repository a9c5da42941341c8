import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndexOptions } from 'typeorm';

/**
 * Foundation schema, written with TypeORM's Table API so one migration serves SQLite and MariaDB.
 * A test compares it with the entities on both databases (no drift allowed).
 */
const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
// 'integer', not 'int': on SQLite the entities' `int` columns normalize to `integer`, and a column
// created as `int` would be reported as drift forever (on MariaDB both are INT).
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
const date = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });
// Default 0, not false: the Table API writes the default verbatim, and SQLite would keep `(false)`
// while the entities' `default: false` normalizes to `0` (drift); MariaDB stores both as 0.
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: 0 });
const idx = (name: string, columnNames: string[], isUnique = false): TableIndexOptions => ({ name, columnNames, isUnique });

const tables: Table[] = [
  new Table({ name: 'streets', columns: [id(), str('name', 100)] }),
  new Table({ name: 'communities', columns: [id(), int('street_id'), str('name', 100)], indices: [idx('IDX_communities_street', ['street_id'])] }),
  new Table({
    name: 'grids',
    columns: [id(), int('community_id'), str('name', 100), int('grid_worker_id', true)],
    indices: [idx('IDX_grids_community', ['community_id'])],
  }),
  new Table({
    name: 'buildings',
    columns: [id(), int('community_id'), int('grid_id'), str('name', 100)],
    indices: [idx('IDX_buildings_community', ['community_id']), idx('IDX_buildings_grid', ['grid_id'])],
  }),
  new Table({ name: 'units', columns: [id(), int('building_id'), str('name', 100)], indices: [idx('IDX_units_building', ['building_id'])] }),
  new Table({ name: 'departments', columns: [id(), int('street_id'), str('name', 100)], indices: [idx('IDX_departments_street', ['street_id'])] }),
  new Table({
    name: 'users',
    columns: [
      id(), str('openid', 64, true), str('name', 50), str('phone', 20, true), str('role', 20),
      int('street_id', true), int('community_id', true), int('grid_id', true), int('department_id', true),
      int('unit_id', true), bool('unit_confirmed'), date('unit_chosen_at', true), int('unit_confirmed_by', true),
      str('wx_session_key', 128, true), bool('is_demo'), date('created_at'),
    ],
    indices: [idx('UQ_users_openid', ['openid'], true), idx('IDX_users_grid_role', ['grid_id', 'role'])],
  }),
  new Table({
    name: 'concerns',
    columns: [
      id(), int('street_id'), int('community_id'), int('grid_id'), int('building_id'), int('unit_id'), int('submitter_id'),
      str('category', 32), text('text'), str('status', 20), str('holder_level', 20), int('holder_id', true),
      int('first_owner_id', true), bool('unconfirmed'), { name: 'version', type: 'integer', default: 1 },
      date('created_at'), date('updated_at'), date('accepted_at', true), date('accept_reminded_at', true),
    ],
    indices: [
      idx('IDX_concerns_submitter', ['submitter_id', 'id']),
      idx('IDX_concerns_grid_status', ['grid_id', 'status', 'id']),
      idx('IDX_concerns_community_status', ['community_id', 'status', 'id']),
      idx('IDX_concerns_status_created', ['status', 'created_at']),
    ],
  }),
  new Table({
    name: 'concern_events',
    columns: [
      id(), int('concern_id'), int('actor_id'), str('actor_role', 20), str('type', 32), str('from_status', 20, true),
      str('to_status', 20), text('note', true), date('created_at'),
    ],
    indices: [idx('IDX_concern_events_concern', ['concern_id', 'id'])],
  }),
  new Table({
    name: 'notifications',
    columns: [id(), int('user_id'), str('type', 50), str('title', 100), str('body', 500), str('link', 200, true), date('read_at', true), date('created_at')],
    indices: [idx('IDX_notifications_user', ['user_id', 'id']), idx('IDX_notifications_user_read', ['user_id', 'read_at'])],
  }),
  new Table({
    name: 'idempotency_keys',
    columns: [
      id(), int('user_id'), str('scope', 50), str('idem_key', 100), str('request_hash', 64), str('state', 10),
      int('response_status', true), text('response_body', true), date('created_at'),
    ],
    indices: [idx('UQ_idempotency_keys_user_scope_key', ['user_id', 'scope', 'idem_key'], true), idx('IDX_idempotency_keys_created', ['created_at'])],
  }),
  new Table({
    name: 'job_runs',
    columns: [id(), str('job_name', 64), str('slot', 32), str('owner', 64), date('started_at'), date('finished_at', true), str('outcome', 20, true), text('detail', true)],
    indices: [idx('UQ_job_runs_job_slot', ['job_name', 'slot'], true)],
  }),
];

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of tables) await queryRunner.createTable(table, false, false, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...tables].reverse()) await queryRunner.dropTable(table.name, true);
  }
}
