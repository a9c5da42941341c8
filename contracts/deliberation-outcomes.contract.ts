import { z } from 'zod';
import { DaySchema } from './diary.contract';
import type { ActivityStatus } from './timebank.contract';
import { areaPeriodQuerySchema } from './figures.contract';
import { MINUTES_MAX, RESOLUTION_NOTE_MAX, RESOLUTION_TEXT_MAX, ResolutionStatuses, type ResolutionStatus } from './deliberation-outcomes.constants';

export * from './deliberation-outcomes.constants';

/**
 * 议事亭 — outcome and accountability: minutes (纪要), resolutions (决议) tracked to done, the public
 * resolutions board with follow (关注), figures per community and street, session reminders and the
 * .ics calendar file. Days are China-time calendar days 'YYYY-MM-DD' (UTC+8); instants are ISO strings.
 *
 * The mini-program imports only types from this file (the schemas use zod, which stays on the server);
 * runtime constants (statuses, labels, transitions, limits) live in deliberation-outcomes.constants.ts.
 *
 * Routes (all under /api/deliberation; "members" = resident, grid_worker, community_staff of the
 * session's / resolution's community; "street" = street_admin of the street the community belongs to;
 * anything outside the caller's community / street answers 404):
 *
 *   GET    /sessions/:id/outcome          members, street_admin     -> SessionOutcome (minutes or null + resolutions)
 *   POST   /sessions/:id/minutes          community_staff           -> 201 MinutesItem   body CreateMinutesRequest
 *   PATCH  /sessions/:id/minutes          community_staff           -> 200 MinutesItem   body UpdateMinutesRequest (stale version: 409 MINUTES_STATE_CONFLICT, `current` in the body)
 *   POST   /sessions/:id/resolutions      community_staff           -> 201 ResolutionDetail (a ResolutionItem with its history) body CreateResolutionRequest
 *   GET    /sessions/:id/calendar.ics     members                   -> text/calendar; charset=utf-8 (attachment), RFC 5545 VCALENDAR with one VEVENT
 *   GET    /resolutions                   members, street_admin     -> ResolutionBoardPage  query ResolutionBoardQuery (the public board)
 *   GET    /resolutions/:id               members, street_admin     -> ResolutionDetail (with its history and its volunteer activities)
 *   PATCH  /resolutions/:id               community_staff           -> 200 ResolutionDetail body UpdateResolutionRequest (text / owner / due date; version)
 *   POST   /resolutions/:id/status        community_staff, street_admin -> 200 ResolutionDetail body ChangeResolutionStatusRequest
 *   POST   /resolutions/:id/notes         community_staff, street_admin -> 201 ResolutionDetail body ResolutionNoteRequest (progress note)
 *   POST   /resolutions/:id/follow        members                   -> 200 FollowResponse (following twice changes nothing)
 *   DELETE /resolutions/:id/follow        members                   -> 200 FollowResponse (unfollowing when not following changes nothing)
 *   GET    /figures                       community_staff, street_admin -> DeliberationFigures query DeliberationFiguresQuery
 *
 * Rules:
 *  - Minutes and resolutions are recorded once the session has started (before: 409 SESSION_NOT_HELD_YET;
 *    cancelled: 409 SESSION_CANCELLED). One minutes per session (second POST: 409 MINUTES_ALREADY_RECORDED).
 *  - attendeeCount = registrations of the session checked in at the pavilion (check-in), live.
 *  - Resolution status transitions (RESOLUTION_TRANSITIONS): planned -> in_progress | done | escalated;
 *    in_progress -> done | escalated; escalated -> in_progress | done; done -> in_progress only as a reopen
 *    (a note is required). Anything else: 409 RESOLUTION_ILLEGAL_TRANSITION. A stale `version`:
 *    409 RESOLUTION_STATE_CONFLICT with `current` (ResolutionDetail) in the error body.
 *    community_staff may make every legal transition; street_admin only acts on escalated resolutions of
 *    their street (escalated -> in_progress, i.e. handed back, or -> done), and may add notes to them.
 *    Escalating (-> escalated) needs a reason in `note` (400 VALIDATION_FAILED without); reopening
 *    (done -> in_progress) needs a note (422 RESOLUTION_NOTE_REQUIRED without).
 *  - Every status change and every progress note is appended to an immutable history.
 *  - A resolution can become volunteer work: a 小红帽 team activity created with its id (POST /api/timebank/activities,
 *    `resolutionId`) is listed in the resolution's `activities`, and "发起志愿活动：<title>" is added to its history
 *    as a progress note, in the activity's transaction.
 *  - Followers and the proposer of the resolution's topic are notified in-app of every status change.
 *  - The agenda item's "how it is carried out" (carried_out_text) is written from its resolutions
 *    ("1. … 2. …", in recording order) whenever one of them is recorded or its text edited.
 *  - Board: every resolution not done, plus those done within the last BOARD_DONE_DAYS days. Order: not done
 *    first (earliest due date first, so overdue ones lead), then done ones (most recently done first).
 *    `overdue` = not done and the due day (China time) is before today (China time).
 *  - In-app notices (type, link): 'deliberation.resolution_status' and 'deliberation.resolution_escalated' link to
 *    /packages/deliberation/resolution/index?id=N; 'deliberation.reminder_day_before' and 'deliberation.reminder_2h'
 *    link to /packages/deliberation/session/index?id=N.
 *  - Reminders (in-app, to confirmed registrants of a scheduled session): 'day_before' from 18:00 China
 *    time the day before the start, '2h' from 2 hours before the start; each sent once per person, kind
 *    and start time (a moved session reminds again at its new time); none for cancelled sessions.
 */

