import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * Issue 10 — staff invitations 人员邀请: one-time codes (stored as SHA-256) to a role and area. `created_by` is indexed:
 * a role change voids that person's pending invitations (`… WHERE created_by = ?`). `grids.grid_worker_id` is indexed
 * too: releasing a worker's grid (`UPDATE grids … WHERE grid_worker_id = ?`) would otherwise lock every grid row on InnoDB.
 */
const TABLE = new Table({
  name: 'staff_invitations',
  columns: [
    col.id(), col.str('code_hash', 64), col.int('street_id'), col.str('role', 20), col.int('community_id', true), col.int('grid_id', true),
    col.int('department_id', true), col.str('invitee_name', 30), col.str('note', 200, true), col.int('created_by', true),
    col.date('created_at'), col.date('expires_at'), col.int('redeemed_by', true), col.date('redeemed_at', true),
    col.date('revoked_at', true), col.int('revoked_by', true),
  ],
  indices: [
    idx('UQ_staff_invitations_code_hash', ['code_hash'], true), idx('IDX_staff_invitations_street', ['street_id', 'id']),
    idx('IDX_staff_invitations_created_by', ['created_by']),
  ],
});

const GRID_WORKER_INDEX = idx('IDX_grids_grid_worker', ['grid_worker_id']);

export class StaffInvitations1764300000200 implements MigrationInterface {
  name = 'StaffInvitations1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(TABLE, false, false, true);
    await q.createIndex('grids', new TableIndex(GRID_WORKER_INDEX));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('grids', GRID_WORKER_INDEX.name!);
    await q.dropTable(TABLE.name, true);
  }
}
