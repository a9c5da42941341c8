/*
 * Shared fixtures for the 议事亭 client tests (resident and staff screens): one builder per contract type,
 * listing every field once, overridable per test. deliberation-resident.fixtures.ts and
 * deliberation-staff.fixtures.ts give each side its own values on top of these and add their own builders.
 */
import { act, fireEvent } from '@testing-library/react';
import type { SessionItem } from '@contracts/deliberation.contract';
import type { AgendaItem, AgendaResponse } from '@contracts/deliberation-topics.contract';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import type { ResolutionDetail, ResolutionItem, SessionOutcome } from '@contracts/deliberation-outcomes.contract';
import { mockApi, routeOf, withMe, type Reply, type SentRequest } from './helpers';

const HOUR = 3600_000;
/** An instant `h` hours from now. */
export const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const after = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

/** A session; its end and registration window follow `startsAt` (90 minutes long, opens 3 days and closes 2 hours before). */
export function session(overrides: Partial<SessionItem> = {}): SessionItem {
  const startsAt = overrides.startsAt ?? inHours(48);
  return {
    id: 7,
    seriesId: 1,
    name: '议事亭',
    place: '中心凉亭',
    startsAt,
    endsAt: after(startsAt, 1.5),
    status: 'scheduled',
    cancelReason: null,
    seats: 30,
    reservedSeats: 5,
    seatsLeft: 12,
    reservedLeft: 3,
    waitingCount: 0,
    registrationOpensAt: after(startsAt, -72),
    registrationClosesAt: after(startsAt, -2),
    registrationOpen: true,
    mine: null,
    ...overrides,
  };
}

export function agendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: 31,
    sessionId: 7,
    topicId: null,
    position: 1,
    title: '文明养犬',
    whereText: '中心凉亭',
    whatText: '小区里狗不拴绳，吓到老人孩子',
    who: { parties: ['representatives', 'property_company'], partyTexts: ['居民代表', '物业公司'], others: '' },
    howText: '先充分讨论，再举手和线上表决',
    carriedOutText: '',
    topicStatus: null,
    topicSupportCount: null,
    createdAt: '2026-11-25T02:00:00.000Z',
    updatedAt: '2026-11-25T02:00:00.000Z',
    ...overrides,
  };
}

export function agenda(items: AgendaItem[], overrides: Partial<AgendaResponse> = {}): AgendaResponse {
  return { sessionId: 7, agendaSlots: 3, items, ...overrides };
}

/** An open single-choice vote on agenda item 31 with two options and no results shown. */
export function vote(overrides: Partial<VoteItem> = {}): VoteItem {
  return {
    id: 51,
    sessionId: 7,
    agendaItemId: 31,
    agendaTitle: '文明养犬',
    question: '小区遛狗采用哪种办法？',
    mode: 'single',
    maxChoices: 1,
    eligibility: 'checked_in',
    liveResults: false,
    status: 'open',
    closesAt: inHours(1),
    closedAt: null,
    createdAt: inHours(-1),
    options: [
      { id: 61, label: '出门一律拴绳', position: 1 },
      { id: 62, label: '规定遛狗时段', position: 2 },
    ],
    results: null,
    myBallot: null,
    canVote: true,
    cannotVoteReason: null,
    ...overrides,
  };
}

export function resolution(overrides: Partial<ResolutionItem> = {}): ResolutionItem {
  return {
    id: 81,
    sessionId: 7,
    communityId: 3,
    communityName: '创业一社区',
    sessionStartsAt: inHours(-200),
    agendaItemId: 31,
    topicId: null,
    topicTitle: null,
    text: '遛狗一律拴绳',
    owner: { name: '物业公司', user: null },
    dueDate: '2026-12-31',
    status: 'planned',
    overdue: false,
    escalationReason: null,
    doneAt: null,
    createdAt: inHours(-190),
    updatedAt: inHours(-190),
    version: 3,
    followers: 0,
    following: false,
    ...overrides,
  };
}

/** `item` (a resolution) with its status history (and no volunteer activities). */
export function resolutionDetail(item: ResolutionItem, history: ResolutionDetail['history'], overrides: Partial<ResolutionDetail> = {}): ResolutionDetail {
  return { ...item, history, activities: [], ...overrides };
}

export function outcome(overrides: Partial<SessionOutcome> = {}): SessionOutcome {
  return { sessionId: 7, minutes: null, resolutions: [], ...overrides };
}

// ---- the mocked server, and reading and tapping the rendered screen ----

export type Routes = Record<string, (req: SentRequest) => Reply | undefined>;

/** GET /api/me answers `me`; every other request is answered by its "METHOD /path" route (404 when none). */
export function serveRoutes(me: object, routes: Routes): SentRequest[] {
  return mockApi(withMe(me, (req) => routes[routeOf(req)]?.(req)));
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
/** A coded error answer, as the server's exception filter sends it. */
export const fail = (status: number, code: string, message: string): Reply => ({ status, body: { code, message, requestId: 'r' } });
/** The query string of a sent request as an object. */
export const queryOf = (req: SentRequest) => Object.fromEntries(new URLSearchParams(req.url.split('?')[1] ?? ''));

export const byId = (id: string) => document.getElementById(id);
/** The text of the element with this id ('' when there is none). */
export const text = (id: string) => byId(id)?.textContent ?? '';

/** Taps an element that must be on screen, letting the page settle. */
export async function tap(el: Element | null) {
  expect(el).not.toBeNull();
  await act(async () => {
    fireEvent.click(el as Element);
  });
}
