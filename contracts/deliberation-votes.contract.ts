import { z } from 'zod';
import { VOTE_OPTIONS_MAX, VOTE_OPTIONS_MIN, VoteEligibilities, type VoteEligibility } from './deliberation-votes.constants';

export * from './deliberation-votes.constants';

/**
 * 议事亭 check-in, attendance, proxy registration (代办报名) and votes with an offline tally (举手表决).
 * The mini-program imports only types from this file (the schemas use zod, which stays on the server);
 * runtime constants (limits, vote eligibility and its labels) live in deliberation-votes.constants.ts.
 * Instants travel as ISO strings; times shown to people are China time (UTC+8).
 *
 * Routes (all under /api/deliberation; "staff" = community_staff of the session's community, or a
 * grid_worker whose grid belongs to it):
 *
 * Check-in and attendance
 *   POST /sessions/:id/check-in               staff (community_staff, grid_worker)  CheckInRequest -> CheckInResponse (200)
 *   GET  /sessions/:id/attendance             staff (community_staff, grid_worker)  -> AttendanceResponse
 *   GET  /sessions/:id/proxy-candidates?q=    staff (community_staff, grid_worker)  -> ProxyCandidatesResponse
 *                                             (grid_worker: residents of their grid; community_staff: of the community)
 *   POST /sessions/:id/proxy-registrations    staff (community_staff, grid_worker)  ProxyRegistrationRequest -> ProxyRegistrationResponse (201)
 *
 * Votes
 *   POST /agenda-items/:id/votes              community_staff                       CreateVoteRequest -> VoteItem (201)
 *   GET  /sessions/:id/votes                  resident, grid_worker, community_staff -> VoteItem[] (votes of the session, newest first)
 *   GET  /votes/:id                           resident, grid_worker, community_staff -> VoteItem
 *   POST /votes/:id/ballot                    resident                              CastBallotRequest -> MyBallot (201)
 *   POST /votes/:id/close                     community_staff                       -> VoteItem (200; closes early)
 *   PUT  /votes/:id/offline-tally             community_staff                       OfflineTallyRequest -> VoteItem (200)
 *
 * Rules worth knowing on the client:
 * - Check-in is possible from CHECK_IN_OPENS_MINUTES_BEFORE minutes before the start until the end of the
 *   session's day (China time). Checking in the same code twice answers 200 with alreadyCheckedIn: true.
 *   A checked-in resident can no longer withdraw (409 ALREADY_CHECKED_IN).
 * - After a session ends, a scheduled job marks confirmed registrations without check-in as 'absent'; a
 *   late check-in on the same day still turns them 'present'.
 * - A ballot cannot be changed or withdrawn. A ballot after closing answers 409 VOTE_CLOSED.
 * - The offline tally (hands raised) replaces the previous numbers each time it is set; it can be set while
 *   the vote is open and until OFFLINE_TALLY_EDIT_HOURS hours after it closed.
 * - Results are null for residents while the vote is open unless liveResults; staff always get them.
 */

// ---------------------------------------------------------------------------------------------
// Check-in and attendance
// ---------------------------------------------------------------------------------------------

/**
 * POST /api/deliberation/sessions/:id/check-in — the scanned or typed code (case, spaces and dashes do not
 * matter), or a registrationId picked from the attendance list (for a resident who cannot show a code).
 * Exactly one of the two.
 */
export const CheckInRequestSchema = z
  .object({ code: z.string().trim().min(1, '请输入签到码').max(40).optional(), registrationId: z.number().int().positive().optional() })
  .strict()
  .refine((v) => (v.code === undefined) !== (v.registrationId === undefined), { message: '请输入签到码', path: ['code'] });
export type CheckInRequest = z.infer<typeof CheckInRequestSchema>;

/** 'present' once checked in; 'absent' once the session ended without a check-in; null before that. */
export type AttendanceMark = 'present' | 'absent';

