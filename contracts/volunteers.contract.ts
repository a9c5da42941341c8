import { z } from 'zod';

export * from './volunteers.constants';
import {
  AvailabilitySlots, CREDIT_MINUTES_CAP, HELP_REQUEST_TEXT_MAX, HelpRequestStatuses, VOLUNTEERS_NEEDED_MAX, VolunteerSkills, VolunteerStatuses,
  type AssignmentStatus, type AvailabilitySlot, type HelpRequestStatus, type TeamLevel, type VolunteerEventType, type VolunteerSkill, type VolunteerStatus,
} from './volunteers.constants';

/**
 * 小红帽 volunteers and 微心愿 help requests.
 *
 * Routes (roles):
 *   GET  /api/volunteers/teams                     any logged-in user (teams of the caller's community and street): VolunteerTeamItem;
 *                                                  community_staff and street_admin get StaffTeamItem (the 队长 and whether
 *                                                  they are suspended, canAppoint)
 *   POST /api/volunteers/apply                     resident (with a unit)  — apply or apply again after a decline
 *   GET  /api/volunteers/me                        any logged-in user      — my application (404 VOLUNTEER_NOT_FOUND if none)
 *   GET  /api/volunteers                           community_staff, street_admin (their area) ?status=
 *   POST /api/volunteers/:id/approve               community_staff, street_admin
 *   POST /api/volunteers/:id/decline               community_staff, street_admin (reason required; the applicant is told)
 *   POST /api/volunteers/:id/suspend               community_staff, street_admin (their area; reason required; the volunteer is told)
 *                                                  approved → suspended; 409 VOLUNTEER_ILLEGAL_TRANSITION from another status.
 *                                                  Accepted tasks stay the volunteer's (credited on confirmation as usual);
 *                                                  dispatches not yet accepted are taken back and their requests reopen;
 *                                                  sign-ups for activities not started yet are cancelled (slots reopen).
 *   POST /api/volunteers/:id/reinstate             community_staff, street_admin — suspended → approved (409 otherwise)
 *   GET  /api/volunteers/:id/history               community_staff, street_admin — the volunteer's history, oldest first
 *   GET  /api/volunteers/teams/:id/members         community_staff, street_admin (teams they manage) — approved members
 *   PUT  /api/volunteers/teams/:id/leader          community_staff (their community's teams), street_admin (any team of the street)
 *                                                  { userId | null }: appoint or clear the 队长; 422 TEAM_LEADER_NOT_MEMBER,
 *                                                  409 TEAM_LEADER_NOT_APPROVED; 404 VOLUNTEER_TEAM_NOT_FOUND outside one's area
 *   POST /api/help-requests                        resident (Idempotency-Key)
 *   POST /api/help-requests/proxy                  grid_worker, for a unit of their grid (Idempotency-Key), tagged 代办
 *   GET  /api/help-requests/mine                   any logged-in user — posted by me (or for me by proxy: my proxies)
 *   GET  /api/help-requests/hall                   resident (approved volunteer) — open requests of my community (接单大厅)
 *   GET  /api/help-requests/tasks                  resident (volunteer) — my seats (my tasks)
 *   GET  /api/help-requests/board                  grid_worker, community_staff, street_admin ?status= (dispatch board)
 *   GET  /api/help-requests/:id                    requester, poster, its volunteers, staff of its area
 *   GET  /api/help-requests/:id/suggestions        community_staff, street_admin, grid_worker (its area)
 *   POST /api/help-requests/:id/dispatch           community_staff, street_admin, grid_worker (派单) { volunteerUserId }
 *   POST /api/help-requests/:id/claim              resident (approved volunteer of its community) (接单); 409 REQUEST_TAKEN when full
 *   POST /api/help-requests/:id/accept | /decline  resident (the dispatched volunteer)
 *   POST /api/help-requests/:id/withdraw           resident (an accepted volunteer) — the seat reopens; alert when due within 24 h
 *   POST /api/help-requests/:id/done               resident (an accepted volunteer)
 *   POST /api/help-requests/:id/confirm            resident (the requester) — rating 1–5; hours are credited
 *   POST /api/help-requests/:id/confirm-on-behalf  grid_worker, community_staff, street_admin (requester without a phone)
 *   POST /api/help-requests/:id/cancel             the requester (resident) or the grid worker who posted it
 */

const optionalNote = (max: number) => z.string().trim().max(max, `最多 ${max} 字`).optional();
const version = z.number().int().positive().optional();
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });

