import { Global, Module, OnModuleInit } from '@nestjs/common';
import { IdempotencyService } from '../../common/idempotency/idempotency.service';
import { SchedulerService } from './scheduler.service';

const DAY = 24 * 3600_000;

@Global()
@Module({ providers: [SchedulerService], exports: [SchedulerService] })
export class SchedulerModule implements OnModuleInit {
  constructor(private readonly scheduler: SchedulerService, private readonly idempotency: IdempotencyService) {}

  onModuleInit(): void {
    // Idempotency keys are kept one day: long enough for any client retry.
    this.scheduler.register({
      name: 'idempotency.purge',
      everyMs: 3600_000,
      run: async (now) => `purged ${await this.idempotency.purgeOlderThan(new Date(now.getTime() - DAY))}`,
    });
  }
}