export interface AttendeeItem {
  registrationId: number;
  userId: number;
  name: string;
  /** e.g. "3号楼 2单元"; null when the resident has no unit. */
  unitLabel: string | null;
  /** Masked, e.g. 138****5678; null when unknown. */
  phoneMasked: string | null;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  seatKind: 'open' | 'reserved' | null;
  checkedInAt: string | null;
  attendance: AttendanceMark | null;
  /** Registered by a grid worker on the resident's behalf (代办). */
  proxy: boolean;
  /** Name of the grid worker who registered them; null unless proxy. */
  proxyByName: string | null;
}

/** POST /api/deliberation/sessions/:id/check-in */
export interface CheckInResponse {
  attendee: AttendeeItem;
  /** True when this code had already been checked in (nothing changed, counted once). */
  alreadyCheckedIn: boolean;
  /** Chinese text to show, e.g. "张阿姨 签到成功" or "张阿姨 已于 16:52 签到". */
  message: string;
}

export interface AttendanceCounts {
  /** Confirmed registrations (seats taken). */
  confirmed: number;
  /** Confirmed and checked in. */
  present: number;
  /** Marked absent after the session ended. */
  absent: number;
  /** Confirmed, not checked in, not (yet) marked absent. */
  pending: number;
  waitlisted: number;
  /** Confirmed registrations made by a grid worker (代办). */
  proxy: number;
}

/** GET /api/deliberation/sessions/:id/attendance — confirmed registrations, checked-in first (latest first), then by name. */
export interface AttendanceResponse {
  sessionId: number;
  startsAt: string;
  endsAt: string;
  checkInOpensAt: string;
  checkInClosesAt: string;
  /** Whether check-in is possible right now. */
  checkInOpen: boolean;
  /** True once no-shows have been recorded (after the session ended). */
  absencesRecorded: boolean;
  counts: AttendanceCounts;
  attendees: AttendeeItem[];
}

/** GET /api/deliberation/sessions/:id/proxy-candidates?q=name — residents the caller may register (max 50). */
export const ProxyCandidatesQuerySchema = z.object({ q: z.string().trim().max(30).optional() }).strict();
export type ProxyCandidatesQuery = z.infer<typeof ProxyCandidatesQuerySchema>;

export interface ProxyCandidate {
  userId: number;
  name: string;
  unitLabel: string | null;
  phoneMasked: string | null;
  /** Their registration for this session, if any (not counting cancelled ones). */
  registration: { status: 'confirmed' | 'waitlisted'; checkedInAt: string | null } | null;
}
export interface ProxyCandidatesResponse {
  items: ProxyCandidate[];
}

/**
 * POST /api/deliberation/sessions/:id/proxy-registrations — 代办: a grid worker registers a resident of
 * their grid (community staff: of their community) who has no phone. Same seats and waiting-list rules
 * as a resident's own sign-up; registration is accepted from when it opens until check-in closes (walk-ins).
 * checkIn (default true): check them in at once when a seat was given and check-in is open.
 */
export const ProxyRegistrationRequestSchema = z
  .object({ userId: z.number().int().positive(), checkIn: z.boolean().default(true) })
  .strict();
export type ProxyRegistrationRequest = z.infer<typeof ProxyRegistrationRequestSchema>;
/** What a client may send (checkIn defaults to true). */
export type ProxyRegistrationInput = z.input<typeof ProxyRegistrationRequestSchema>;