export const ApplyVolunteerRequestSchema = z
  .object({
    teamIds: z.array(z.number().int().positive()).max(6, '最多选 6 支队伍').default([]),
    skills: z.array(z.enum(VolunteerSkills)).min(1, '请至少选一项能帮忙的事').max(VolunteerSkills.length),
    availability: z.array(z.enum(AvailabilitySlots)).min(1, '请至少选一个空闲时间').max(AvailabilitySlots.length),
    intro: optionalNote(200),
  })
  .strict();
export type ApplyVolunteerRequest = z.infer<typeof ApplyVolunteerRequestSchema>;

export const VolunteersQuerySchema = z.object({ status: z.enum(VolunteerStatuses).optional() }).strict();
export type VolunteersQuery = z.infer<typeof VolunteersQuerySchema>;

export const ApproveVolunteerRequestSchema = z.object({ version }).strict();
export type ApproveVolunteerRequest = z.infer<typeof ApproveVolunteerRequestSchema>;
export const DeclineVolunteerRequestSchema = z.object({ reason: z.string().trim().min(1, '请写明未通过的原因').max(200), version }).strict();
export type DeclineVolunteerRequest = z.infer<typeof DeclineVolunteerRequestSchema>;

/** 暂停: the reason is told to the volunteer and kept in their history. */
export const SuspendVolunteerRequestSchema = z
  .object({ reason: z.string().trim().min(2, '请写明暂停的原因（至少 2 个字），志愿者会看到').max(200, '最多 200 字'), version })
  .strict();
export type SuspendVolunteerRequest = z.infer<typeof SuspendVolunteerRequestSchema>;
/** 恢复: an optional note for the history. */
export const ReinstateVolunteerRequestSchema = z.object({ note: optionalNote(200), version }).strict();
export type ReinstateVolunteerRequest = z.infer<typeof ReinstateVolunteerRequestSchema>;

/** Appoint a team's 队长 (an approved member of the team), or clear it with null. */
export const SetTeamLeaderRequestSchema = z.object({ userId: z.number().int().positive().nullable() }).strict();
export type SetTeamLeaderRequest = z.infer<typeof SetTeamLeaderRequestSchema>;

const helpFields = {
  skill: z.enum(VolunteerSkills),
  description: z.string().trim().min(1, '请写下需要什么帮助').max(HELP_REQUEST_TEXT_MAX, `最多 ${HELP_REQUEST_TEXT_MAX} 字`),
  windowFrom: isoDate,
  windowTo: isoDate,
  /** Where, when not at home (e.g. 社区卫生服务站); the unit by default. */
  placeDetail: optionalNote(100),
  volunteersNeeded: z.number().int().min(1).max(VOLUNTEERS_NEEDED_MAX, `最多 ${VOLUNTEERS_NEEDED_MAX} 位志愿者`).default(1),
};

/** POST /api/help-requests (send an Idempotency-Key header). */
export const CreateHelpRequestSchema = z.object(helpFields).strict();
export type CreateHelpRequest = z.infer<typeof CreateHelpRequestSchema>;

/** POST /api/help-requests/proxy — 代办: a grid worker posts for a resident of their grid. */
export const ProxyHelpRequestSchema = z
  .object({
    ...helpFields,
    unitId: z.number().int().positive(),
    residentName: z.string().trim().min(1, '请填写居民姓名').max(30),
    residentPhone: z.string().trim().regex(/^1\d{10}$/, '手机号格式不正确').optional(),
  })
  .strict();
export type ProxyHelpRequest = z.infer<typeof ProxyHelpRequestSchema>;

export const HelpRequestsQuerySchema = z
  .object({ status: z.enum(HelpRequestStatuses).optional(), cursor: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) })
  .strict();
export type HelpRequestsQuery = z.infer<typeof HelpRequestsQuerySchema>;

export const DispatchHelpRequestSchema = z.object({ volunteerUserId: z.number().int().positive(), note: optionalNote(200) }).strict();
export type DispatchHelpRequest = z.infer<typeof DispatchHelpRequestSchema>;

/** accept / decline / withdraw / done / cancel: an optional note (the reason). */
export const HelpRequestNoteSchema = z.object({ note: optionalNote(200) }).strict();
export type HelpRequestNote = z.infer<typeof HelpRequestNoteSchema>;

export const ConfirmHelpRequestSchema = z
  .object({ rating: z.number().int().min(1, '请打 1 到 5 分').max(5, '请打 1 到 5 分'), comment: optionalNote(200), version })
  .strict();
export type ConfirmHelpRequest = z.infer<typeof ConfirmHelpRequestSchema>;

