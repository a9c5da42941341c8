import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { col, idx } from '../table-columns';

/**
 * Issue 10 (personal data, PIPL): an append-only audit log (`audit_log`) of staff reads of a resident's personal data, role
 * changes, invitations, organisation edits, register imports/exports and account deletions. The database refuses UPDATE
 * and DELETE on it (triggers on both dialects). `users.deleted_at`: an account deleted by its owner (identity removed,
 * the row kept so their concerns still count in the figures).
 */
const TABLE = new Table({
  name: 'audit_log',
  columns: [
    col.id(), col.int('street_id', true), col.int('actor_id', true), col.str('actor_role', 20, true), col.str('action', 40),
    col.int('subject_user_id', true), col.str('target_type', 30, true), col.int('target_id', true), col.str('detail', 500, true),
    col.date('created_at'),
  ],
  indices: [idx('IDX_audit_log_street', ['street_id', 'id']), idx('IDX_audit_log_subject', ['subject_user_id', 'id'])],
});

/** Trigger statements per dialect (exported so the SQLite test helper can empty the table between tests). */
export const AUDIT_LOG_TRIGGERS = {
  sqlite: [
    `CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    `CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  ],
  mariadb: [
    `CREATE TRIGGER trg_audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,
    `CREATE TRIGGER trg_audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,
  ],
} as const;

export class AuditLog1764300000000 implements MigrationInterface {
  name = 'AuditLog1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(TABLE, false, false, true);
    for (const sql of AUDIT_LOG_TRIGGERS[q.connection.options.type === 'better-sqlite3' ? 'sqlite' : 'mariadb']) {
      try {
        await q.query(sql);
      } catch (err) {
        // MariaDB/MySQL with binary logging refuse CREATE TRIGGER to a user without SUPER (ER_BINLOG_CREATE_ROUTINE_NEED_SUPER).
        if ((err as { driverError?: { errno?: number }; errno?: number }).driverError?.errno === 1419 || (err as { errno?: number }).errno === 1419) {
          throw new Error('The audit log needs triggers: with binary logging on, set log_bin_trust_function_creators = 1 (or migrate as a user with SUPER), then start again.');
        }
        throw err;
      }
    }
    await q.addColumn('users', new TableColumn(col.date('deleted_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('users', 'deleted_at');
    await q.query('DROP TRIGGER IF EXISTS trg_audit_log_no_update');
    await q.query('DROP TRIGGER IF EXISTS trg_audit_log_no_delete');
    await q.dropTable(TABLE.name, true);
  }
}
