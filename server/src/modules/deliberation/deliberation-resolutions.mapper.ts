import type {
  MinutesItem, PersonRef, ResolutionActivity, ResolutionDetail, ResolutionHistoryEntry, ResolutionItem,
} from '../../../../contracts/deliberation-outcomes.contract';
import { toIso } from '../../common/time';
import type { DeliberationMinutesEntity, DeliberationResolutionEntity, DeliberationResolutionEventEntity } from './deliberation-outcomes.entities';
import type { ResolutionContext } from './deliberation-resolutions.repository';

export const resolutionLink = (id: number) => `/packages/deliberation/resolution/index?id=${id}`;

/** Not done and its due day (China time) is before today (China time). */
export const isOverdue = (r: Pick<DeliberationResolutionEntity, 'status' | 'dueDate'>, today: string): boolean => r.status !== 'done' && r.dueDate < today;

const person = (id: number, names: Map<number, string>): PersonRef => ({ id, name: names.get(id) ?? '' });

export function toResolutionItem(r: DeliberationResolutionEntity, ctx: ResolutionContext, today: string): ResolutionItem {
  return {
    id: r.id, sessionId: r.sessionId, communityId: r.communityId, communityName: ctx.communities.get(r.communityId) ?? '',
    sessionStartsAt: toIso(ctx.sessionStarts.get(r.sessionId)) ?? '',
    agendaItemId: r.agendaItemId, topicId: r.topicId, topicTitle: r.topicId === null ? null : (ctx.topics.get(r.topicId) ?? null),
    text: r.text,
    owner: { name: r.ownerName, user: r.ownerUserId === null ? null : person(r.ownerUserId, ctx.users) },
    dueDate: r.dueDate, status: r.status, overdue: isOverdue(r, today),
    escalationReason: r.status === 'escalated' ? r.escalationReason : null,
    doneAt: toIso(r.doneAt), createdAt: toIso(r.createdAt)!, updatedAt: toIso(r.updatedAt)!, version: r.version,
    followers: ctx.followers.get(r.id) ?? 0, following: ctx.following.has(r.id),
  };
}

export function toHistoryEntry(e: DeliberationResolutionEventEntity, users: Map<number, string>): ResolutionHistoryEntry {
  return { id: e.id, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, by: person(e.byUserId, users), at: toIso(e.createdAt)! };
}

export function toResolutionDetail(
  item: ResolutionItem, events: DeliberationResolutionEventEntity[], users: Map<number, string>, activities: ResolutionActivity[],
): ResolutionDetail {
  return { ...item, history: events.map((e) => toHistoryEntry(e, users)), activities };
}

export function toMinutesItem(m: DeliberationMinutesEntity, counts: { attendees: number; confirmed: number }, users: Map<number, string>): MinutesItem {
  return {
    sessionId: m.sessionId, text: m.text, attendeeCount: counts.attendees, confirmedCount: counts.confirmed,
    recordedBy: person(m.recordedBy, users), recordedAt: toIso(m.recordedAt)!, updatedBy: person(m.updatedBy, users), updatedAt: toIso(m.updatedAt)!,
    version: m.version,
  };
}