/** Staff confirm for a requester without a phone; `minutes` replaces the window length (max 4 h). */
export const ConfirmOnBehalfSchema = z
  .object({
    rating: z.number().int().min(1).max(5).optional(),
    comment: optionalNote(200),
    minutes: z.number().int().min(15, '至少 15 分钟').max(CREDIT_MINUTES_CAP, `最多 ${CREDIT_MINUTES_CAP} 分钟`).optional(),
    version,
  })
  .strict();
export type ConfirmOnBehalf = z.infer<typeof ConfirmOnBehalfSchema>;

/** A team as anyone sees it (what a resident chooses from when applying). */
export interface VolunteerTeamItem {
  id: number;
  name: string;
  level: TeamLevel;
  communityId: number | null;
  /** Approved members. */
  memberCount: number;
}

/** A team as community staff and street admins see it: with its 队长 (a volunteer's suspension is not shown to residents). */
export interface StaffTeamItem extends VolunteerTeamItem {
  /** The 队长; `active` is false while their service is suspended (they cannot act as leader then). */
  leader: { userId: number; name: string; active: boolean } | null;
  /** Whether the caller may appoint or clear this team's leader. */
  canAppoint: boolean;
}

/** An approved member of a team, as staff choose a leader from them. */
export interface TeamMemberItem {
  userId: number;
  name: string;
  /** Masked: 139****0001. */
  phone: string | null;
  isLeader: boolean;
}

export interface VolunteerEventItem {
  id: number;
  type: VolunteerEventType;
  typeLabel: string;
  fromStatus: VolunteerStatus | null;
  toStatus: VolunteerStatus;
  actorName: string;
  note: string | null;
  at: string;
}

export interface VolunteerItem {
  id: number;
  userId: number;
  name: string;
  /** Masked: 139****0001. */
  phone: string | null;
  communityId: number;
  status: VolunteerStatus;
  statusLabel: string;
  skills: VolunteerSkill[];
  availability: AvailabilitySlot[];
  teams: { id: number; name: string }[];
  intro: string | null;
  declineReason: string | null;
  /** Why the service is suspended (status 'suspended' only). */
  suspendReason: string | null;
  /** Tasks in hand: accepted seats on requests still open or filled (they stay the volunteer's even when suspended). */
  tasksInHand: number;
  /** Dispatches waiting for the volunteer's answer (taken back when the volunteer is suspended). */
  pendingDispatches: number;
  /** Sign-ups for activities not started yet (cancelled, and their slots reopened, when the volunteer is suspended). */
  upcomingSignUps: number;
  /** Teams this volunteer leads (队长). */
  leads: { id: number; name: string }[];
  appliedAt: string;
  decidedAt: string | null;
  version: number;
}

export type HelpRequestAction = 'claim' | 'dispatch' | 'accept' | 'decline' | 'withdraw' | 'done' | 'confirm' | 'confirm_on_behalf' | 'cancel';

export interface HelpRequestVolunteer {
  userId: number;
  name: string;
  status: AssignmentStatus;
  statusLabel: string;
}

export interface HelpRequestItem {
  id: number;
  version: number;
  skill: VolunteerSkill;
  skillLabel: string;
  description: string;
  windowFrom: string;
  windowTo: string;
  placeLabel: string;
  communityName: string;
  gridName: string;
  volunteersNeeded: number;
  takenCount: number;
  status: HelpRequestStatus;
  statusLabel: string;
  requesterName: string;
  /** 代办: posted by a grid worker for this resident. */
  proxyFor: string | null;
  /** Volunteers holding a seat now (dispatched or accepted). */
  volunteers: HelpRequestVolunteer[];
  rating: number | null;
  ratingComment: string | null;
  creditedMinutes: number | null;
  createdAt: string;
  /** The caller's own seat, if any. */
  mySeat: AssignmentStatus | null;
  actions: HelpRequestAction[];
}

export type HelpRequestEventType =
  | 'posted' | 'claimed' | 'dispatched' | 'accepted' | 'declined' | 'withdrawn' | 'done' | 'confirmed' | 'cancelled' | 'expired'
  /** A dispatch taken back because the volunteer's service was suspended (the seat reopens). */
  | 'released';

export interface HelpRequestEventItem {
  id: number;
  type: HelpRequestEventType;
  fromStatus: HelpRequestStatus | null;
  toStatus: HelpRequestStatus;
  actorName: string;
  volunteerName: string | null;
  note: string | null;
  at: string;
}

export interface HelpRequestDetail extends HelpRequestItem {
  events: HelpRequestEventItem[];
}

export interface VolunteerSuggestion {
  userId: number;
  name: string;
  skills: VolunteerSkill[];
  /** Usually free at the request's time (weekday/weekend × morning/afternoon/evening). */
  matchesTime: boolean;
  /** Seats taken in the last 30 days. */
  recentTasks: number;
}
