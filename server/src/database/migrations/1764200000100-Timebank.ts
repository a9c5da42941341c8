import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 红色银行 time bank (append-only double-entry ledger, daily cap counters, rewards and redemptions) and
 * 团队活动 team activities with sign-ups. Pool accounts have user_id 0 so the owner key stays unique.
 */
const TABLES = [
  new Table({
    name: 'timebank_settings',
    columns: [col.id(), col.int('community_id'), col.int('daily_cap_minutes'), col.int('updated_by', true), col.date('updated_at')],
    indices: [idx('UQ_timebank_settings_community', ['community_id'], true)],
  }),
  new Table({
    name: 'timebank_accounts',
    columns: [
      col.id(), col.int('community_id'), col.int('street_id'), col.str('kind', 10), col.int('user_id'),
      col.int('balance_minutes', false, 0), col.int('earned_minutes', false, 0), col.date('created_at'),
    ],
    indices: [idx('UQ_timebank_accounts_owner', ['community_id', 'kind', 'user_id'], true)],
  }),
  new Table({
    name: 'timebank_transactions',
    columns: [
      col.id(), col.int('community_id'), col.int('street_id'), col.str('kind', 10), col.str('source_type', 20), col.int('source_id'),
      col.int('volunteer_id'), col.int('requested_minutes'), col.str('memo', 200), col.str('service_date', 10), col.int('team_id', true),
      col.int('reverses_id', true), col.int('created_by', true), col.date('created_at'),
    ],
    indices: [
      idx('UQ_timebank_transactions_source', ['kind', 'source_type', 'source_id', 'volunteer_id'], true),
      idx('IDX_timebank_transactions_community', ['community_id', 'id']),
      idx('IDX_timebank_transactions_volunteer', ['volunteer_id', 'id']),
    ],
  }),
  new Table({
    name: 'timebank_entries',
    columns: [col.id(), col.int('transaction_id'), col.int('account_id'), col.int('amount_minutes'), col.date('created_at')],
    indices: [idx('IDX_timebank_entries_transaction', ['transaction_id']), idx('IDX_timebank_entries_account', ['account_id', 'id'])],
  }),
  new Table({
    name: 'timebank_daily_credits',
    columns: [col.id(), col.int('community_id'), col.int('volunteer_id'), col.str('day', 10), col.int('credited_minutes', false, 0)],
    indices: [idx('UQ_timebank_daily_credits_day', ['community_id', 'volunteer_id', 'day'], true)],
  }),
  new Table({
    name: 'timebank_rewards',
    columns: [
      col.id(), col.int('community_id'), col.str('name', 60), col.str('description', 300, true), col.int('cost_minutes'),
      col.int('stock', true), col.bool('active', 1), col.int('created_by'), col.date('created_at'), col.date('updated_at'),
    ],
    indices: [idx('IDX_timebank_rewards_community', ['community_id', 'id'])],
  }),
  new Table({
    name: 'timebank_redemptions',
    columns: [col.id(), col.int('community_id'), col.int('reward_id'), col.int('user_id'), col.int('cost_minutes'), col.date('created_at')],
    indices: [idx('IDX_timebank_redemptions_user', ['user_id', 'id']), idx('IDX_timebank_redemptions_reward', ['reward_id'])],
  }),
  new Table({
    name: 'team_activities',
    columns: [
      col.id(), col.int('community_id'), col.int('street_id'), col.int('team_id', true), col.str('title', 100), col.str('description', 1000),
      col.str('place', 200), col.date('starts_at'), col.date('ends_at'), col.int('slots'), col.int('taken', false, 0), col.int('credit_minutes'),
      col.str('status', 12), col.date('credited_at', true), col.int('credited_by', true), col.int('created_by'), col.date('created_at'),
      col.date('updated_at'),
    ],
    indices: [idx('IDX_team_activities_community', ['community_id', 'starts_at'])],
  }),
  new Table({
    name: 'team_activity_signups',
    columns: [
      col.id(), col.int('activity_id'), col.int('user_id'), col.str('status', 12), col.date('checked_in_at', true), col.int('checked_in_by', true),
      col.date('checked_out_at', true), col.int('checked_out_by', true), col.str('attendance', 10, true), col.date('created_at'),
    ],
    indices: [idx('UQ_team_activity_signups_user', ['activity_id', 'user_id'], true), idx('IDX_team_activity_signups_user', ['user_id'])],
  }),
];

export class Timebank1764200000100 implements MigrationInterface {
  name = 'Timebank1764200000100';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.createTable(table, false, false, true);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.dropTable(table.name, true);
  }
}
