import { z } from 'zod';
import { ConcernCategories, type ConcernCategory } from './concerns.constants';
import {
  AgendaParties,
  DEFAULT_AGENDA_SLOTS,
  DEFAULT_SUPPORT_THRESHOLD,
  TOPIC_CONCERNS_MAX,
  TOPIC_TEXT_MAX,
  TOPIC_TITLE_MAX,
  TopicStatuses,
  type AgendaParty,
  type TopicStatus,
} from './deliberation-topics.constants';

export * from './deliberation-topics.constants';

/**
 * 议事亭 topics (议题), supports, staff triage and session agendas (the five-step form: where, what, who,
 * how, how it is carried out). Instants travel as ISO strings. The mini-program imports only types from
 * this file; runtime constants (labels, statuses, topicPath) live in deliberation-topics.constants.ts.
 *
 * Category: the fixed concern category list (ConcernCategories / ConcernCategoryLabels in concerns.constants).
 * The proposer's own support counts automatically (a topic starts with supportCount 1); they may withdraw it
 * like anyone else while the topic is proposed or queued.
 *
 * Routes (MEMBERS = resident, grid_worker, community_staff of the caller's own community; a topic, session
 * or agenda item of another community answers 404):
 *   GET    /api/deliberation/settings                      community_staff  -> DeliberationSettingsItem
 *   PUT    /api/deliberation/settings                      community_staff  UpdateDeliberationSettingsRequest -> DeliberationSettingsItem
 *   POST   /api/deliberation/topics                        resident         CreateTopicRequest (+ optional Idempotency-Key header) -> 201 TopicDetail
 *   GET    /api/deliberation/topics?status=&sort=&mine=&cursor=&limit=   MEMBERS  -> TopicListResponse
 *   GET    /api/deliberation/topics/queue                  community_staff  -> TopicQueueResponse (queued topics in placement order)
 *   GET    /api/deliberation/topics/:id                    MEMBERS          -> TopicDetail
 *   POST   /api/deliberation/topics/:id/support            resident         -> 200 TopicDetail (409 TOPIC_ALREADY_SUPPORTED on a second support)
 *   DELETE /api/deliberation/topics/:id/support            resident         -> 200 TopicDetail (409 TOPIC_SUPPORT_LOCKED once on an agenda)
 *   POST   /api/deliberation/topics/:id/schedule           community_staff  ScheduleTopicRequest -> 200 TopicDetail (puts it on that session's agenda)
 *   POST   /api/deliberation/topics/:id/merge              community_staff  MergeTopicRequest -> 200 TopicDetail (of the merged topic)
 *   POST   /api/deliberation/topics/:id/decline            community_staff  DeclineTopicRequest -> 200 TopicDetail
 *   POST   /api/deliberation/topics/:id/auto-place         community_staff  AutoPlaceRequest -> 200 TopicDetail (false = keep out of automatic placement)
 *   GET    /api/deliberation/sessions/:id/agenda           MEMBERS          -> AgendaResponse
 *   POST   /api/deliberation/sessions/:id/agenda           community_staff  CreateAgendaItemRequest -> 201 AgendaItem
 *   PUT    /api/deliberation/sessions/:id/agenda/order     community_staff  ReorderAgendaRequest -> 200 AgendaResponse
 *   PATCH  /api/deliberation/agenda-items/:id              community_staff  UpdateAgendaItemRequest -> 200 AgendaItem
 *   DELETE /api/deliberation/agenda-items/:id              community_staff  -> 200 AgendaResponse (its topic returns to queued/proposed, auto placement off)
 *
 * Automatic placement: when a topic reaches the threshold it is queued and placed at once on the next
 * scheduled session (not yet started) with free agenda space; a scheduled job places the rest of the queue
 * (support desc, then oldest first) as sessions are created or space frees up, and marks on_agenda topics
 * discussed once their session has ended. Every agenda item counts against the session's slots.
 */

const text = (max: number, missing: string) => z.string().trim().min(1, missing).max(max, `最多 ${max} 字`);
const optionalText = (max: number) => z.string().trim().max(max, `最多 ${max} 字`).optional();

