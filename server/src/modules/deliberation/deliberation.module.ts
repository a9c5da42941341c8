import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationController } from './deliberation.controller';
import { DeliberationJobs } from './deliberation.jobs';
import { DeliberationRepository } from './deliberation.repository';
import { DeliberationRepresentativesService } from './deliberation-representatives.service';
import { DeliberationSeriesService } from './deliberation-series.service';
import { DeliberationSignupService } from './deliberation-signup.service';

/** 议事亭 pavilion deliberation: series, sessions, sign-up with reserved seats and a waiting list. */
@Module({
  imports: [NotificationsModule],
  controllers: [DeliberationController],
  providers: [DeliberationRepository, DeliberationAccess, DeliberationSeriesService, DeliberationSignupService, DeliberationRepresentativesService, DeliberationJobs],
})
export class DeliberationModule {}
