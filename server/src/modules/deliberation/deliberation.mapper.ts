import type { RegistrationItem, SeriesItem, SessionItem } from '../../../../contracts/deliberation.contract';
import { toIso } from '../../common/time';
import type { DeliberationRegistrationEntity, DeliberationSeriesEntity, DeliberationSessionEntity } from './deliberation.entities';

export const sessionLink = (id: number) => `/packages/deliberation/session/index?id=${id}`;

export function toSeriesItem(s: DeliberationSeriesEntity): SeriesItem {
  return {
    id: s.id, communityId: s.communityId, name: s.name, place: s.place, weekday: s.weekday, time: s.time, durationMinutes: s.durationMinutes,
    seats: s.seats, reservedSeats: s.reservedSeats, opensDaysBefore: s.opensDaysBefore, closesHoursBefore: s.closesHoursBefore,
    active: Boolean(s.active),
  };
}

export function toRegistrationItem(
  r: Pick<DeliberationRegistrationEntity, 'id' | 'sessionId' | 'status' | 'seatKind' | 'waitlistNo' | 'checkInCode' | 'checkedInAt'>, waitlistPosition: number | null,
): RegistrationItem {
  const waiting = r.status === 'waitlisted';
  return {
    id: r.id, sessionId: r.sessionId, status: r.status, seatKind: r.seatKind,
    waitlistNo: waiting ? r.waitlistNo : null, waitlistPosition: waiting ? waitlistPosition : null, checkInCode: r.checkInCode,
    checkedInAt: toIso(r.checkedInAt),
  };
}

/** `waitingCount` is the session's own counter (waitlist_count), kept with every change to its waiting list. */
export function toSessionItem(s: DeliberationSessionEntity, seriesName: string, mine: RegistrationItem | null, now: Date): SessionItem {
  const open = s.status === 'scheduled' && new Date(s.opensAt) <= now && now < new Date(s.closesAt) && now < new Date(s.startsAt);
  return {
    id: s.id, seriesId: s.seriesId, name: seriesName, place: s.place, startsAt: toIso(s.startsAt)!, endsAt: toIso(s.endsAt)!,
    status: s.status, cancelReason: s.cancelReason, seats: s.capacity + s.reservedCapacity, reservedSeats: s.reservedCapacity,
    seatsLeft: Math.max(0, s.capacity - s.taken), reservedLeft: Math.max(0, s.reservedCapacity - s.reservedTaken), waitingCount: s.waitlistCount,
    registrationOpensAt: toIso(s.opensAt)!, registrationClosesAt: toIso(s.closesAt)!, registrationOpen: open, mine,
  };
}
