import type {
  CancelSessionRequest,
  CreateSeriesRequest,
  MoveSessionRequest,
  RepresentativeItem,
  SeriesItem,
  SeriesUpdateResult,
  SessionItem,
  UpdateSeriesRequest,
} from '@contracts/deliberation.contract';
import type {
  AgendaItem,
  AgendaResponse,
  CreateAgendaItemRequest,
  DeliberationSettingsItem,
  TopicDetail,
  TopicListResponse,
  TopicQueueResponse,
  TopicStatus,
  UpdateAgendaItemRequest,
  UpdateDeliberationSettingsRequest,
} from '@contracts/deliberation-topics.contract';
import type {
  AttendanceResponse,
  CheckInResponse,
  CreateVoteRequest,
  OfflineTallyRequest,
  ProxyCandidatesResponse,
  ProxyRegistrationResponse,
  VoteItem,
} from '@contracts/deliberation-votes.contract';
import type {
  ChangeResolutionStatusRequest,
  CreateResolutionRequest,
  MinutesItem,
  ResolutionDetail,
  ResolutionItem,
} from '@contracts/deliberation-outcomes.contract';
import { DELIBERATION_PAGE_SIZE } from './deliberation.api';
import { request } from './request';

/**
 * 议事亭, staff side: series and sessions, community settings, representatives, topic triage, agendas,
 * check-in and 代报名, votes with the offline tally, minutes and resolutions. Types only from the contracts.
 */
const BASE = '/api/deliberation';

// The reads the resident screens make too (sessions, a session's agenda, votes and outcome, a topic, a resolution).
export { getAgenda, getResolution, getSession, getSessionOutcome, getTopic, listSessions, listSessionVotes } from './deliberation.api';

// ---- series, sessions, settings, representatives ----

export function listSeries(): Promise<SeriesItem[]> {
  return request<SeriesItem[]>(`${BASE}/series`);
}

export function createSeries(body: CreateSeriesRequest): Promise<SeriesItem> {
  return request<SeriesItem>(`${BASE}/series`, { method: 'POST', body });
}

/** Changes a series; upcoming sessions nobody registered for follow at once, the others keep their date. */
export function updateSeries(seriesId: number, body: UpdateSeriesRequest): Promise<SeriesUpdateResult> {
  return request<SeriesUpdateResult>(`${BASE}/series/${seriesId}`, { method: 'PUT', body });
}

/** Stops a series: no new sessions; the planned ones stay until staff cancel them. */
export function endSeries(seriesId: number): Promise<SeriesItem> {
  return request<SeriesItem>(`${BASE}/series/${seriesId}/end`, { method: 'POST', body: {} });
}

/** Sessions of my community that have ended (held or cancelled), newest first. */
export function listPastSessions(limit = 20): Promise<SessionItem[]> {
  return request<SessionItem[]>(`${BASE}/sessions?when=past&limit=${limit}`);
}

export function cancelSession(sessionId: number, body: CancelSessionRequest): Promise<SessionItem> {
  return request<SessionItem>(`${BASE}/sessions/${sessionId}/cancel`, { method: 'POST', body });
}

export function moveSession(sessionId: number, body: MoveSessionRequest): Promise<SessionItem> {
  return request<SessionItem>(`${BASE}/sessions/${sessionId}/move`, { method: 'POST', body });
}

export function getSettings(): Promise<DeliberationSettingsItem> {
  return request<DeliberationSettingsItem>(`${BASE}/settings`);
}

export function saveSettings(body: UpdateDeliberationSettingsRequest): Promise<DeliberationSettingsItem> {
  return request<DeliberationSettingsItem>(`${BASE}/settings`, { method: 'PUT', body });
}

export function listRepresentatives(): Promise<RepresentativeItem[]> {
  return request<RepresentativeItem[]>(`${BASE}/representatives`);
}

export function addRepresentative(userId: number): Promise<RepresentativeItem[]> {
  return request<RepresentativeItem[]>(`${BASE}/representatives`, { method: 'POST', body: { userId } });
}

export function removeRepresentative(userId: number): Promise<RepresentativeItem[]> {
  return request<RepresentativeItem[]>(`${BASE}/representatives/${userId}`, { method: 'DELETE' });
}

// ---- topics (triage) ----

/** Topics that passed the threshold, in the order they are placed on sessions. */
export function getTopicQueue(): Promise<TopicQueueResponse> {
  return request<TopicQueueResponse>(`${BASE}/topics/queue`);
}

export function listTopics(status: TopicStatus, cursor: string | null): Promise<TopicListResponse> {
  return request<TopicListResponse>(`${BASE}/topics`, {
    query: { status, sort: status === 'proposed' ? 'support' : 'newest', cursor, limit: DELIBERATION_PAGE_SIZE },
  });
}

