/**
 * Labels and rules the staff screens show, mirrored from contract files that carry zod (which must stay
 * out of the mini-program). test/client/deliberation-staff.test.tsx checks they equal the contracts'.
 */
import type { ResolutionStatus } from '@contracts/deliberation-outcomes.contract';
import type { VoteEligibility } from '@contracts/deliberation-votes.contract';

export const VOTE_OPTIONS_MIN = 2;
export const VOTE_OPTIONS_MAX = 10;
export const MINUTES_MAX = 5000;
export const RESOLUTION_TEXT_MAX = 500;
export const RESOLUTION_NOTE_MAX = 500;

export const VoteEligibilityChoices: ReadonlyArray<{ key: VoteEligibility; label: string }> = [
  { key: 'checked_in', label: '已签到的参会居民' },
  { key: 'registered', label: '已报名的居民' },
  { key: 'community', label: '本社区全体居民' },
];

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

/** What the status button says, e.g. "改为：落实中" / "上报街道" / "重新打开". */
export function transitionText(from: ResolutionStatus, to: ResolutionStatus): string {
  if (to === 'escalated') return '上报街道';
  if (from === 'done' && to === 'in_progress') return '重新打开（改为落实中）';
  if (from === 'escalated' && to === 'in_progress') return '街道已交回，继续落实';
  return `改为：${ResolutionStatusLabels[to]}`;
}

/** Whether this change needs a note, and what the note is called. */
export function noteNeeded(from: ResolutionStatus, to: ResolutionStatus): string | null {
  if (to === 'escalated') return '上报街道的原因';
  if (from === 'done' && to === 'in_progress') return '重新打开的原因';
  return null;
}

/** Staff may (re)set the offline tally until this many hours after the vote closed. */
export const OFFLINE_TALLY_EDIT_HOURS = 24;
