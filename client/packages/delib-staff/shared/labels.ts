/**
 * Words the staff screens build on top of the contracts' plain constants (statuses, labels and limits come
 * from the zod-free *.constants.ts files, one copy for server and client).
 */
import { ResolutionStatusLabels, type ResolutionStatus } from '@contracts/deliberation-outcomes.constants';
import { VoteEligibilities, VoteEligibilityLabels, type VoteEligibility } from '@contracts/deliberation-votes.constants';

/** The vote eligibility choices, in the contract's order. */
export const VoteEligibilityChoices: ReadonlyArray<{ key: VoteEligibility; label: string }> = VoteEligibilities.map((key) => ({
  key,
  label: VoteEligibilityLabels[key],
}));

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