export function scheduleTopic(topicId: number, sessionId: number): Promise<TopicDetail> {
  return request<TopicDetail>(`${BASE}/topics/${topicId}/schedule`, { method: 'POST', body: { sessionId } });
}

export function mergeTopic(topicId: number, targetTopicId: number): Promise<TopicDetail> {
  return request<TopicDetail>(`${BASE}/topics/${topicId}/merge`, { method: 'POST', body: { targetTopicId } });
}

export function declineTopic(topicId: number, reason: string): Promise<TopicDetail> {
  return request<TopicDetail>(`${BASE}/topics/${topicId}/decline`, { method: 'POST', body: { reason } });
}

export function setAutoPlace(topicId: number, enabled: boolean): Promise<TopicDetail> {
  return request<TopicDetail>(`${BASE}/topics/${topicId}/auto-place`, { method: 'POST', body: { enabled } });
}

// ---- agenda ----

export function addAgendaItem(sessionId: number, body: CreateAgendaItemRequest): Promise<AgendaItem> {
  return request<AgendaItem>(`${BASE}/sessions/${sessionId}/agenda`, { method: 'POST', body });
}

export function updateAgendaItem(itemId: number, body: UpdateAgendaItemRequest): Promise<AgendaItem> {
  return request<AgendaItem>(`${BASE}/agenda-items/${itemId}`, { method: 'PATCH', body });
}

export function reorderAgenda(sessionId: number, itemIds: number[]): Promise<AgendaResponse> {
  return request<AgendaResponse>(`${BASE}/sessions/${sessionId}/agenda/order`, { method: 'PUT', body: { itemIds } });
}

export function removeAgendaItem(itemId: number): Promise<AgendaResponse> {
  return request<AgendaResponse>(`${BASE}/agenda-items/${itemId}`, { method: 'DELETE' });
}

// ---- check-in, attendance, 代报名 ----

export function checkIn(sessionId: number, code: string): Promise<CheckInResponse> {
  return request<CheckInResponse>(`${BASE}/sessions/${sessionId}/check-in`, { method: 'POST', body: { code } });
}

export function getAttendance(sessionId: number): Promise<AttendanceResponse> {
  return request<AttendanceResponse>(`${BASE}/sessions/${sessionId}/attendance`);
}

/** Residents the caller may register for the session (grid worker: their grid; staff: the community), by name. */
export function listProxyCandidates(sessionId: number, q: string): Promise<ProxyCandidatesResponse> {
  return request<ProxyCandidatesResponse>(`${BASE}/sessions/${sessionId}/proxy-candidates`, { query: { q: q.trim() } });
}

export function registerForResident(sessionId: number, userId: number): Promise<ProxyRegistrationResponse> {
  return request<ProxyRegistrationResponse>(`${BASE}/sessions/${sessionId}/proxy-registrations`, {
    method: 'POST',
    body: { userId, checkIn: true },
  });
}

// ---- votes ----

export function openVote(agendaItemId: number, body: CreateVoteRequest): Promise<VoteItem> {
  return request<VoteItem>(`${BASE}/agenda-items/${agendaItemId}/votes`, { method: 'POST', body });
}

export function closeVote(voteId: number): Promise<VoteItem> {
  return request<VoteItem>(`${BASE}/votes/${voteId}/close`, { method: 'POST', body: {} });
}

export function setOfflineTally(voteId: number, body: OfflineTallyRequest): Promise<VoteItem> {
  return request<VoteItem>(`${BASE}/votes/${voteId}/offline-tally`, { method: 'PUT', body });
}

// ---- minutes and resolutions ----

export function createMinutes(sessionId: number, text: string): Promise<MinutesItem> {
  return request<MinutesItem>(`${BASE}/sessions/${sessionId}/minutes`, { method: 'POST', body: { text } });
}

export function updateMinutes(sessionId: number, text: string, version: number): Promise<MinutesItem> {
  return request<MinutesItem>(`${BASE}/sessions/${sessionId}/minutes`, { method: 'PATCH', body: { text, version } });
}

export function addResolution(sessionId: number, body: CreateResolutionRequest): Promise<ResolutionItem> {
  return request<ResolutionItem>(`${BASE}/sessions/${sessionId}/resolutions`, { method: 'POST', body });
}

export function changeResolutionStatus(resolutionId: number, body: ChangeResolutionStatusRequest): Promise<ResolutionDetail> {
  return request<ResolutionDetail>(`${BASE}/resolutions/${resolutionId}/status`, { method: 'POST', body });
}

export function addResolutionNote(resolutionId: number, note: string): Promise<ResolutionDetail> {
  return request<ResolutionDetail>(`${BASE}/resolutions/${resolutionId}/notes`, { method: 'POST', body: { note } });
}
