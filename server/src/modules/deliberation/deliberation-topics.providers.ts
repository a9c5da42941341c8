import { DeliberationAgendaController } from './deliberation-agenda.controller';
import { DeliberationAgendaPlacement } from './deliberation-agenda.placement';
import { DeliberationAgendaService } from './deliberation-agenda.service';
import { DeliberationTopicsQueryService } from './deliberation-topics-query.service';
import { DeliberationTopicsSettingsService } from './deliberation-topics-settings.service';
import { DeliberationTopicsTriageService } from './deliberation-topics-triage.service';
import { DeliberationTopicsController } from './deliberation-topics.controller';
import { DeliberationTopicsJobs } from './deliberation-topics.jobs';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';
import { DeliberationTopicsService } from './deliberation-topics.service';

/** 议题 and 议程: topics, supports, triage, settings, agenda builder and the placement job. */
export const TOPICS_CONTROLLERS = [DeliberationTopicsController, DeliberationAgendaController];
export const TOPICS_PROVIDERS = [
  DeliberationTopicsRepository, DeliberationAgendaPlacement, DeliberationTopicsQueryService, DeliberationTopicsService,
  DeliberationTopicsTriageService, DeliberationTopicsSettingsService, DeliberationAgendaService, DeliberationTopicsJobs,
];
