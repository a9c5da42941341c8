import { Injectable, OnModuleInit } from '@nestjs/common';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { HelpRequestsRepository } from './help-requests.repository';
import { excerpt, HelpRequestNotices } from './help-request-notices';
import { HelpRequestEntity } from './volunteers.entities';

/**
 * Expiry: an open request whose window has passed with no seat taken becomes 'expired'; its requester (or the
 * grid worker who posted it) and the community's staff are told. Once per slot across processes (job_runs);
 * each request moves once (conditional update).
 */
@Injectable()
export class HelpRequestsJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly db: DatabaseService,
    private readonly requests: HelpRequestsRepository,
    private readonly notices: HelpRequestNotices,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'help-requests.expire', everyMs: 5 * 60_000, run: (now) => this.expire(now) });
  }

  async expire(now: Date): Promise<string> {
    const due: { id: number }[] = await this.db.manager.query(
      `SELECT id FROM help_requests WHERE status = 'open' AND taken_count = 0 AND window_to < ? ORDER BY window_to LIMIT 500`,
      [this.db.dateParam(now)],
    );
    let expired = 0;
    for (const { id } of due) {
      await this.db.transaction(async (m) => {
        const res = await m.createQueryBuilder().update(HelpRequestEntity)
          .set({ status: 'expired', closedAt: now, version: () => 'version + 1', updatedAt: now })
          .where(`id = :id AND status = 'open' AND taken_count = 0`, { id: Number(id) }).execute();
        if (affectedRows(res) !== 1) return;
        const row = (await this.requests.find(Number(id), m))!;
        await this.requests.insertEvent(m, { requestId: row.id, actorId: 0, actorRole: 'system', type: 'expired', fromStatus: 'open', toStatus: 'expired', note: '时间已过，无人接单' });
        await this.notices.tell(m, row.requesterId ?? row.postedBy, row, 'help.expired', '微心愿已过期', `“${excerpt(row)}”到时间还没有志愿者接单，可以重新许愿`);
        for (const s of await this.requests.staffIds(m, row.communityId)) {
          await this.notices.tell(m, s, row, 'help.expired', '微心愿过期未接单', `“${excerpt(row)}”无人接单已过期`);
        }
        expired++;
      });
    }
    return `expired ${expired}`;
  }
}
