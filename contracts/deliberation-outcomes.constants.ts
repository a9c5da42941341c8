/**
 * 议事亭 minutes and resolutions: plain constants, no zod (the mini-program imports these at runtime).
 */

export const ResolutionStatuses = ['planned', 'in_progress', 'done', 'escalated'] as const;
export type ResolutionStatus = (typeof ResolutionStatuses)[number];

export const ResolutionStatusLabels: Record<ResolutionStatus, string> = {
  planned: '待落实',
  in_progress: '落实中',
  done: '已完成',
  escalated: '已上报街道',
};

/** Legal next statuses; done -> in_progress is a reopen (note required). */
export const RESOLUTION_TRANSITIONS: Record<ResolutionStatus, readonly ResolutionStatus[]> = {
  planned: ['in_progress', 'done', 'escalated'],
  in_progress: ['done', 'escalated'],
  escalated: ['in_progress', 'done'],
  done: ['in_progress'],
};

/** Done resolutions stay on the board this many days. */
export const BOARD_DONE_DAYS = 30;
export const MINUTES_MAX = 5000;
export const RESOLUTION_TEXT_MAX = 500;
export const RESOLUTION_NOTE_MAX = 500;