/** PUT /api/deliberation/settings */
export const UpdateDeliberationSettingsRequestSchema = z
  .object({
    /** 居民支持数门槛: supports (including the proposer's) a topic needs to queue for a session. */
    supportThreshold: z.number().int().min(1, '门槛至少为 1').max(1000, '门槛最多 1000'),
    /** How many agenda items one session takes. */
    agendaSlots: z.number().int().min(1, '每场至少 1 项议程').max(20, '每场最多 20 项议程'),
  })
  .strict();
export type UpdateDeliberationSettingsRequest = z.infer<typeof UpdateDeliberationSettingsRequestSchema>;

/** POST /api/deliberation/topics */
export const CreateTopicRequestSchema = z
  .object({
    title: text(TOPIC_TITLE_MAX, '请填写议题标题'),
    /** What is wrong. */
    problem: text(TOPIC_TEXT_MAX, '请写明存在什么问题'),
    /** What the proposer hopes for. */
    hope: text(TOPIC_TEXT_MAX, '请写明希望怎样解决'),
    category: z.enum(ConcernCategories),
    /** Concerns of the caller's community the caller can see (their own or public ones). */
    concernIds: z
      .array(z.number().int().positive())
      .max(TOPIC_CONCERNS_MAX, `最多关联 ${TOPIC_CONCERNS_MAX} 条问题`)
      .refine((ids) => new Set(ids).size === ids.length, '关联的问题有重复')
      .default([]),
  })
  .strict();
export type CreateTopicRequest = z.input<typeof CreateTopicRequestSchema>;

export const TopicSorts = ['support', 'newest'] as const;
export type TopicSort = (typeof TopicSorts)[number];

