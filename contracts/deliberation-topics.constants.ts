/**
 * 议事亭 topics and agenda: plain constants, no zod (the mini-program may import these at runtime).
 */

/** Defaults of a community's deliberation settings until staff change them. */
export const DEFAULT_SUPPORT_THRESHOLD = 5;
export const DEFAULT_AGENDA_SLOTS = 3;

export const TOPIC_TITLE_MAX = 50;
export const TOPIC_TEXT_MAX = 1000;
export const TOPIC_CONCERNS_MAX = 10;

/**
 * proposed → queued (supports reached the community's threshold) → on_agenda (an agenda item of a session)
 * → discussed (that session was held). proposed/queued → merged (into another topic) or declined (with a reason).
 * A queued topic whose supports fall below the threshold again (withdrawn support) returns to proposed.
 * Removing a topic's agenda item returns it to queued (or proposed below the threshold); so does the
 * cancellation of its session.
 */
export const TopicStatuses = ['proposed', 'queued', 'on_agenda', 'discussed', 'merged', 'declined'] as const;
export type TopicStatus = (typeof TopicStatuses)[number];

export const TopicStatusLabels: Record<TopicStatus, string> = {
  proposed: '征集支持中',
  queued: '排队待上会',
  on_agenda: '已列入议程',
  discussed: '已上会讨论',
  merged: '已合并',
  declined: '未采纳',
};

/** Statuses in which neighbours may still add their support. */
export const SupportableTopicStatuses: readonly TopicStatus[] = ['proposed', 'queued', 'on_agenda'];
/** Statuses in which a support may be withdrawn (before the topic is on an agenda). */
export const WithdrawableTopicStatuses: readonly TopicStatus[] = ['proposed', 'queued'];

/** Who is invited to discuss an agenda item (the five-step method's "who"). */
export const AgendaParties = ['representatives', 'property_company', 'police', 'residents_committee', 'owners_committee'] as const;
export type AgendaParty = (typeof AgendaParties)[number];
export const AgendaPartyLabels: Record<AgendaParty, string> = {
  representatives: '居民代表',
  property_company: '物业公司',
  police: '社区民警',
  residents_committee: '居委会',
  owners_committee: '业委会',
};

/** In-app path of a topic, for share cards and notifications. */
export const topicPath = (id: number): string => `/packages/deliberation/topic/index?id=${id}`;
