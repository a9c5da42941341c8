import { DeliberationCheckinProxyService } from './deliberation-checkin-proxy.service';
import { DeliberationCheckinController } from './deliberation-checkin.controller';
import { DeliberationCheckinJobs } from './deliberation-checkin.jobs';
import { DeliberationCheckinRepository } from './deliberation-checkin.repository';
import { DeliberationCheckinService } from './deliberation-checkin.service';
import { DeliberationVotesBallotService } from './deliberation-votes-ballot.service';
import { DeliberationVotesController } from './deliberation-votes.controller';
import { DeliberationVotesRepository } from './deliberation-votes.repository';
import { DeliberationVotesService } from './deliberation-votes.service';

/** Check-in, attendance, 代办 and votes: registered in DeliberationModule. */
export const CHECKIN_VOTES_CONTROLLERS = [DeliberationCheckinController, DeliberationVotesController];
export const CHECKIN_VOTES_PROVIDERS = [
  DeliberationCheckinRepository, DeliberationCheckinService, DeliberationCheckinProxyService, DeliberationCheckinJobs,
  DeliberationVotesRepository, DeliberationVotesService, DeliberationVotesBallotService,
];
