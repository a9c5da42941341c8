/*
 * Fixtures for the 小红帽 resident and volunteer screens: one builder per contract type, every field listed once,
 * overridable per test. The mocked server and screen helpers come from deliberation.fixtures.ts.
 */
import type { ActivityItem, Attendee, RewardItem } from '@contracts/timebank.contract';
import type { HelpRequestDetail, HelpRequestItem, StaffTeamItem, VolunteerItem, VolunteerTeamItem } from '@contracts/volunteers.contract';
import { residentMe } from './helpers';

const HOUR = 3600_000;
export const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

export const residentWithUnit = {
  ...residentMe,
  unit: { unitId: 4, label: '创业一社区 3号楼 2单元', communityId: 3, gridId: 2, confirmed: true },
};

export function helpRequest(overrides: Partial<HelpRequestItem> = {}): HelpRequestItem {
  const windowFrom = overrides.windowFrom ?? inHours(48);
  return {
    id: 21,
    version: 1,
    skill: 'digital_help',
    skillLabel: '手机电脑帮忙',
    description: '想学用手机和孩子视频',
    windowFrom,
    windowTo: new Date(Date.parse(windowFrom) + 4 * HOUR).toISOString(),
    placeLabel: '创业一社区 3号楼 2单元',
    communityName: '创业一社区',
    gridName: '第一网格',
    volunteersNeeded: 1,
    takenCount: 0,
    status: 'open',
    statusLabel: '待接单',
    requesterName: '王秀兰',
    proxyFor: null,
    volunteers: [],
    rating: null,
    ratingComment: null,
    creditedMinutes: null,
    createdAt: inHours(-2),
    mySeat: null,
    actions: [],
    ...overrides,
  };
}

export function helpDetail(overrides: Partial<HelpRequestDetail> = {}): HelpRequestDetail {
  return {
    ...helpRequest(overrides),
    events: [{ id: 1, type: 'posted', fromStatus: null, toStatus: 'open', actorName: '王秀兰', volunteerName: null, note: null, at: inHours(-2) }],
    ...overrides,
  };
}

export function volunteer(overrides: Partial<VolunteerItem> = {}): VolunteerItem {
  return {
    id: 5,
    userId: 1,
    name: '王秀兰',
    phone: '138****5678',
    communityId: 3,
    status: 'approved',
    statusLabel: '已通过',
    skills: ['companionship'],
    availability: ['weekday_morning'],
    teams: [{ id: 1, name: '守望相助情暖夕阳' }],
    intro: null,
    declineReason: null,
    suspendReason: null,
    tasksInHand: 0,
    pendingDispatches: 0,
    upcomingSignUps: 0,
    leads: [],
    appliedAt: inHours(-100),
    decidedAt: inHours(-90),
    version: 2,
    ...overrides,
  };
}

export function team(overrides: Partial<VolunteerTeamItem> = {}): VolunteerTeamItem {
  return { id: 1, name: '守望相助情暖夕阳', level: 'community', communityId: 3, memberCount: 12, ...overrides };
}

/** A team as community staff and street admins get it: with its 队长 and whether they may appoint one. */
export function staffTeam(overrides: Partial<StaffTeamItem> = {}): StaffTeamItem {
  return { ...team(), leader: null, canAppoint: false, ...overrides };
}

/** A community activity (no team), open, 2 of 20 places taken. */
export function activity(overrides: Partial<ActivityItem> = {}): ActivityItem {
  return {
    id: 9, communityId: 3, teamId: null, teamName: null, title: '楼道清理', description: '', place: '3 号楼下', startsAt: '2030-11-30T01:00:00.000Z',
    endsAt: '2030-11-30T03:00:00.000Z', slots: 20, taken: 2, creditMinutes: 120, status: 'open', signedUp: false, resolution: null, ...overrides,
  };
}

/** Someone signed up for an activity, not checked in yet. */
export function attendee(overrides: Partial<Attendee> = {}): Attendee {
  return { userId: 11, name: '陈小红', status: 'signed_up', checkedInAt: null, checkedOutAt: null, attendance: null, ...overrides };
}

/** A reward on offer: 2 hours, 5 left, none redeemed yet. */
export function reward(overrides: Partial<RewardItem> = {}): RewardItem {
  return { id: 4, name: '免费理发一次', description: '社区理发室', costMinutes: 120, stock: 5, active: true, redeemedCount: 0, ...overrides };
}

export const page = <T>(items: T[], nextCursor: string | null = null) => ({ status: 200, body: { items, nextCursor } });
export const notVolunteer = { status: 404, body: { code: 'VOLUNTEER_NOT_FOUND', message: '您还没有报名当志愿者', requestId: 'r' } };
