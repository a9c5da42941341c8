import { Injectable, OnModuleInit } from '@nestjs/common';
import { IsNull, LessThan } from 'typeorm';
import { ConcernCategoryLabels, type ConcernCategory } from '../../../../contracts/concerns.contract';
import { DomainEvents } from '../../common/events/domain-events';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { ConcernEntity } from './concern.entity';

/** Default: a concern should be accepted within 24 hours (the full deadline rules come with the concerns issue). */
export const ACCEPT_WITHIN_MS = 24 * 3600_000;

@Injectable()
export class ConcernsJobs implements OnModuleInit {
  constructor(private readonly scheduler: SchedulerService, private readonly db: DatabaseService, private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'concerns.accept-overdue', everyMs: 15 * 60_000, run: (now) => this.remindAcceptOverdue(now) });
  }

  /** Reminds the holder of each concern not accepted within 24 h — once per concern (conditional update). */
  async remindAcceptOverdue(now: Date): Promise<string> {
    const overdue = await this.db.manager.find(ConcernEntity, {
      where: { status: 'submitted', createdAt: LessThan(new Date(now.getTime() - ACCEPT_WITHIN_MS)), acceptRemindedAt: IsNull() },
      select: { id: true, holderId: true, communityId: true, category: true },
      order: { id: 'ASC' },
      take: 500,
    });
    let reminded = 0;
    for (const c of overdue) {
      await this.db.transaction(async (m) => {
        const r = await m
          .createQueryBuilder()
          .update(ConcernEntity)
          .set({ acceptRemindedAt: now })
          .where('id = :id AND status = :status AND accept_reminded_at IS NULL', { id: c.id, status: 'submitted' })
          .execute();
        if (affectedRows(r) !== 1) return;
        reminded++;
        await this.events.publish(m, {
          type: 'concern.accept_overdue', concernId: c.id, holderId: c.holderId, communityId: c.communityId,
          categoryLabel: ConcernCategoryLabels[c.category as ConcernCategory] ?? c.category,
        });
      });
    }
    return `reminded ${reminded}`;
  }
}