const Version = z.number().int().min(1).max(2147483647);
const OptionalId = z.number().int().positive().max(2147483647);

/** POST /sessions/:id/minutes */
export const CreateMinutesRequestSchema = z.object({ text: z.string().trim().min(1).max(MINUTES_MAX) }).strict();
export type CreateMinutesRequest = z.infer<typeof CreateMinutesRequestSchema>;

/** PATCH /sessions/:id/minutes — `version` as last read. */
export const UpdateMinutesRequestSchema = z.object({ text: z.string().trim().min(1).max(MINUTES_MAX), version: Version }).strict();
export type UpdateMinutesRequest = z.infer<typeof UpdateMinutesRequestSchema>;

const OwnerName = z.string().trim().min(1).max(50);

/** POST /sessions/:id/resolutions — `agendaItemId` must be an agenda item of this session (then the resolution belongs to its topic). */
export const CreateResolutionRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(RESOLUTION_TEXT_MAX),
    agendaItemId: OptionalId.optional(),
    /** Who carries it out, free text, e.g. "物业公司". */
    ownerName: OwnerName,
    /** Optionally a staff member (grid worker or community staff) of the community who answers for it. */
    ownerUserId: OptionalId.optional(),
    dueDate: DaySchema,
  })
  .strict();
export type CreateResolutionRequest = z.infer<typeof CreateResolutionRequestSchema>;

/** PATCH /resolutions/:id — at least one field besides `version`; `ownerUserId: null` removes the staff owner. */
export const UpdateResolutionRequestSchema = z
  .object({
    text: z.string().trim().min(1).max(RESOLUTION_TEXT_MAX).optional(),
    ownerName: OwnerName.optional(),
    ownerUserId: OptionalId.nullable().optional(),
    dueDate: DaySchema.optional(),
    version: Version,
  })
  .strict()
  .refine((v) => v.text !== undefined || v.ownerName !== undefined || v.ownerUserId !== undefined || v.dueDate !== undefined, {
    message: '没有要修改的内容',
    path: ['text'],
  });
export type UpdateResolutionRequest = z.infer<typeof UpdateResolutionRequestSchema>;

/** POST /resolutions/:id/status — escalating needs a reason, reopening a done one a note (both in `note`). */
export const ChangeResolutionStatusRequestSchema = z
  .object({
    to: z.enum(ResolutionStatuses),
    version: Version,
    note: z.string().trim().min(1).max(RESOLUTION_NOTE_MAX).optional(),
  })
  .strict()
  .refine((v) => v.to !== 'escalated' || v.note !== undefined, { message: '上报街道需要写明原因', path: ['note'] });
export type ChangeResolutionStatusRequest = z.infer<typeof ChangeResolutionStatusRequestSchema>;

/** POST /resolutions/:id/notes — a progress note; the status stays. */
export const ResolutionNoteRequestSchema = z.object({ note: z.string().trim().min(1).max(RESOLUTION_NOTE_MAX) }).strict();
export type ResolutionNoteRequest = z.infer<typeof ResolutionNoteRequestSchema>;

const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * GET /resolutions — the board. Members: their own community (communityId, if given, must be it).
 * street_admin: every community of their street, or one with communityId. `status` filters (e.g.
 * street_admin with status=escalated sees what was escalated to them); with status=done all done
 * ones are listed, not only the recent ones. `overdue=true` keeps only overdue ones.
 */
