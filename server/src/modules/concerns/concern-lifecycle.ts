import {
  ACCEPT_WITHIN_HOURS,
  AUTO_CLOSE_AFTER_DAYS,
  OpenConcernStatuses,
  type ConcernStatus,
  type HolderLevel,
} from '../../../../contracts/concerns.constants';
import type { ConcernAction } from '../../../../contracts/concerns.contract';
import type { Role } from '../../../../contracts/roles';

/**
 * The concern state machine, pure: which actions exist in which state for whom, where a concern goes
 * when escalated or returned, and when its current stage is due. The services apply it with
 * conditional updates; the unit tests walk it exhaustively.
 */
const LEVELS: HolderLevel[] = ['grid', 'community', 'street', 'department'];

export const levelOfRole = (role: Role): HolderLevel | null =>
  role === 'grid_worker' ? 'grid' : role === 'community_staff' ? 'community' : role === 'street_admin' ? 'street' : role === 'department' ? 'department' : null;

export const levelAbove = (level: HolderLevel): HolderLevel | null => LEVELS[LEVELS.indexOf(level) + 1] ?? null;
export const levelBelow = (level: HolderLevel): HolderLevel | null => LEVELS[LEVELS.indexOf(level) - 1] ?? null;

export const isOpenStatus = (s: ConcernStatus) => OpenConcernStatuses.includes(s);
/** Waiting to be accepted by the level that now holds it. */
export const AWAITING_ACCEPT: readonly ConcernStatus[] = ['submitted', 'escalated', 'returned', 'reopened'];

/** Staff action -> the statuses it may start from and the status it leads to. */
export const STAFF_TRANSITIONS: Record<'accept' | 'start' | 'resolve' | 'escalate' | 'return' | 'close', { from: readonly ConcernStatus[]; to: ConcernStatus }> = {
  accept: { from: AWAITING_ACCEPT, to: 'accepted' },
  start: { from: ['accepted'], to: 'in_progress' },
  resolve: { from: ['accepted', 'in_progress'], to: 'resolved' },
  escalate: { from: OpenConcernStatuses, to: 'escalated' },
  return: { from: ['escalated', 'accepted', 'in_progress', 'reopened'], to: 'returned' },
  close: { from: OpenConcernStatuses, to: 'closed' },
};

/** Resident action -> the statuses it may start from and the status it leads to. */
export const RESIDENT_TRANSITIONS: Record<'rate' | 'not_solved' | 'withdraw', { from: readonly ConcernStatus[]; to: ConcernStatus }> = {
  rate: { from: ['resolved'], to: 'closed' },
  not_solved: { from: ['resolved'], to: 'reopened' },
  withdraw: { from: OpenConcernStatuses, to: 'closed' },
};

export interface ActorView {
  role: Role;
  /** The caller submitted it (or, for proxy concerns, submitted it on the resident's behalf). */
  isSubmitter: boolean;
  /** Staff: the concern is at the caller's level and in the caller's area (or department). */
  holdsIt: boolean;
  /** Resident: the concern is public, in the caller's community, and they have not joined it yet. */
  mayJoin: boolean;
  /** For 'return' to the grid: the grid has a grid worker to receive it. */
  gridHasWorker: boolean;
}

export interface ConcernView {
  status: ConcernStatus;
  holderLevel: HolderLevel;
}

/** Exactly the actions the caller may take now; the app shows these buttons and nothing else. */
export function allowedActions(c: ConcernView, a: ActorView): ConcernAction[] {
  const actions: ConcernAction[] = [];
  if (a.holdsIt && levelOfRole(a.role) === c.holderLevel) {
    for (const [action, t] of Object.entries(STAFF_TRANSITIONS) as [keyof typeof STAFF_TRANSITIONS, { from: readonly ConcernStatus[] }][]) {
      if (!t.from.includes(c.status)) continue;
      if (action === 'escalate' && !levelAbove(c.holderLevel)) continue;
      if (action === 'return') {
        const below = levelBelow(c.holderLevel);
        if (!below || (below === 'grid' && !a.gridHasWorker)) continue;
      }
      actions.push(action);
    }
  }
  if (a.isSubmitter && a.role === 'resident') {
    if (RESIDENT_TRANSITIONS.rate.from.includes(c.status)) actions.push('rate', 'not_solved');
    if (RESIDENT_TRANSITIONS.withdraw.from.includes(c.status)) actions.push('withdraw');
  }
  if (a.mayJoin && !a.isSubmitter && c.status !== 'closed') actions.push('me_too');
  return actions;
}

const HOUR = 3600_000;

/** When the stage a concern enters with `status` is due (null when nothing is due). */
export function stageDeadline(status: ConcernStatus, from: Date, resolveHours: number): Date | null {
  if (AWAITING_ACCEPT.includes(status)) return new Date(from.getTime() + ACCEPT_WITHIN_HOURS * HOUR);
  if (status === 'accepted' || status === 'in_progress') return new Date(from.getTime() + resolveHours * HOUR);
  if (status === 'resolved') return new Date(from.getTime() + AUTO_CLOSE_AFTER_DAYS * 24 * HOUR);
  return null;
}

/** "usually handled within 2 days; 1 day has passed" — plain words for the resident. */
export function describeDeadline(stageStartedAt: Date, deadline: Date | null, now: Date): string | null {
  if (!deadline) return null;
  const total = deadline.getTime() - stageStartedAt.getTime();
  const passed = now.getTime() - stageStartedAt.getTime();
  const words = (ms: number) => (ms >= 24 * HOUR ? `${Math.round(ms / (24 * HOUR))} 天` : `${Math.max(1, Math.round(ms / HOUR))} 小时`);
  const head = `通常在 ${words(total)}内处理`;
  if (passed < HOUR) return `${head}，刚刚开始`;
  return passed > total ? `${head}，已超时 ${words(passed - total)}` : `${head}，已过去 ${words(passed)}`;
}
