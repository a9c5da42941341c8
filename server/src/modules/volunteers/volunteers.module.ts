import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimebankModule } from '../timebank/timebank.module';
import { HelpRequestAccess } from './help-request-access';
import { HelpRequestActionsController } from './help-request-actions.controller';
import { HelpRequestNotices } from './help-request-notices';
import { HelpRequestSeatsService } from './help-request-seats.service';
import { HelpRequestsController } from './help-requests.controller';
import { HelpRequestsJobs } from './help-requests.jobs';
import { HelpRequestsQueryService } from './help-requests-query.service';
import { HelpRequestsRepository } from './help-requests.repository';
import { HelpRequestsService } from './help-requests.service';
import { VolunteerFiguresController } from './volunteer-figures.controller';
import { VolunteerFiguresRepository } from './volunteer-figures.repository';
import { VolunteerFiguresService } from './volunteer-figures.service';
import { VolunteerAccountRelease } from './volunteer-account-release';
import { VolunteerStatusService } from './volunteer-status.service';
import { VolunteerTeamsController } from './volunteer-teams.controller';
import { VolunteerTeamsService } from './volunteer-teams.service';
import { VolunteersController } from './volunteers.controller';
import { VolunteersRepository } from './volunteers.repository';
import { VolunteersService } from './volunteers.service';

/** 小红帽 volunteers and 微心愿 help requests; confirmations credit the time bank (TimebankModule). */
@Module({
  imports: [NotificationsModule, TimebankModule],
  controllers: [VolunteerTeamsController, VolunteersController, HelpRequestsController, HelpRequestActionsController, VolunteerFiguresController],
  providers: [HelpRequestsRepository, HelpRequestAccess, HelpRequestNotices, HelpRequestsQueryService, HelpRequestsService, HelpRequestSeatsService, HelpRequestsJobs, VolunteersService, VolunteersRepository, VolunteerStatusService, VolunteerTeamsService, VolunteerFiguresRepository, VolunteerFiguresService, VolunteerAccountRelease],
  exports: [VolunteerAccountRelease],
})
export class VolunteersModule {}
