import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DemoSeeder } from '../modules/org/demo.seeder';
import { DatabaseService } from './database.service';

/** At boot: apply pending migrations, then seed the demo organisation into an empty database. */
@Injectable()
export class DatabaseBootstrap implements OnModuleInit {
  private readonly logger = new Logger(DatabaseBootstrap.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig, private readonly db: DatabaseService, private readonly seeder: DemoSeeder) {}

  async onModuleInit(): Promise<void> {
    const applied = await this.db.migrate();
    if (applied.length) this.logger.log(`migrations applied: ${applied.join(', ')}`);
    if (this.config.seedDemo) await this.seeder.seedOnce();
  }
}