export interface ProxyRegistrationResponse {
  attendee: AttendeeItem;
  /** 1 = next to be promoted; null unless waitlisted. */
  waitlistPosition: number | null;
  checkedIn: boolean;
  /** Chinese text to show, e.g. "已为 张阿姨 报名并签到" or "座位已满，张阿姨 已进入候补第 2 位". */
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------------

export type VoteMode = 'single' | 'multiple';
export type VoteStatus = 'open' | 'closed';

/**
 * POST /api/deliberation/agenda-items/:id/votes — open a vote on an agenda item.
 * closesAt must be in the future; maxChoices is 1 for 'single' and 1..options for 'multiple' (default: all).
 */
export const CreateVoteRequestSchema = z
  .object({
    question: z.string().trim().min(1, '请写下表决的问题').max(200, '最多 200 字'),
    options: z
      .array(z.string().trim().min(1, '选项不能为空').max(100, '每个选项最多 100 字'))
      .min(VOTE_OPTIONS_MIN, `至少 ${VOTE_OPTIONS_MIN} 个选项`)
      .max(VOTE_OPTIONS_MAX, `最多 ${VOTE_OPTIONS_MAX} 个选项`),
    mode: z.enum(['single', 'multiple']).default('single'),
    maxChoices: z.number().int().min(1).max(VOTE_OPTIONS_MAX).optional(),
    eligibility: z.enum(VoteEligibilities),
    closesAt: z.string().datetime({ offset: true }),
    liveResults: z.boolean().default(false),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (new Set(v.options).size !== v.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '选项不能重复' });
    if (v.mode === 'single' && v.maxChoices !== undefined && v.maxChoices !== 1) {
      ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: '单选只能选 1 项' });
    }
    if (v.maxChoices !== undefined && v.maxChoices > v.options.length) {
      ctx.addIssue({ code: 'custom', path: ['maxChoices'], message: '最多可选项数不能多于选项数' });
    }
  });
export type CreateVoteRequest = z.infer<typeof CreateVoteRequestSchema>;
/** What a client may send (mode and liveResults have defaults). */
export type CreateVoteInput = z.input<typeof CreateVoteRequestSchema>;

/** POST /api/deliberation/votes/:id/ballot — the chosen option ids (one for single choice). */
export const CastBallotRequestSchema = z
  .object({ optionIds: z.array(z.number().int().positive()).min(1, '请至少选择一项').max(VOTE_OPTIONS_MAX) })
  .strict();
export type CastBallotRequest = z.infer<typeof CastBallotRequestSchema>;

/** PUT /api/deliberation/votes/:id/offline-tally — hands raised per option; replaces earlier numbers. Options left out count 0. */
export const OfflineTallyRequestSchema = z
  .object({
    counts: z
      .array(z.object({ optionId: z.number().int().positive(), count: z.number().int().min(0).max(100000) }).strict())
      .min(1)
      .max(VOTE_OPTIONS_MAX),
  })
  .strict();
export type OfflineTallyRequest = z.infer<typeof OfflineTallyRequestSchema>;

export interface VoteOptionItem {
  id: number;
  label: string;
  position: number;
}

export interface VoteOptionResult {
  optionId: number;
  /** Ballots cast in the app that chose this option. */
  online: number;
  /** Hands raised under the pavilion (offline tally); 0 until recorded. */
  offline: number;
  total: number;
}

export interface VoteResults {
  options: VoteOptionResult[];
  /** Ballots cast in the app (people, not choices). */
  ballots: number;
  /** Sum of the offline tally over all options. */
  offlineTotal: number;
  /** When the offline tally was last set; null if never. */
  offlineRecordedAt: string | null;
  /** False while the vote is still open (live results). */
  final: boolean;
}

/** What I voted; a ballot cannot be changed. */
export interface MyBallot {
  voteId: number;
  optionIds: number[];
  castAt: string;
}

export interface VoteItem {
  id: number;
  sessionId: number;
  agendaItemId: number;
  agendaTitle: string;
  question: string;
  mode: VoteMode;
  maxChoices: number;
  eligibility: VoteEligibility;
  liveResults: boolean;
  status: VoteStatus;
  closesAt: string;
  /** Set when closed early by staff; null otherwise (it then closes at closesAt). */
  closedAt: string | null;
  createdAt: string;
  options: VoteOptionItem[];
  /** Null when the caller may not see them yet (residents, open vote, no live results). */
  results: VoteResults | null;
  myBallot: MyBallot | null;
  /** Whether the caller can cast a ballot now. */
  canVote: boolean;
  /** Why not, in Chinese (e.g. "您已投票，投票后不能修改"); null when canVote. */
  cannotVoteReason: string | null;
}