/** GET /api/deliberation/topics — query string. */
export const TopicListQuerySchema = z
  .object({
    status: z.enum(TopicStatuses).optional(),
    sort: z.enum(TopicSorts).default('support'),
    /** 'true' = only topics I proposed. */
    mine: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type TopicListQuery = z.input<typeof TopicListQuerySchema>;

/** POST /api/deliberation/topics/:id/schedule */
export const ScheduleTopicRequestSchema = z.object({ sessionId: z.number().int().positive() }).strict();
export type ScheduleTopicRequest = z.infer<typeof ScheduleTopicRequestSchema>;

/** POST /api/deliberation/topics/:id/merge — into another open topic of the same community. */
export const MergeTopicRequestSchema = z.object({ targetTopicId: z.number().int().positive() }).strict();
export type MergeTopicRequest = z.infer<typeof MergeTopicRequestSchema>;

/** POST /api/deliberation/topics/:id/decline — the proposer sees the reason. */
export const DeclineTopicRequestSchema = z.object({ reason: text(200, '请写明不予采纳的原因') }).strict();
export type DeclineTopicRequest = z.infer<typeof DeclineTopicRequestSchema>;

/** POST /api/deliberation/topics/:id/auto-place */
export const AutoPlaceRequestSchema = z.object({ enabled: z.boolean() }).strict();
export type AutoPlaceRequest = z.infer<typeof AutoPlaceRequestSchema>;

/** Who is invited: known parties plus free text for anyone else. */
export const AgendaWhoSchema = z
  .object({
    parties: z
      .array(z.enum(AgendaParties))
      .max(AgendaParties.length)
      .refine((p) => new Set(p).size === p.length, '受邀方有重复')
      .default([]),
    others: z.string().trim().max(200, '最多 200 字').default(''),
  })
  .strict();
export type AgendaWhoInput = z.input<typeof AgendaWhoSchema>;

/** POST /api/deliberation/sessions/:id/agenda — an item without a topic (or for a topic, like /schedule). */
export const CreateAgendaItemRequestSchema = z
  .object({
    topicId: z.number().int().positive().optional(),
    /** Required without a topic; defaults to the topic's title. */
    title: optionalText(TOPIC_TITLE_MAX),
    whereText: optionalText(200),
    /** Defaults to the topic's problem and hope. */
    whatText: optionalText(TOPIC_TEXT_MAX),
    who: AgendaWhoSchema.optional(),
    howText: optionalText(500),
  })
  .strict()
  .refine((v) => v.topicId !== undefined || (v.title !== undefined && v.title.length > 0), { message: '请填写议程标题', path: ['title'] });
export type CreateAgendaItemRequest = z.input<typeof CreateAgendaItemRequestSchema>;

/** PATCH /api/deliberation/agenda-items/:id — any subset. */
export const UpdateAgendaItemRequestSchema = z
  .object({
    title: text(TOPIC_TITLE_MAX, '请填写议程标题').optional(),
    whereText: z.string().trim().max(200, '最多 200 字').optional(),
    whatText: z.string().trim().max(TOPIC_TEXT_MAX, `最多 ${TOPIC_TEXT_MAX} 字`).optional(),
    who: AgendaWhoSchema.optional(),
    howText: z.string().trim().max(500, '最多 500 字').optional(),
    carriedOutText: z.string().trim().max(TOPIC_TEXT_MAX, `最多 ${TOPIC_TEXT_MAX} 字`).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' });
export type UpdateAgendaItemRequest = z.input<typeof UpdateAgendaItemRequestSchema>;

/** PUT /api/deliberation/sessions/:id/agenda/order — every item id of the session, in the new order. */
export const ReorderAgendaRequestSchema = z
  .object({
    itemIds: z
      .array(z.number().int().positive())
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, '议程有重复'),
  })
  .strict();
export type ReorderAgendaRequest = z.infer<typeof ReorderAgendaRequestSchema>;

// ---- responses ----

export interface DeliberationSettingsItem {
  communityId: number;
  supportThreshold: number;
  agendaSlots: number;
  /** False until staff saved settings (the defaults apply). */
  customised: boolean;
}

export interface TopicAgendaRef {
  agendaItemId: number;
  sessionId: number;
  /** ISO instant of the session's start. */
  sessionStartsAt: string;
  sessionPlace: string;
  position: number;
}

export interface TopicItem {
  id: number;
  title: string;
  category: ConcernCategory;
  /** Chinese label of the category. */
  categoryText: string;
  status: TopicStatus;
  /** Chinese, e.g. 征集支持中. */
  statusText: string;
  supportCount: number;
  /** The community's support threshold at the time of the answer. */
  threshold: number;
  supportedByMe: boolean;
  /** I proposed it. */
  mine: boolean;
  proposerName: string;
  createdAt: string;
  /** The session it is on (on_agenda / discussed). */
  agenda: TopicAgendaRef | null;
  /** In-app path for share cards: /packages/deliberation/topic/index?id=N */
  sharePath: string;
}

export interface TopicLinkedConcern {
  id: number;
  /** The concern's text, shortened to 60 characters (concerns have no title). */
  title: string;
  category: ConcernCategory;
}

export interface TopicDetail extends TopicItem {
  problem: string;
  hope: string;
  linkedConcerns: TopicLinkedConcern[];
  /** Set when merged: the topic the supports went to. */
  mergedInto: { id: number; title: string } | null;
  /** Topics merged into this one. */
  mergedFrom: { id: number; title: string }[];
  /** Shown to everyone once declined. */
  declineReason: string | null;
  /** Staff switched automatic placement off (kept in the queue until staff choose a session). */
  autoPlace: boolean;
  /** When the status last changed. */
  statusChangedAt: string;
}

export interface TopicListResponse {
  items: TopicItem[];
  nextCursor: string | null;
  threshold: number;
}

export interface TopicQueueEntry extends TopicItem {
  /** 1 = next to be placed. */
  queuePosition: number;
  autoPlace: boolean;
}

export interface TopicQueueResponse {
  items: TopicQueueEntry[];
  threshold: number;
  agendaSlots: number;
  /** The next scheduled session that has free agenda space, if any. */
  nextSession: { id: number; startsAt: string; place: string; freeSlots: number } | null;
}

export interface AgendaWho {
  parties: AgendaParty[];
  /** Chinese labels of `parties`, same order. */
  partyTexts: string[];
  others: string;
}

export interface AgendaItem {
  id: number;
  sessionId: number;
  topicId: number | null;
  /** 1-based order in the session. */
  position: number;
  title: string;
  whereText: string;
  whatText: string;
  who: AgendaWho;
  howText: string;
  carriedOutText: string;
  /** The topic's current status if the item has a topic. */
  topicStatus: TopicStatus | null;
  topicSupportCount: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaResponse {
  sessionId: number;
  agendaSlots: number;
  items: AgendaItem[];
}

/** Defaults, re-exported for readers of this contract. */
export const TOPIC_DEFAULTS = { supportThreshold: DEFAULT_SUPPORT_THRESHOLD, agendaSlots: DEFAULT_AGENDA_SLOTS } as const;
