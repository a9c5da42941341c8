import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * Issue 10 — registers 台账: `households` (one per unit and 门牌号, imported from the street's .xlsx), their
 * `household_members` 家庭成员 (in sort order per household) and `area_leaders` (网格长 per grid, 楼栋长 per building; one per area).
 */
const HOUSEHOLDS = new Table({
  name: 'households',
  columns: [
    col.id(), col.int('street_id'), col.int('community_id'), col.int('grid_id'), col.int('building_id'), col.int('unit_id'),
    col.str('room', 20), col.str('head_name', 30), col.str('head_phone', 20), col.int('people'), col.str('tags', 100), col.str('note', 200, true),
    col.date('created_at'), col.date('updated_at'),
  ],
  indices: [
    idx('UQ_households_unit_room', ['unit_id', 'room'], true),
    idx('IDX_households_street', ['street_id', 'id']),
    idx('IDX_households_community', ['community_id', 'id']),
    idx('IDX_households_grid', ['grid_id', 'id']),
    idx('IDX_households_building', ['building_id', 'id']),
  ],
});

const MEMBERS = new Table({
  name: 'household_members',
  columns: [
    col.id(), col.int('household_id'), col.str('name', 30), col.str('relation', 10), col.str('phone', 20, true), col.int('birth_year', true),
    col.str('note', 50, true), col.int('sort_order'),
  ],
  indices: [idx('IDX_household_members_household', ['household_id', 'sort_order'])],
});

const LEADERS = new Table({
  name: 'area_leaders',
  columns: [
    col.id(), col.str('level', 10), col.int('area_id'), col.int('street_id'), col.int('community_id'), col.str('name', 30), col.str('phone', 20),
    col.int('user_id', true), col.int('assigned_by'), col.date('updated_at'),
  ],
  indices: [idx('UQ_area_leaders_area', ['level', 'area_id'], true), idx('IDX_area_leaders_community', ['community_id'])],
});

export class Registers1764300000300 implements MigrationInterface {
  name = 'Registers1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(HOUSEHOLDS, false, false, true);
    await q.createTable(MEMBERS, false, false, true);
    await q.createTable(LEADERS, false, false, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable(LEADERS.name, true);
    await q.dropTable(MEMBERS.name, true);
    await q.dropTable(HOUSEHOLDS.name, true);
  }
}