export const ResolutionBoardQuerySchema = z
  .object({
    communityId: z.coerce.number().int().positive().max(2147483647).optional(),
    status: z.enum(ResolutionStatuses).optional(),
    overdue: BoolParam.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ResolutionBoardQuery = z.input<typeof ResolutionBoardQuerySchema>;
export type ResolutionBoardQueryParsed = z.output<typeof ResolutionBoardQuerySchema>;

/** GET /figures?level=&id=&from=&to= — default: my own community / street, the last 30 days. */
export const DeliberationFiguresQuerySchema = areaPeriodQuerySchema(['community', 'street']);
export type DeliberationFiguresQuery = z.infer<typeof DeliberationFiguresQuerySchema>;

export interface PersonRef {
  id: number;
  name: string;
}

export interface MinutesItem {
  sessionId: number;
  text: string;
  /** Registrations of the session checked in at the pavilion (live from check-in). */
  attendeeCount: number;
  /** Confirmed registrations of the session (seats taken). */
  confirmedCount: number;
  recordedBy: PersonRef;
  recordedAt: string;
  updatedBy: PersonRef;
  updatedAt: string;
  version: number;
}

export interface ResolutionOwner {
  /** Free text, e.g. "物业公司". */
  name: string;
  /** The staff member answering for it, if any. */
  user: PersonRef | null;
}

export interface ResolutionItem {
  id: number;
  sessionId: number;
  communityId: number;
  communityName: string;
  /** When the session started (ISO). */
  sessionStartsAt: string;
  agendaItemId: number | null;
  topicId: number | null;
  topicTitle: string | null;
  text: string;
  owner: ResolutionOwner;
  /** 'YYYY-MM-DD', China time. */
  dueDate: string;
  status: ResolutionStatus;
  /** Due day passed (China time) and not done. */
  overdue: boolean;
  /** The reason given when it was (last) escalated; null unless escalated. */
  escalationReason: string | null;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  followers: number;
  /** Whether the caller follows it. */
  following: boolean;
}

export type ResolutionHistoryKind = 'created' | 'status' | 'note' | 'edited';

export interface ResolutionHistoryEntry {
  id: number;
  kind: ResolutionHistoryKind;
  /** Status before and after ('status'); both the current status otherwise. */
  fromStatus: ResolutionStatus | null;
  toStatus: ResolutionStatus;
  note: string | null;
  by: PersonRef;
  at: string;
}

/** A 小红帽 team activity that carries out a resolution. */
export interface ResolutionActivity {
  id: number;
  title: string;
  /** ISO instant. */
  startsAt: string;
  status: ActivityStatus;
}

export interface ResolutionDetail extends ResolutionItem {
  /** Oldest first. */
  history: ResolutionHistoryEntry[];
  /** The volunteer activities started from it, earliest start first. */
  activities: ResolutionActivity[];
}

export interface SessionOutcome {
  sessionId: number;
  minutes: MinutesItem | null;
  /** In recording order. */
  resolutions: ResolutionItem[];
}

export interface ResolutionBoardPage {
  items: ResolutionItem[];
  nextCursor: string | null;
}

export interface FollowResponse {
  resolutionId: number;
  following: boolean;
  followers: number;
}

/**
 * The counts of one area over the period (both days included, China time):
 *  - topicsProposed: topics created in the period.
 *  - topicsOnAgenda: of those, the ones put on a session's agenda (status on_agenda or discussed now).
 *  - topicsResolved: of those, the ones with ≥ 1 resolution and all their resolutions done.
 *  - sessionsHeld: sessions not cancelled that ended in the period (and have ended).
 *  - registered: confirmed registrations of the held sessions; checkedIn: of those, checked in.
 *    attendanceRate = checkedIn / registered.
 *  - resolutionsDue: resolutions whose due day falls in the period and is not after today.
 *    resolutionsDoneOnTime: of those, done on or before their due day (China time).
 *    onTimeRate = resolutionsDoneOnTime / resolutionsDue.
 *  - resolutionsOpen: resolutions of the area not done now (any due date); resolutionsOverdue: of those, overdue now;
 *    resolutionsEscalated: of those, escalated now.
 *  Rates are fractions 0..1 rounded to 4 places, null when the denominator is 0.
 */
export interface DeliberationCounts {
  topicsProposed: number;
  topicsOnAgenda: number;
  topicsResolved: number;
  sessionsHeld: number;
  registered: number;
  checkedIn: number;
  attendanceRate: number | null;
  resolutionsDue: number;
  resolutionsDoneOnTime: number;
  onTimeRate: number | null;
  resolutionsOpen: number;
  resolutionsOverdue: number;
  resolutionsEscalated: number;
}

export interface CommunityDeliberationFigures extends DeliberationCounts {
  communityId: number;
  name: string;
  plain: string;
}

export interface DeliberationFigures extends DeliberationCounts {
  area: { level: 'community' | 'street'; id: number; name: string };
  period: { from: string; to: string };
  /** Plain sentences, e.g. "提出议题 12 个，其中 8 个上会、5 个已落实；举行议事 4 场，…". */
  plain: string;
  /** One row per community of a street (the street's totals are their sums); a single row for a community. */
  perCommunity: CommunityDeliberationFigures[];
}

export type ReminderKind = 'day_before' | '2h';
