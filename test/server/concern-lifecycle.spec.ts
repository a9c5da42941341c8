import { ConcernStatuses, HolderLevels, type ConcernStatus, type HolderLevel } from '../../contracts/concerns.constants';
import type { Role } from '../../contracts/roles';
import {
  allowedActions,
  describeDeadline,
  levelAbove,
  levelBelow,
  levelOfRole,
  stageDeadline,
  type ActorView,
} from '../../server/src/modules/concerns/concern-lifecycle';

const HOUR = 3600_000;
const staff = (role: Role, over: Partial<ActorView> = {}): ActorView => ({ role, isSubmitter: false, holdsIt: true, mayJoin: false, gridHasWorker: true, ...over });
const resident = (over: Partial<ActorView> = {}): ActorView => ({ role: 'resident', isSubmitter: true, holdsIt: false, mayJoin: false, gridHasWorker: true, ...over });
const ROLE_OF: Record<HolderLevel, Role> = { grid: 'grid_worker', community: 'community_staff', street: 'street_admin', department: 'department' };

describe('concern state machine', () => {
  it('levels go grid → community → street → department and back down', () => {
    expect(HolderLevels.map(levelAbove)).toEqual(['community', 'street', 'department', null]);
    expect(HolderLevels.map(levelBelow)).toEqual([null, 'grid', 'community', 'street']);
    expect((['grid_worker', 'community_staff', 'street_admin', 'department', 'resident'] as Role[]).map(levelOfRole)).toEqual(['grid', 'community', 'street', 'department', null]);
  });

  it('a staff member who does not hold the concern, or holds another level, may do nothing', () => {
    for (const status of ConcernStatuses) {
      for (const level of HolderLevels) {
        expect(allowedActions({ status, holderLevel: level }, staff(ROLE_OF[level], { holdsIt: false }))).toEqual([]);
        const other = HolderLevels.find((l) => l !== level)!;
        expect(allowedActions({ status, holderLevel: level }, staff(ROLE_OF[other]))).toEqual([]);
      }
    }
  });

  it.each([
    ['submitted', 'grid', ['accept', 'escalate', 'close']],
    ['accepted', 'grid', ['start', 'resolve', 'escalate', 'close']],
    ['in_progress', 'grid', ['resolve', 'escalate', 'close']],
    ['escalated', 'community', ['accept', 'escalate', 'return', 'close']],
    ['accepted', 'street', ['start', 'resolve', 'escalate', 'return', 'close']],
    ['accepted', 'department', ['start', 'resolve', 'return', 'close']],
    ['returned', 'grid', ['accept', 'escalate', 'close']],
    ['reopened', 'community', ['accept', 'escalate', 'return', 'close']],
    ['resolved', 'grid', []],
    ['closed', 'street', []],
  ] as [ConcernStatus, HolderLevel, string[]][])('holder at %s/%s may: %j', (status, level, expected) => {
    expect(allowedActions({ status, holderLevel: level }, staff(ROLE_OF[level]))).toEqual(expected);
  });

  it('the community cannot return a concern to a grid without a grid worker', () => {
    expect(allowedActions({ status: 'accepted', holderLevel: 'community' }, staff('community_staff', { gridHasWorker: false }))).not.toContain('return');
  });

  it('the department is the top: it never escalates', () => {
    for (const status of ConcernStatuses) expect(allowedActions({ status, holderLevel: 'department' }, staff('department'))).not.toContain('escalate');
  });

  it('the submitter rates or says “not solved” only when resolved, and withdraws only while open', () => {
    for (const status of ConcernStatuses) {
      const actions = allowedActions({ status, holderLevel: 'grid' }, resident());
      expect(actions.includes('rate')).toBe(status === 'resolved');
      expect(actions.includes('not_solved')).toBe(status === 'resolved');
      expect(actions.includes('withdraw')).toBe(!['resolved', 'closed'].includes(status));
    }
    expect(allowedActions({ status: 'resolved', holderLevel: 'grid' }, resident({ isSubmitter: false }))).toEqual([]);
  });

  it('a neighbour may say “me too” to an unclosed public concern, once', () => {
    expect(allowedActions({ status: 'accepted', holderLevel: 'grid' }, resident({ isSubmitter: false, mayJoin: true }))).toEqual(['me_too']);
    expect(allowedActions({ status: 'closed', holderLevel: 'grid' }, resident({ isSubmitter: false, mayJoin: true }))).toEqual([]);
    expect(allowedActions({ status: 'accepted', holderLevel: 'grid' }, resident({ isSubmitter: false, mayJoin: false }))).toEqual([]);
  });

  it('deadlines: 24 h to accept, the category’s hours to resolve, 7 days to rate, nothing once closed', () => {
    const t = new Date('2026-11-20T08:00:00Z');
    for (const s of ['submitted', 'escalated', 'returned', 'reopened'] as ConcernStatus[]) expect(stageDeadline(s, t, 48)!.getTime() - t.getTime()).toBe(24 * HOUR);
    expect(stageDeadline('accepted', t, 48)!.getTime() - t.getTime()).toBe(48 * HOUR);
    expect(stageDeadline('in_progress', t, 72)!.getTime() - t.getTime()).toBe(72 * HOUR);
    expect(stageDeadline('resolved', t, 48)!.getTime() - t.getTime()).toBe(7 * 24 * HOUR);
    expect(stageDeadline('closed', t, 48)).toBeNull();
  });

  it('says the deadline in plain words', () => {
    const start = new Date('2026-11-20T08:00:00Z');
    const due = new Date(start.getTime() + 48 * HOUR);
    expect(describeDeadline(start, due, new Date(start.getTime() + 10 * 60_000))).toBe('通常在 2 天内处理，刚刚开始');
    expect(describeDeadline(start, due, new Date(start.getTime() + 24 * HOUR))).toBe('通常在 2 天内处理，已过去 1 天');
    expect(describeDeadline(start, due, new Date(start.getTime() + 5 * HOUR))).toBe('通常在 2 天内处理，已过去 5 小时');
    expect(describeDeadline(start, due, new Date(start.getTime() + 72 * HOUR))).toBe('通常在 2 天内处理，已超时 1 天');
    expect(describeDeadline(start, null, new Date())).toBeNull();
  });
});
