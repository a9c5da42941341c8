import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 议事亭 check-in and votes. Registrations gain check-in state (checked_in_at/by), the grid worker who
 * registered a resident without a phone (proxy_by, 代办) and the attendance mark ('present' | 'absent').
 * Votes on agenda items with their options (offline_count = hands raised), one ballot per voter
 * (unique vote_id + user_id) and the options each ballot chose (counted by a grouped query).
 */
const REGISTRATION_COLUMNS = [col.date('checked_in_at', true), col.int('checked_in_by', true), col.int('proxy_by', true), col.str('attendance', 10, true)];

const TABLES = [
  new Table({
    name: 'deliberation_votes',
    columns: [
      col.id(), col.int('session_id'), col.int('agenda_item_id'), col.int('community_id'), col.str('question', 200), col.str('mode', 10),
      col.int('max_choices'), col.str('eligibility', 20), col.bool('live_results', 0), col.date('closes_at'), col.date('closed_at', true),
      col.int('closed_by', true), col.date('offline_recorded_at', true), col.int('offline_recorded_by', true), col.int('created_by'),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('IDX_deliberation_votes_session', ['session_id', 'id']),
      idx('IDX_deliberation_votes_agenda_item', ['agenda_item_id']),
    ],
  }),
  new Table({
    name: 'deliberation_vote_options',
    columns: [col.id(), col.int('vote_id'), col.int('position'), col.str('label', 100), col.int('offline_count', false, 0)],
    indices: [idx('UQ_deliberation_vote_options_vote_position', ['vote_id', 'position'], true)],
  }),
  new Table({
    name: 'deliberation_ballots',
    columns: [col.id(), col.int('vote_id'), col.int('user_id'), col.date('created_at')],
    indices: [idx('UQ_deliberation_ballots_vote_user', ['vote_id', 'user_id'], true)],
  }),
  new Table({
    name: 'deliberation_ballot_choices',
    columns: [col.id(), col.int('ballot_id'), col.int('vote_id'), col.int('option_id')],
    indices: [
      idx('UQ_deliberation_ballot_choices_ballot_option', ['ballot_id', 'option_id'], true),
      idx('IDX_deliberation_ballot_choices_vote_option', ['vote_id', 'option_id']),
    ],
  }),
];

export class DeliberationVotes1764100000200 implements MigrationInterface {
  name = 'DeliberationVotes1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('deliberation_registrations', REGISTRATION_COLUMNS.map((c) => new TableColumn(c)));
    for (const table of TABLES) await q.createTable(table, false, false, true);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.dropTable(table.name, true);
    for (const c of [...REGISTRATION_COLUMNS].reverse()) await q.dropColumn('deliberation_registrations', c.name);
  }
}
