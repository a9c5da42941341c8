import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * 小红帽 volunteers and 微心愿 help requests. Teams (community or street level) and their members; one
 * volunteer row per user (unique user_id). A help request keeps a seat counter (taken_count < volunteers_needed,
 * moved only by conditional UPDATEs); a volunteer holds at most one seat per request (unique request_id +
 * volunteer_id). Events are the request's immutable history.
 */
const TABLES = [
  new Table({
    name: 'volunteer_teams',
    columns: [col.id(), col.int('street_id'), col.int('community_id', true), col.str('level', 12), col.str('name', 100), col.int('leader_user_id', true), col.date('created_at')],
    indices: [idx('IDX_volunteer_teams_street_community', ['street_id', 'community_id'])],
  }),
  new Table({
    name: 'volunteers',
    columns: [
      col.id(), col.int('user_id'), col.int('street_id'), col.int('community_id'), col.str('status', 12), col.str('skills', 200), col.str('availability', 200),
      col.str('intro', 200, true), col.str('decline_reason', 200, true), col.int('decided_by', true), col.date('decided_at', true), col.int('version'),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [idx('UQ_volunteers_user', ['user_id'], true), idx('IDX_volunteers_community_status', ['community_id', 'status'])],
  }),
  new Table({
    name: 'volunteer_team_members',
    columns: [col.id(), col.int('team_id'), col.int('user_id'), col.date('created_at')],
    indices: [idx('UQ_volunteer_team_members_team_user', ['team_id', 'user_id'], true), idx('IDX_volunteer_team_members_user', ['user_id'])],
  }),
  new Table({
    name: 'help_requests',
    columns: [
      col.id(), col.int('street_id'), col.int('community_id'), col.int('grid_id'), col.int('unit_id'), col.int('requester_id', true), col.int('posted_by'),
      col.str('proxy_name', 30, true), col.str('proxy_phone', 20, true), col.str('skill', 20), col.text('description'), col.date('window_from'),
      col.date('window_to'), col.str('place_detail', 100, true), col.int('volunteers_needed'), col.int('taken_count', false, 0), col.str('status', 12),
      col.int('version'), col.date('done_at', true), col.int('done_by', true), col.date('confirmed_at', true), col.int('confirmed_by', true),
      col.int('rating', true), col.str('rating_comment', 200, true), col.int('credited_minutes', true), col.date('closed_at', true),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [
      idx('IDX_help_requests_community_status', ['community_id', 'status', 'window_from']),
      // No index may lead with status: a seat UPDATE by id would otherwise lock through it and deadlock on MariaDB.
      idx('IDX_help_requests_window_to', ['window_to']),
      idx('IDX_help_requests_requester', ['requester_id']),
      idx('IDX_help_requests_posted_by', ['posted_by']),
    ],
  }),
  new Table({
    name: 'help_request_assignments',
    columns: [
      col.id(), col.int('request_id'), col.int('volunteer_id'), col.int('community_id'), col.str('status', 12), col.str('via', 10), col.int('dispatched_by', true),
      col.date('created_at'), col.date('updated_at'),
    ],
    indices: [idx('UQ_help_request_assignments_request_volunteer', ['request_id', 'volunteer_id'], true), idx('IDX_help_request_assignments_volunteer', ['volunteer_id', 'status'])],
  }),
  new Table({
    name: 'help_request_events',
    columns: [
      col.id(), col.int('request_id'), col.int('actor_id'), col.str('actor_role', 20), col.str('type', 20), col.str('from_status', 12, true), col.str('to_status', 12),
      col.int('volunteer_id', true), col.str('note', 500, true), col.date('created_at'),
    ],
    indices: [idx('IDX_help_request_events_request', ['request_id', 'id'])],
  }),
];

export class Volunteers1764200000000 implements MigrationInterface {
  name = 'Volunteers1764200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.createTable(table, false, false, true);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.dropTable(table.name, true);
  }
}
