import { DeliberationFiguresRepository } from './deliberation-figures.repository';
import { DeliberationFiguresService } from './deliberation-figures.service';
import { OutcomesAccess } from './deliberation-outcomes.access';
import { DeliberationCalendarService } from './deliberation-outcomes.calendar';
import { DeliberationOutcomesController } from './deliberation-outcomes.controller';
import { DeliberationOutcomesService } from './deliberation-outcomes.service';
import { DeliberationReminderJobs } from './deliberation-reminders.jobs';
import { ResolutionsBoardRepository } from './deliberation-resolutions-board.repository';
import { DeliberationResolutionsBoardService } from './deliberation-resolutions-board.service';
import { DeliberationResolutionStatusService } from './deliberation-resolutions-status.service';
import { DeliberationResolutionsController } from './deliberation-resolutions.controller';
import { ResolutionsRepository } from './deliberation-resolutions.repository';
import { DeliberationResolutionsService } from './deliberation-resolutions.service';

/** Outcome and accountability: minutes, resolutions and their board, figures, reminders, calendar. */
export const OUTCOMES_CONTROLLERS = [DeliberationOutcomesController, DeliberationResolutionsController];
export const OUTCOMES_PROVIDERS = [
  OutcomesAccess, ResolutionsRepository, ResolutionsBoardRepository, DeliberationFiguresRepository,
  DeliberationOutcomesService, DeliberationResolutionsService, DeliberationResolutionStatusService, DeliberationResolutionsBoardService,
  DeliberationFiguresService, DeliberationCalendarService, DeliberationReminderJobs,
];
