import type { Role } from '@contracts/roles';
import type { ErrorResponse } from '@contracts/errors';
import type { RegistrationItem, SessionItem } from '@contracts/deliberation.contract';
import type {
  AgendaResponse,
  CreateTopicRequest,
  TopicDetail,
  TopicListResponse,
  TopicSort,
  TopicStatus,
} from '@contracts/deliberation-topics.contract';
import type { CastBallotRequest, MyBallot, VoteItem } from '@contracts/deliberation-votes.contract';
import type {
  FollowResponse,
  ResolutionBoardPage,
  ResolutionDetail,
  ResolutionStatus,
  SessionOutcome,
} from '@contracts/deliberation-outcomes.contract';
import { ApiError, buildUrl, request } from './request';
import { clearToken, getToken, goToLogin } from './session';

// 议事亭, the resident's side. Who may call what (mirrors the server's route declarations):
//   GET sessions, agenda, votes, outcome, topics, resolutions, calendar.ics: resident, grid_worker, community_staff
//   (resolutions and outcome also street_admin)
//   POST sign-up / withdraw, POST topics, support, ballot: resident only.
//   POST/DELETE follow: resident, grid_worker, community_staff.

export const DELIBERATION_PAGE_SIZE = 20;

/** Roles that belong to a community's deliberation (the server's MEMBERS). */
export function isDeliberationMember(role: Role | undefined): boolean {
  return role === 'resident' || role === 'grid_worker' || role === 'community_staff';
}

/** Only residents sign up, propose, support and vote. */
export function canTakePart(role: Role | undefined): boolean {
  return role === 'resident';
}

/** The 议事管理 entry (series settings, topic triage) for community staff and grid workers. */
export function canManageDeliberation(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'grid_worker';
}

/** Following a resolution: every member of the community. */
export function canFollowResolutions(role: Role | undefined): boolean {
  return isDeliberationMember(role);
}

// ---- sessions and sign-up ----

/** Sessions of my community that have not ended yet, soonest first (cancelled ones included). */
export function listSessions(): Promise<SessionItem[]> {
  return request<SessionItem[]>('/api/deliberation/sessions');
}

/** One session of my community, also once it has ended, with seats left and my registration. */
export function getSession(id: number): Promise<SessionItem> {
  return request<SessionItem>(`/api/deliberation/sessions/${id}`);
}

export function signUpForSession(id: number): Promise<RegistrationItem> {
  return request<RegistrationItem>(`/api/deliberation/sessions/${id}/sign-up`, { method: 'POST' });
}

/** Cancels my registration; a confirmed seat goes to the first on the waiting list. */
export function withdrawFromSession(id: number): Promise<RegistrationItem> {
  return request<RegistrationItem>(`/api/deliberation/sessions/${id}/withdraw`, { method: 'POST' });
}

export function getAgenda(sessionId: number): Promise<AgendaResponse> {
  return request<AgendaResponse>(`/api/deliberation/sessions/${sessionId}/agenda`);
}

export function getSessionOutcome(sessionId: number): Promise<SessionOutcome> {
  return request<SessionOutcome>(`/api/deliberation/sessions/${sessionId}/outcome`);
}

/** Browser only (called from `TARO_ENV === 'h5'` code): the session's .ics file, fetched with the login token (a plain link could not send it). */
export async function downloadSessionCalendar(sessionId: number): Promise<Blob> {
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(`/api/deliberation/sessions/${sessionId}/calendar.ics`), {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后再试', 0);
  }
  if (response.ok) return response.blob();
  if (response.status === 401) {
    clearToken();
    goToLogin();
  }
  let body: Partial<ErrorResponse> = {};
  try {
    body = (await response.json()) as Partial<ErrorResponse>;
  } catch {
    // not JSON: keep the generic message
  }
  throw new ApiError(
    typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    typeof body.message === 'string' && body.message ? body.message : '日历文件暂时下载不了，请稍后再试',
    response.status,
    typeof body.requestId === 'string' ? body.requestId : null,
  );
}

// ---- votes ----

export function listSessionVotes(sessionId: number): Promise<VoteItem[]> {
  return request<VoteItem[]>(`/api/deliberation/sessions/${sessionId}/votes`);
}

export function getVote(id: number): Promise<VoteItem> {
  return request<VoteItem>(`/api/deliberation/votes/${id}`);
}

/** A ballot cannot be changed afterwards. */
export function castBallot(voteId: number, optionIds: number[]): Promise<MyBallot> {
  const body: CastBallotRequest = { optionIds };
  return request<MyBallot>(`/api/deliberation/votes/${voteId}/ballot`, { method: 'POST', body });
}

// ---- topics ----

export type TopicFilter = TopicStatus | 'all' | 'mine';

export function listTopics(sort: TopicSort, filter: TopicFilter, cursor?: string | null): Promise<TopicListResponse> {
  return request<TopicListResponse>('/api/deliberation/topics', {
    query: {
      sort,
      status: filter === 'all' || filter === 'mine' ? undefined : filter,
      mine: filter === 'mine' ? 'true' : undefined,
      cursor,
      limit: DELIBERATION_PAGE_SIZE,
    },
  });
}

export function getTopic(id: number): Promise<TopicDetail> {
  return request<TopicDetail>(`/api/deliberation/topics/${id}`);
}

export function proposeTopic(body: CreateTopicRequest, idempotencyKey: string): Promise<TopicDetail> {
  return request<TopicDetail>('/api/deliberation/topics', { method: 'POST', body, idempotencyKey });
}

export function supportTopic(id: number): Promise<TopicDetail> {
  return request<TopicDetail>(`/api/deliberation/topics/${id}/support`, { method: 'POST' });
}

export function withdrawTopicSupport(id: number): Promise<TopicDetail> {
  return request<TopicDetail>(`/api/deliberation/topics/${id}/support`, { method: 'DELETE' });
}

// ---- resolutions ----

/** The board's filters: a status, or only the overdue ones. */
export type ResolutionFilter = ResolutionStatus | 'all' | 'overdue';

export function listResolutions(filter: ResolutionFilter, cursor?: string | null): Promise<ResolutionBoardPage> {
  return request<ResolutionBoardPage>('/api/deliberation/resolutions', {
    query: {
      status: filter === 'all' || filter === 'overdue' ? undefined : filter,
      overdue: filter === 'overdue' ? 'true' : undefined,
      cursor,
      limit: DELIBERATION_PAGE_SIZE,
    },
  });
}

export function getResolution(id: number): Promise<ResolutionDetail> {
  return request<ResolutionDetail>(`/api/deliberation/resolutions/${id}`);
}

export function followResolution(id: number): Promise<FollowResponse> {
  return request<FollowResponse>(`/api/deliberation/resolutions/${id}/follow`, { method: 'POST' });
}

export function unfollowResolution(id: number): Promise<FollowResponse> {
  return request<FollowResponse>(`/api/deliberation/resolutions/${id}/follow`, { method: 'DELETE' });
}
