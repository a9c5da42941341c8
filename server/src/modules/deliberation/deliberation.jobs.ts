import { Injectable, OnModuleInit } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { DeliberationSeriesEntity } from './deliberation.entities';
import { DeliberationSeriesService } from './deliberation-series.service';

/**
 * Keeps the next sessions of every active series in place. The scheduler runs it once per slot across
 * processes (job_runs); even when two runs overlap, each session is created once (unique series_id + slot_at).
 */
@Injectable()
export class DeliberationJobs implements OnModuleInit {
  constructor(private readonly scheduler: SchedulerService, private readonly db: DatabaseService, private readonly series: DeliberationSeriesService) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'deliberation.sessions', everyMs: 3600_000, run: (now) => this.ensureSessions(now) });
  }

  async ensureSessions(now: Date): Promise<string> {
    const all = await this.db.manager.find(DeliberationSeriesEntity, { where: { active: true }, order: { id: 'ASC' } });
    let created = 0;
    for (const s of all) created += await this.series.ensureSessions(s, now);
    return `created ${created}`;
  }
}
