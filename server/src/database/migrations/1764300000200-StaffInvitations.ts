import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { col, idx } from '../table-columns';

/** Issue 10 — staff invitations 人员邀请: one-time codes (stored as SHA-256) to a role and area. */
const TABLE = new Table({
  name: 'staff_invitations',
  columns: [
    col.id(), col.str('code_hash', 64), col.int('street_id'), col.str('role', 20), col.int('community_id', true), col.int('grid_id', true),
    col.int('department_id', true), col.str('invitee_name', 30), col.str('note', 200, true), col.int('created_by', true),
    col.date('created_at'), col.date('expires_at'), col.int('redeemed_by', true), col.date('redeemed_at', true),
    col.date('revoked_at', true), col.int('revoked_by', true),
  ],
  indices: [idx('UQ_staff_invitations_code_hash', ['code_hash'], true), idx('IDX_staff_invitations_street', ['street_id', 'id'])],
});

export class StaffInvitations1764300000200 implements MigrationInterface {
  name = 'StaffInvitations1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(TABLE, false, false, true);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable(TABLE.name, true);
  }
}
