import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from '../table-columns';

/**
 * 议事亭 sessions keep how many registrations are waiting now (`waitlist_count`), changed in the same transaction
 * as the registration (+1 with a ticket, -1 on promotion or withdrawal): a new ticket knows its place on the
 * waiting list without counting the list. Sessions that already have a waiting list get their count here.
 */
export class DeliberationWaitlistCount1764100000400 implements MigrationInterface {
  name = 'DeliberationWaitlistCount1764100000400';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('deliberation_sessions', new TableColumn(col.int('waitlist_count', false, 0)));
    await q.query(`UPDATE deliberation_sessions SET waitlist_count = (
      SELECT COUNT(*) FROM deliberation_registrations r WHERE r.session_id = deliberation_sessions.id AND r.status = 'waitlisted')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('deliberation_sessions', 'waitlist_count');
  }
}
