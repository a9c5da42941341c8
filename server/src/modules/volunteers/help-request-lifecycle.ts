import {
  CREDIT_MINUTES_CAP, DROP_OUT_ALERT_HOURS,
  type AssignmentStatus, type AvailabilitySlot, type HelpRequestStatus,
} from '../../../../contracts/volunteers.constants';
import type { HelpRequestAction } from '../../../../contracts/volunteers.contract';

/**
 * The help-request state machine, pure: which request statuses each action may start from, what a seat
 * change does to the status, which actions a caller sees, how many minutes a confirmation credits and
 * which availability slot a time falls in. The services apply it with conditional UPDATEs.
 */
export const SEATED: readonly AssignmentStatus[] = ['dispatched', 'accepted'];

/** Request-level actions -> the statuses they may start from. */
export const REQUEST_FROM: Record<'claim' | 'dispatch' | 'give_back' | 'done' | 'confirm' | 'cancel' | 'expire', readonly HelpRequestStatus[]> = {
  claim: ['open'],
  dispatch: ['open'],
  /** withdraw (accepted seat) and decline (dispatched seat): the seat comes back. */
  give_back: ['open', 'filled'],
  done: ['open', 'filled'],
  confirm: ['done'],
  cancel: ['open', 'filled'],
  expire: ['open'],
};

/** Seat-level actions -> the seat statuses they may start from and lead to. */
export const SEAT_TRANSITIONS: Record<'accept' | 'decline' | 'withdraw', { from: readonly AssignmentStatus[]; to: AssignmentStatus }> = {
  accept: { from: ['dispatched'], to: 'accepted' },
  decline: { from: ['dispatched'], to: 'declined' },
  withdraw: { from: ['accepted'], to: 'withdrawn' },
};

export const canRequest = (action: keyof typeof REQUEST_FROM, status: HelpRequestStatus) => REQUEST_FROM[action].includes(status);
export const canSeat = (action: keyof typeof SEAT_TRANSITIONS, seat: AssignmentStatus | null) => seat !== null && SEAT_TRANSITIONS[action].from.includes(seat);

/** The status after one more seat is taken. */
export const statusAfterTaking = (taken: number, needed: number): HelpRequestStatus => (taken + 1 >= needed ? 'filled' : 'open');

/** Expired only when its window has ended with no seat taken. */
export const isExpired = (r: { status: HelpRequestStatus; takenCount: number; windowTo: Date }, now: Date) =>
  r.status === 'open' && r.takenCount === 0 && r.windowTo.getTime() < now.getTime();

/** A drop-out alerts the team and staff when the request starts within 24 h (or has started). */
export const isDueSoon = (windowFrom: Date, now: Date) => windowFrom.getTime() - now.getTime() <= DROP_OUT_ALERT_HOURS * 3600_000;

/** Minutes credited per volunteer: the window length capped at 4 h, or the staff's figure (capped too); at least 1. */
export function creditMinutes(windowFrom: Date, windowTo: Date, staffMinutes?: number): number {
  const raw = staffMinutes ?? Math.round((windowTo.getTime() - windowFrom.getTime()) / 60_000);
  return Math.max(1, Math.min(CREDIT_MINUTES_CAP, raw));
}

/** The availability slot of a moment in China time (UTC+8): weekday/weekend × morning (<12) / afternoon (<18) / evening. */
export function slotOf(at: Date): AvailabilitySlot {
  const china = new Date(at.getTime() + 8 * 3600_000);
  const day = china.getUTCDay();
  const hour = china.getUTCHours();
  const part = hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
  return `${day === 0 || day === 6 ? 'weekend' : 'weekday'}_${part}` as AvailabilitySlot;
}

export interface HelpActor {
  isRequester: boolean;
  /** The grid worker who posted it for a resident (代办). */
  isPoster: boolean;
  /** Staff whose area contains the request. */
  isStaff: boolean;
  /** An approved volunteer of the request's community. */
  isApprovedVolunteer: boolean;
  /** The caller's seat on this request (any status), or null. */
  seat: AssignmentStatus | null;
}

/** Exactly the actions the caller may take now; the app shows these buttons and nothing else. */
export function allowedActions(r: { status: HelpRequestStatus; hasRequesterAccount: boolean }, a: HelpActor): HelpRequestAction[] {
  const out: HelpRequestAction[] = [];
  const self = a.isRequester || a.isPoster;
  if (a.isApprovedVolunteer && !self && a.seat === null && canRequest('claim', r.status)) out.push('claim');
  if (a.isStaff && canRequest('dispatch', r.status)) out.push('dispatch');
  if (canSeat('accept', a.seat) && canRequest('give_back', r.status)) out.push('accept', 'decline');
  if (canSeat('withdraw', a.seat) && canRequest('give_back', r.status)) out.push('withdraw');
  if (a.seat === 'accepted' && canRequest('done', r.status)) out.push('done');
  if (a.isRequester && canRequest('confirm', r.status)) out.push('confirm');
  if (a.isStaff && canRequest('confirm', r.status)) out.push('confirm_on_behalf');
  if (self && canRequest('cancel', r.status)) out.push('cancel');
  return out;
}

/**
 * The day the hours count for (the daily cap, the ledger's service date): the booked window's start, or the moment the
 * volunteer marked it done when that came earlier (helped ahead of time, as agreed with the requester).
 */
export function serviceDay(r: { windowFrom: Date; doneAt: Date | null }): Date {
  const from = new Date(r.windowFrom);
  return r.doneAt && new Date(r.doneAt) < from ? new Date(r.doneAt) : from;
}
