import { Injectable } from '@nestjs/common';
import type { ExportQuery, ReverseResponse } from '../../../../contracts/timebank.contract';
import { forbidden } from '../../common/domain-exception';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DatabaseService } from '../../database/database.service';
import { staffCommunity } from './timebank-access';
import { retryDeadlock } from '../../database/database.service';
import { LEDGER_RETRIES } from './timebank-ledger.repository';
import { TimebankService } from './timebank.service';
import { writeXlsx, type Cell } from '../../common/xlsx';

const n = (v: unknown) => Number(v ?? 0);
const SOURCE_LABEL: Record<string, string> = { help_request: '微心愿', activity: '团队活动' };

/** Staff-side writes and the street's export of service records. */
@Injectable()
export class TimebankStaffService {
  constructor(private readonly db: DatabaseService, private readonly ledger: TimebankService) {}

  /** A reversing transaction with a reason; a reversed redemption also puts the item back in stock. */
  async reverse(staffId: number, transactionId: number, reason: string): Promise<ReverseResponse> {
    return retryDeadlock(() => this.db.transaction(async (m) => {
      const { communityId } = await staffCommunity(m, staffId);
      // a reversed redemption puts the item back in stock; the reward row is locked first, as a redemption does
      const [orig] = await m.query("SELECT kind, source_type AS sourceType, source_id AS sourceId FROM timebank_transactions WHERE id = ? AND community_id = ?", [
        transactionId, communityId,
      ]);
      if (orig?.kind === 'redeem' && orig.sourceType === 'reward') {
        await m.query(
          'UPDATE timebank_rewards SET stock = stock + 1 WHERE stock IS NOT NULL AND id = (SELECT reward_id FROM timebank_redemptions WHERE id = ?)',
          [orig.sourceId],
        );
      }
      const r = await this.ledger.reverse(m, communityId, transactionId, reason, staffId);
      const [t] = await m.query('SELECT volunteer_id AS v, requested_minutes AS x FROM timebank_transactions WHERE id = ?', [r.reversalId]);
      return {
        reversalId: r.reversalId, reversedId: r.original.id, volunteerId: n(t.v), minutes: n(t.x),
        volunteerBalanceMinutes: await this.ledger.balanceMinutes(m, communityId, n(t.v)),
      };
    }), LEDGER_RETRIES);
  }

  /** Service records (credits not reversed) of one community or every community of the street, as .xlsx. */
  async exportRecords(userId: number, q: ExportQuery): Promise<{ filename: string; body: Buffer }> {
    const m = this.db.manager;
    const user = await loadCurrentUser(m, userId);
    let where: string;
    let params: unknown[];
    if (user.role === 'street_admin' && user.streetId) {
      where = q.communityId ? 't.street_id = ? AND t.community_id = ?' : 't.street_id = ?';
      params = q.communityId ? [user.streetId, q.communityId] : [user.streetId];
    } else if (user.role === 'community_staff' && user.communityId) {
      if (q.communityId && q.communityId !== user.communityId) throw forbidden('只能导出本社区的服务记录');
      where = 't.community_id = ?';
      params = [user.communityId];
    } else throw forbidden();
    const rows = (await m.query(
      `SELECT t.id, t.source_type AS sourceType, t.source_id AS sourceId, t.memo, t.service_date AS day, t.team_id AS teamId, t.volunteer_id AS volunteerId,
         u.name AS volunteer, c.name AS community, tm.name AS team,
         (SELECT GROUP_CONCAT(vt.name) FROM volunteer_team_members vm JOIN volunteer_teams vt ON vt.id = vm.team_id WHERE vm.user_id = t.volunteer_id) AS teams,
         (SELECT SUM(e.amount_minutes) FROM timebank_entries e JOIN timebank_accounts a ON a.id = e.account_id WHERE e.transaction_id = t.id AND a.kind = 'volunteer') AS minutes
       FROM timebank_transactions t
       LEFT JOIN users u ON u.id = t.volunteer_id
       LEFT JOIN communities c ON c.id = t.community_id
       LEFT JOIN volunteer_teams tm ON tm.id = t.team_id
       WHERE ${where} AND t.kind = 'credit' AND t.service_date >= ? AND t.service_date <= ?
         AND NOT EXISTS (SELECT 1 FROM timebank_transactions r WHERE r.kind = 'reversal' AND r.source_type = 'transaction' AND r.source_id = t.id)
       ORDER BY t.service_date, t.id`,
      [...params, q.from, q.to],
    )) as Record<string, unknown>[];
    const sheet: Cell[][] = [['志愿者', '所属社区', '队伍', '服务类型', '服务内容', '日期', '时长（小时）']];
    for (const r of rows) {
      const minutes = n(r.minutes);
      if (minutes <= 0) continue;
      sheet.push([
        String(r.volunteer ?? ''), String(r.community ?? ''), String(r.team ?? r.teams ?? ''), SOURCE_LABEL[String(r.sourceType)] ?? String(r.sourceType),
        `${String(r.memo)}（编号 ${n(r.sourceId)}）`, String(r.day), Math.round((minutes / 60) * 100) / 100,
      ]);
    }
    return { filename: `service-records-${q.from}-${q.to}.xlsx`, body: await writeXlsx('志愿服务记录', sheet) };
  }
}
