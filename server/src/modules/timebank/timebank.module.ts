import { Module } from '@nestjs/common';
import { DeliberationModule } from '../deliberation/deliberation.module';
import { TeamActivitiesController } from './team-activities.controller';
import { TeamActivitiesService } from './team-activities.service';
import { TimebankLedgerRepository } from './timebank-ledger.repository';
import { TimebankQueryService } from './timebank-query.service';
import { TimebankRewardsService } from './timebank-rewards.service';
import { TimebankStaffService } from './timebank-staff.service';
import { TimebankController } from './timebank.controller';
import { TimebankService } from './timebank.service';

/**
 * 红色银行. Exports TimebankService (the port in timebank.port.ts) for the volunteers module, and TeamActivitiesService
 * (a suspended volunteer's upcoming sign-ups are released). Imports DeliberationModule for ResolutionLinks (an activity
 * started from a 议事亭 resolution).
 */
@Module({
  imports: [DeliberationModule],
  controllers: [TimebankController, TeamActivitiesController],
  providers: [TimebankLedgerRepository, TimebankService, TimebankQueryService, TimebankRewardsService, TimebankStaffService, TeamActivitiesService],
  exports: [TimebankService, TeamActivitiesService],
})
export class TimebankModule {}
