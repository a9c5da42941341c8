/* Server answers for the 议事亭 staff screens (the staff values on top of deliberation.fixtures.ts, plus staff-only builders) and staff-form helpers. */
import { fireEvent } from '@testing-library/react';
import type { SeriesItem, SessionItem } from '@contracts/deliberation.contract';
import type { AgendaItem, AgendaResponse, TopicQueueEntry, TopicQueueResponse } from '@contracts/deliberation-topics.contract';
import type { AttendanceResponse, AttendeeItem, VoteItem } from '@contracts/deliberation-votes.contract';
import type { ResolutionDetail } from '@contracts/deliberation-outcomes.contract';
import * as shared from './deliberation.fixtures';
import { gridWorkerMe, routeOf, type SentRequest } from './helpers';

export { agendaItem, outcome, resolution } from './deliberation.fixtures';

/** Types `value` into the input (or picker wheel) with this id. */
export const type = (id: string, value: string) => fireEvent.change(shared.byId(id)!, { target: { value } });
/** The requests sent to one "METHOD /path" route. */
export const posts = (sent: SentRequest[], route: string) => sent.filter((r) => routeOf(r) === route);

export const staffMe = { ...gridWorkerMe, id: 5, name: '赵主任', role: 'community_staff' as const, scope: { level: 'community' as const, id: 3, name: '创业一社区' } };

/** Friday 2030-11-29 17:00 in China: far enough ahead to stay upcoming, fixed so texts can be checked. */
export const FRIDAY_17 = '2030-11-29T09:00:00.000Z';

export function session(overrides: Partial<SessionItem> = {}): SessionItem {
  return shared.session({ startsAt: FRIDAY_17, reservedLeft: 2, waitingCount: 4, ...overrides });
}

export function series(overrides: Partial<SeriesItem> = {}): SeriesItem {
  return {
    id: 1,
    communityId: 3,
    name: '议事亭',
    place: '中心凉亭',
    weekday: 5,
    time: '17:00',
    durationMinutes: 90,
    seats: 30,
    reservedSeats: 5,
    opensDaysBefore: 3,
    closesHoursBefore: 2,
    active: true,
    ...overrides,
  };
}

export function queueEntry(overrides: Partial<TopicQueueEntry> = {}): TopicQueueEntry {
  return {
    id: 21,
    title: '文明养犬',
    category: 'pets',
    categoryText: '宠物',
    status: 'queued',
    statusText: '排队待上会',
    supportCount: 6,
    threshold: 5,
    supportedByMe: false,
    mine: false,
    proposerName: '王秀兰',
    createdAt: '2026-11-20T02:00:00.000Z',
    agenda: null,
    sharePath: '/packages/deliberation/topic/index?id=21',
    queuePosition: 1,
    autoPlace: true,
    ...overrides,
  };
}

export function queue(items: TopicQueueEntry[] = [queueEntry()], overrides: Partial<TopicQueueResponse> = {}): TopicQueueResponse {
  return { items, threshold: 5, agendaSlots: 3, nextSession: { id: 7, startsAt: session().startsAt, place: '中心凉亭', freeSlots: 2 }, ...overrides };
}

export function agenda(items: AgendaItem[] = [shared.agendaItem()], agendaSlots = 3): AgendaResponse {
  return shared.agenda(items, { agendaSlots });
}

export function attendee(overrides: Partial<AttendeeItem> = {}): AttendeeItem {
  return {
    registrationId: 101,
    userId: 41,
    name: '张桂英',
    unitLabel: '3号楼 2单元',
    phoneMasked: '138****0041',
    status: 'confirmed',
    seatKind: 'open',
    checkedInAt: null,
    attendance: null,
    proxy: false,
    proxyByName: null,
    ...overrides,
  };
}

export function attendance(attendees: AttendeeItem[] = [attendee()], overrides: Partial<AttendanceResponse> = {}): AttendanceResponse {
  const present = attendees.filter((a) => a.checkedInAt).length;
  return {
    sessionId: 7,
    startsAt: session().startsAt,
    endsAt: session().endsAt,
    checkInOpensAt: new Date(Date.now() - 3600_000).toISOString(),
    checkInClosesAt: new Date(Date.now() + 6 * 3600_000).toISOString(),
    checkInOpen: true,
    absencesRecorded: false,
    counts: {
      confirmed: attendees.length,
      present,
      absent: 0,
      pending: attendees.length - present,
      waitlisted: 0,
      proxy: attendees.filter((a) => a.proxy).length,
    },
    attendees,
    ...overrides,
  };
}

export function vote(overrides: Partial<VoteItem> = {}): VoteItem {
  return shared.vote({
    results: {
      options: [
        { optionId: 61, online: 9, offline: 0, total: 9 },
        { optionId: 62, online: 4, offline: 0, total: 4 },
      ],
      ballots: 13,
      offlineTotal: 0,
      offlineRecordedAt: null,
      final: false,
    },
    canVote: false,
    cannotVoteReason: '工作人员不参加投票',
    ...overrides,
  });
}

export function resolutionDetail(overrides: Partial<ResolutionDetail> = {}): ResolutionDetail {
  const history: ResolutionDetail['history'] = [
    { id: 1, kind: 'created', fromStatus: null, toStatus: 'planned', note: null, by: { id: 5, name: '赵主任' }, at: shared.resolution().createdAt },
  ];
  return shared.resolutionDetail(shared.resolution(), history, overrides);
}
