import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { DeliberationAccess } from './deliberation-access';
import { ResolutionLinks } from './deliberation-resolution-links';
import { DeliberationController } from './deliberation.controller';
import { DeliberationJobs } from './deliberation.jobs';
import { DeliberationRepository } from './deliberation.repository';
import { DeliberationRepresentativesService } from './deliberation-representatives.service';
import { DeliberationSeriesService } from './deliberation-series.service';
import { DeliberationSignupService } from './deliberation-signup.service';
import { DeliberationMembershipRelease } from './deliberation-membership-release';
import { CHECKIN_VOTES_CONTROLLERS, CHECKIN_VOTES_PROVIDERS } from './deliberation-votes.providers';
import { TOPICS_CONTROLLERS, TOPICS_PROVIDERS } from './deliberation-topics.providers';
import { OUTCOMES_CONTROLLERS, OUTCOMES_PROVIDERS } from './deliberation-outcomes.providers';

/**
 * 议事亭 pavilion deliberation: series, sessions, sign-up with reserved seats and a waiting list. Exports ResolutionLinks
 * for the time bank (a team activity started from a resolution), and DeliberationMembershipRelease for account deletion (issue 10).
 */
@Module({
  imports: [NotificationsModule],
  controllers: [...CHECKIN_VOTES_CONTROLLERS, ...TOPICS_CONTROLLERS, ...OUTCOMES_CONTROLLERS, DeliberationController],
  providers: [...CHECKIN_VOTES_PROVIDERS, ...TOPICS_PROVIDERS, ...OUTCOMES_PROVIDERS, DeliberationRepository, DeliberationAccess, DeliberationSeriesService, DeliberationSignupService, DeliberationRepresentativesService, DeliberationJobs, ResolutionLinks, DeliberationMembershipRelease],
  exports: [ResolutionLinks, DeliberationMembershipRelease],
})
export class DeliberationModule {}
