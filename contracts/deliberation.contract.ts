import { z } from 'zod';

/**
 * 议事亭 pavilion deliberation: recurring session series, sessions, sign-up with reserved seats for
 * residents' representatives (居民代表) and a waiting list. Times of day are China time (UTC+8, no
 * daylight saving); instants travel as ISO strings.
 *
 * The mini-program imports only types from this file (the schemas use zod, which stays on the server).
 */

/** How many upcoming sessions of a series always exist. */
export const SESSIONS_AHEAD = 4;

/** POST /api/deliberation/series — community staff, for their own community. */
export const CreateSeriesRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    place: z.string().trim().min(1).max(100),
    /** 0 = Sunday … 6 = Saturday. */
    weekday: z.number().int().min(0).max(6),
    /** 'HH:MM', China time. */
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM'),
    durationMinutes: z.number().int().min(15).max(480),
    seats: z.number().int().min(1).max(1000),
    reservedSeats: z.number().int().min(0).max(1000),
    opensDaysBefore: z.number().int().min(0).max(30),
    closesHoursBefore: z.number().int().min(0).max(72),
  })
  .strict()
  .refine((v) => v.reservedSeats <= v.seats, { message: '预留座位不能多于座位数', path: ['reservedSeats'] });
export type CreateSeriesRequest = z.infer<typeof CreateSeriesRequestSchema>;

/**
 * PUT /api/deliberation/series/:id — the same fields as creating one. The series changes for sessions created from
 * now on; upcoming sessions nobody has registered for are re-timed and re-sized at once; sessions with registrations
 * keep their date (staff move them one by one, which notifies everyone) and take the new seat numbers only where the
 * seats already taken still fit.
 */
export const UpdateSeriesRequestSchema = CreateSeriesRequestSchema;
export type UpdateSeriesRequest = CreateSeriesRequest;

/**
 * GET /api/deliberation/sessions?when=upcoming|past — upcoming (not yet ended, soonest first, the default) or past
 * (ended, newest first, the last `limit`, default 20, at most 100) sessions of my community.
 */
export const SessionsQuerySchema = z
  .object({ when: z.enum(['upcoming', 'past']).default('upcoming'), limit: z.coerce.number().int().min(1).max(100).default(20) })
  .strict();
export type SessionsQuery = z.infer<typeof SessionsQuerySchema>;

/** POST /api/deliberation/sessions/:id/cancel */
export const CancelSessionRequestSchema = z.object({ reason: z.string().trim().min(1).max(200) }).strict();
export type CancelSessionRequest = z.infer<typeof CancelSessionRequestSchema>;

/** POST /api/deliberation/sessions/:id/move — a new start (ISO instant) and optionally another place. */
export const MoveSessionRequestSchema = z
  .object({ startsAt: z.string().datetime({ offset: true }), place: z.string().trim().min(1).max(100).optional() })
  .strict();
export type MoveSessionRequest = z.infer<typeof MoveSessionRequestSchema>;

/** POST /api/deliberation/representatives — mark a resident of my community as a representative. */
export const RepresentativeRequestSchema = z.object({ userId: z.number().int().positive() }).strict();
export type RepresentativeRequest = z.infer<typeof RepresentativeRequestSchema>;

export interface SeriesItem {
  id: number;
  communityId: number;
  name: string;
  place: string;
  weekday: number;
  time: string;
  durationMinutes: number;
  seats: number;
  reservedSeats: number;
  opensDaysBefore: number;
  closesHoursBefore: number;
  /** false once staff ended the series (POST /api/deliberation/series/:id/end): no new sessions are created. */
  active: boolean;
}

/** What a change to a series did to its upcoming sessions. */
export interface SeriesUpdateResult {
  series: SeriesItem;
  /** Upcoming sessions without registrations, re-timed and re-sized. */
  sessionsUpdated: number;
  /** Upcoming sessions with registrations that kept their date; their seats changed only where the taken seats still fit. */
  sessionsKept: number;
}

export type SessionStatus = 'scheduled' | 'cancelled';
export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export interface RegistrationItem {
  id: number;
  sessionId: number;
  status: RegistrationStatus;
  /** 'reserved' for a representative's seat. */
  seatKind: 'open' | 'reserved' | null;
  /** The ticket number on the waiting list (arrival order), null once confirmed. */
  waitlistNo: number | null;
  /** 1 = next to be promoted; null unless waitlisted. */
  waitlistPosition: number | null;
  /** Shown as a QR code; staff scan it at the pavilion. */
  checkInCode: string;
  /** When staff checked me in at the pavilion; null until then. */
  checkedInAt: string | null;
}

export interface SessionItem {
  id: number;
  seriesId: number;
  name: string;
  place: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  cancelReason: string | null;
  seats: number;
  reservedSeats: number;
  /** Open (non-reserved) seats still free. */
  seatsLeft: number;
  reservedLeft: number;
  waitingCount: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  registrationOpen: boolean;
  mine: RegistrationItem | null;
}

export interface RepresentativeItem {
  userId: number;
  name: string;
}
