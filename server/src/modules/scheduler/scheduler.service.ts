import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { JobRunEntity } from './job-run.entity';

export interface ScheduledJob {
  /** Unique name, e.g. 'concerns.accept-overdue'. */
  name: string;
  /** The job runs once per slot of this length, across all server processes. */
  everyMs: number;
  run: (now: Date) => Promise<string | void>;
}

export type RunOutcome = 'ran' | 'skipped' | 'failed';

/**
 * Periodic work that runs once per slot even when several server processes share one database:
 * each process tries to INSERT (job, slot); the unique key lets exactly one win and run it.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private readonly jobs = new Map<string, ScheduledJob>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<unknown> = Promise.resolve();
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly db: DatabaseService) {}

  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`scheduled job registered twice: ${job.name}`);
    this.jobs.set(job.name, job);
  }

  registered(): string[] {
    return [...this.jobs.keys()];
  }

  onApplicationBootstrap(): void {
    if (!this.config.scheduler.enabled) return;
    this.timer = setInterval(() => {
      this.ticking = this.runDue(new Date()).catch((err) => this.logger.error(`scheduler tick failed: ${(err as Error).message}`));
    }, this.config.scheduler.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  /** Runs every job whose current slot nobody has claimed yet. */
  async runDue(now: Date): Promise<Record<string, RunOutcome>> {
    const outcomes: Record<string, RunOutcome> = {};
    for (const job of this.jobs.values()) outcomes[job.name] = await this.runOnce(job, now);
    return outcomes;
  }

  async runOnce(job: ScheduledJob, now: Date): Promise<RunOutcome> {
    const slot = new Date(Math.floor(now.getTime() / job.everyMs) * job.everyMs).toISOString();
    let runId: number;
    try {
      runId = await this.db.transaction(async (m) => {
        const r = await m.insert(JobRunEntity, { jobName: job.name, slot, owner: this.owner, startedAt: new Date(), finishedAt: null, outcome: null, detail: null });
        return Number(r.identifiers[0].id);
      });
    } catch (err) {
      if (isUniqueViolation(err)) return 'skipped';
      throw err;
    }
    try {
      const detail = await job.run(now);
      await this.db.transaction((m) => m.update(JobRunEntity, { id: runId }, { finishedAt: new Date(), outcome: 'ok', detail: detail ?? null }));
      return 'ran';
    } catch (err) {
      this.logger.error(`job ${job.name} failed: ${(err as Error).message}`);
      await this.db
        .transaction((m) => m.update(JobRunEntity, { id: runId }, { finishedAt: new Date(), outcome: 'failed', detail: String((err as Error).message).slice(0, 2000) }))
        .catch(() => undefined);
      return 'failed';
    }
  }
}
