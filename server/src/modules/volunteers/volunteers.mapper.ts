import {
  AssignmentStatusLabels, HelpRequestStatusLabels, VolunteerEventTypeLabels, VolunteerSkillLabels, VolunteerStatusLabels,
  type AvailabilitySlot, type VolunteerSkill,
} from '../../../../contracts/volunteers.constants';
import type {
  HelpRequestAction, HelpRequestDetail, HelpRequestEventItem, HelpRequestEventType, HelpRequestItem, VolunteerEventItem, VolunteerItem,
} from '../../../../contracts/volunteers.contract';
import type { AssignmentStatus } from '../../../../contracts/volunteers.constants';
import { toIso } from '../../common/time';
import { maskPhone } from '../users/users.mapper';
import type { VolunteerEventEntity } from './volunteer-event.entity';
import type { HelpRequestEntity, HelpRequestEventEntity, VolunteerEntity } from './volunteers.entities';

export const splitCodes = <T extends string>(csv: string): T[] => (csv ? (csv.split(',') as T[]) : []);

/** What a volunteer item needs beyond the row: teams, teams led, tasks in hand, dispatches waiting, upcoming sign-ups, why suspended. */
export type VolunteerExtras = Pick<VolunteerItem, 'teams' | 'leads' | 'tasksInHand' | 'pendingDispatches' | 'upcomingSignUps' | 'suspendReason'>;

export function toVolunteerItem(v: VolunteerEntity, user: { name: string; phone: string | null }, x: VolunteerExtras): VolunteerItem {
  return {
    id: Number(v.id), userId: Number(v.userId), name: user.name, phone: maskPhone(user.phone), communityId: Number(v.communityId),
    status: v.status, statusLabel: VolunteerStatusLabels[v.status], skills: splitCodes<VolunteerSkill>(v.skills),
    availability: splitCodes<AvailabilitySlot>(v.availability), teams: x.teams, intro: v.intro, declineReason: v.declineReason,
    suspendReason: x.suspendReason, tasksInHand: x.tasksInHand, pendingDispatches: x.pendingDispatches, upcomingSignUps: x.upcomingSignUps,
    leads: x.leads,
    appliedAt: toIso(v.createdAt)!, decidedAt: toIso(v.decidedAt), version: Number(v.version),
  };
}

export function toVolunteerEventItem(e: VolunteerEventEntity, actorName: string): VolunteerEventItem {
  return {
    id: Number(e.id), type: e.type, typeLabel: VolunteerEventTypeLabels[e.type], fromStatus: e.fromStatus, toStatus: e.toStatus,
    actorName, note: e.note, at: toIso(e.createdAt)!,
  };
}

export interface HelpRequestNames {
  requesterName: string;
  communityName: string;
  gridName: string;
  unitLabel: string;
  seats: { userId: number; name: string; status: AssignmentStatus }[];
}

export function toHelpRequestItem(r: HelpRequestEntity, n: HelpRequestNames, mySeat: AssignmentStatus | null, actions: HelpRequestAction[]): HelpRequestItem {
  return {
    id: Number(r.id), version: Number(r.version), skill: r.skill, skillLabel: VolunteerSkillLabels[r.skill], description: r.description,
    windowFrom: toIso(r.windowFrom)!, windowTo: toIso(r.windowTo)!, placeLabel: r.placeDetail ?? n.unitLabel, communityName: n.communityName,
    gridName: n.gridName, volunteersNeeded: Number(r.volunteersNeeded), takenCount: Number(r.takenCount), status: r.status,
    statusLabel: HelpRequestStatusLabels[r.status], requesterName: r.proxyName ?? n.requesterName, proxyFor: r.proxyName,
    volunteers: n.seats.filter((s) => s.status === 'dispatched' || s.status === 'accepted').map((s) => ({ ...s, statusLabel: AssignmentStatusLabels[s.status] })),
    rating: r.rating === null ? null : Number(r.rating), ratingComment: r.ratingComment,
    creditedMinutes: r.creditedMinutes === null ? null : Number(r.creditedMinutes), createdAt: toIso(r.createdAt)!, mySeat, actions,
  };
}

/** An event as stored (the entity, or a raw row with datetimes as the driver returns them). */
type EventRow = Pick<HelpRequestEventEntity, 'id' | 'type' | 'fromStatus' | 'toStatus' | 'actorId' | 'volunteerId' | 'note'> & { createdAt: Date | string };

export function toHelpRequestDetail(item: HelpRequestItem, events: EventRow[], names: Map<number, string>): HelpRequestDetail {
  return { ...item, events: events.map((e) => toEventItem(e, names)) };
}

/** The same detail from events read with their people's names joined in (HelpRequestsRepository.eventsUpTo). */
export function toHelpRequestDetailNamed(
  item: HelpRequestItem, events: (EventRow & { actorName: string | null; volunteerName: string | null })[],
): HelpRequestDetail {
  const names = new Map<number, string>();
  for (const e of events) {
    if (e.actorName !== null) names.set(Number(e.actorId), e.actorName);
    if (e.volunteerId !== null && e.volunteerName !== null) names.set(Number(e.volunteerId), e.volunteerName);
  }
  return toHelpRequestDetail(item, events, names);
}

function toEventItem(e: EventRow, names: Map<number, string>): HelpRequestEventItem {
  return {
    id: Number(e.id), type: e.type as HelpRequestEventType, fromStatus: e.fromStatus, toStatus: e.toStatus,
    actorName: Number(e.actorId) === 0 ? '系统' : names.get(Number(e.actorId)) ?? '', volunteerName: e.volunteerId === null ? null : names.get(Number(e.volunteerId)) ?? null,
    note: e.note, at: toIso(e.createdAt)!,
  };
}

export const staffNote = (skill: VolunteerSkill, who: string) => `${who}：${VolunteerSkillLabels[skill]}`;
