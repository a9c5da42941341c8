import { Injectable, OnModuleInit } from '@nestjs/common';
import { DatabaseService } from '../../database/database.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { DeliberationCheckinRepository } from './deliberation-checkin.repository';

/** Sessions that ended within this window get their no-shows recorded (a missed run is caught up later). */
const LOOK_BACK_MS = 3 * 24 * 3600_000;

/**
 * Records no-shows: after a session ends, its confirmed registrations without a check-in are marked absent.
 * The scheduler runs it once per 10-minute slot across processes (job_runs); the UPDATE itself is idempotent,
 * so even overlapping runs mark each registration once.
 */
@Injectable()
export class DeliberationCheckinJobs implements OnModuleInit {
  constructor(private readonly scheduler: SchedulerService, private readonly db: DatabaseService, private readonly repo: DeliberationCheckinRepository) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'deliberation.absences', everyMs: 10 * 60_000, run: (now) => this.recordAbsences(now) });
  }

  async recordAbsences(now: Date): Promise<string> {
    const n = await this.db.transaction((m) => this.repo.markAbsent(m, new Date(now.getTime() - LOOK_BACK_MS), now));
    return `marked ${n} absent`;
  }
}
