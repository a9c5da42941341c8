import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '../../../../contracts/common.contract';
import { DEFAULT_DAILY_CAP_MINUTES, type LedgerLine, type LedgerQuery, type MyTimebank, type TimebankSettings, type UpdateTimebankSettingsRequest } from '../../../../contracts/timebank.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../../common/domain-exception';
import { decodeCursor, encodeCursor, toIso } from '../../common/time';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { residentCommunity, staffCommunity } from './timebank-access';
import { chinaDay, execAffected } from './timebank-ledger.repository';

const n = (v: unknown) => Number(v ?? 0);
const badCursor = () => new DomainException(ErrorCode.VALIDATION_FAILED, 400, '分页参数不正确');

/** What a volunteer and the community staff read: balance, history, rank, the ledger, the settings. */
@Injectable()
export class TimebankQueryService {
  constructor(private readonly db: DatabaseService) {}

  async me(userId: number): Promise<MyTimebank> {
    const m = this.db.manager;
    const { communityId } = await residentCommunity(m, userId);
    const [acc] = (await m.query(
      "SELECT balance_minutes AS balance, earned_minutes AS earned FROM timebank_accounts WHERE community_id = ? AND kind = 'volunteer' AND user_id = ?",
      [communityId, userId],
    )) as { balance: number; earned: number }[];
    const earned = n(acc?.earned);
    const [ahead] = await m.query("SELECT COUNT(*) AS c FROM timebank_accounts WHERE community_id = ? AND kind = 'volunteer' AND earned_minutes > ?", [communityId, earned]);
    const [ranked] = await m.query("SELECT COUNT(*) AS c FROM timebank_accounts WHERE community_id = ? AND kind = 'volunteer' AND earned_minutes > 0", [communityId]);
    const [today] = await m.query('SELECT credited_minutes AS c FROM timebank_daily_credits WHERE community_id = ? AND volunteer_id = ? AND day = ?', [
      communityId, userId, chinaDay(new Date()),
    ]);
    return {
      communityId, balanceMinutes: n(acc?.balance), earnedMinutes: earned, rank: earned > 0 ? n(ahead.c) + 1 : null, rankedVolunteers: n(ranked.c),
      dailyCapMinutes: (await this.settingsOf(m, communityId)).dailyCapMinutes, creditedTodayMinutes: n(today?.c),
    };
  }

  async myHistory(userId: number, q: { cursor?: string; limit: number }): Promise<Page<LedgerLine>> {
    const { communityId } = await residentCommunity(this.db.manager, userId);
    return this.lines(communityId, q, userId);
  }

  async ledger(staffId: number, q: LedgerQuery): Promise<Page<LedgerLine>> {
    const { communityId } = await staffCommunity(this.db.manager, staffId);
    return this.lines(communityId, q, q.volunteerId ?? null);
  }

  async settings(staffId: number): Promise<TimebankSettings> {
    const { communityId } = await staffCommunity(this.db.manager, staffId);
    return this.settingsOf(this.db.manager, communityId);
  }

  async updateSettings(staffId: number, b: UpdateTimebankSettingsRequest): Promise<TimebankSettings> {
    const write = () => this.db.transaction(async (m) => {
      const { communityId } = await staffCommunity(m, staffId);
      const at = this.db.dateParam(new Date());
      const changed = await execAffected(m, 'UPDATE timebank_settings SET daily_cap_minutes = ?, updated_by = ?, updated_at = ? WHERE community_id = ?', [
        b.dailyCapMinutes, staffId, at, communityId,
      ]);
      if (changed === 0) {
        await m.query('INSERT INTO timebank_settings (community_id, daily_cap_minutes, updated_by, updated_at) VALUES (?, ?, ?, ?)', [communityId, b.dailyCapMinutes, staffId, at]);
      }
      return this.settingsOf(m, communityId);
    });
    // two first saves at once: the loser's INSERT hits the unique key; its second try updates
    return write().catch((err) => (isUniqueViolation(err) ? write() : Promise.reject(err)));
  }

  private async settingsOf(m: EntityManager, communityId: number): Promise<TimebankSettings> {
    const [row] = await m.query('SELECT daily_cap_minutes AS cap FROM timebank_settings WHERE community_id = ?', [communityId]);
    return { communityId, dailyCapMinutes: row ? n(row.cap) : DEFAULT_DAILY_CAP_MINUTES, customised: !!row };
  }

  private async lines(communityId: number, q: { cursor?: string; limit: number }, volunteerId: number | null): Promise<Page<LedgerLine>> {
    const before = decodeCursor(q.cursor);
    if (before === -1) throw badCursor();
    const where = ['t.community_id = ?'];
    const params: unknown[] = [communityId];
    if (volunteerId !== null) (where.push('t.volunteer_id = ?'), params.push(volunteerId));
    if (before !== null) (where.push('t.id < ?'), params.push(before));
    const rows = (await this.db.manager.query(
      `SELECT t.id, t.kind, t.source_type AS sourceType, t.source_id AS sourceId, t.volunteer_id AS volunteerId, u.name AS volunteerName,
         t.requested_minutes AS requestedMinutes, t.memo, t.service_date AS serviceDate, t.reverses_id AS reversesId, t.created_at AS createdAt,
         (SELECT COALESCE(SUM(e.amount_minutes), 0) FROM timebank_entries e JOIN timebank_accounts a ON a.id = e.account_id
           WHERE e.transaction_id = t.id AND a.kind = 'volunteer') AS minutes,
         (SELECT r.id FROM timebank_transactions r WHERE r.kind = 'reversal' AND r.source_type = 'transaction' AND r.source_id = t.id) AS reversedById
       FROM timebank_transactions t LEFT JOIN users u ON u.id = t.volunteer_id
       WHERE ${where.join(' AND ')} ORDER BY t.id DESC LIMIT ${q.limit + 1}`,
      params,
    )) as Record<string, unknown>[];
    const items = rows.slice(0, q.limit).map((r): LedgerLine => ({
      transactionId: n(r.id), kind: r.kind as LedgerLine['kind'], sourceType: String(r.sourceType), sourceId: n(r.sourceId), volunteerId: n(r.volunteerId),
      volunteerName: String(r.volunteerName ?? ''), minutes: n(r.minutes), requestedMinutes: n(r.requestedMinutes), memo: String(r.memo),
      serviceDate: String(r.serviceDate), reversesId: r.reversesId === null ? null : n(r.reversesId), reversedById: r.reversedById == null ? null : n(r.reversedById),
      createdAt: toIso(r.createdAt as Date | string) ?? '',
    }));
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(items[items.length - 1].transactionId) : null };
  }
}
