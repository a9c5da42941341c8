import {
  ConcernCategoryLabels,
  ConcernStatusLabels,
  HolderLevelLabels,
  type CloseReason,
  type ConcernCategory,
  type HolderLevel,
  type PlaceKind,
} from '../../../../contracts/concerns.constants';
import type { ConcernDetail, ConcernEventItem, ConcernItem } from '../../../../contracts/concerns.contract';
import { RoleLabels, type Role } from '../../../../contracts/roles';
import { toIso } from '../../common/time';
import { describeDeadline } from './concern-lifecycle';
import type { ConcernRow, EventRow } from './concerns.repository';

const roleLabel = (role: string | null) => (role ? (RoleLabels[role as Role] ?? role) : null);
const date = (v: Date | string | null) => (v === null || v === undefined ? null : new Date(toIso(v)!));

export function placeLabelOf(r: Pick<ConcernRow, 'placeKind' | 'placeDetail' | 'communityName' | 'buildingName' | 'unitName'>): string {
  if (r.placeKind === 'building') return `${r.communityName} ${r.buildingName}`;
  if ((r.placeKind === 'public_spot' || r.placeKind === 'map_point') && r.placeDetail) return `${r.communityName} ${r.placeDetail}`;
  return `${r.communityName} ${r.buildingName} ${r.unitName}`;
}

export function toConcernItem(r: ConcernRow, now = new Date()): ConcernItem {
  const deadline = date(r.stageDeadlineAt);
  const started = date(r.stageStartedAt) ?? date(r.createdAt)!;
  const open = r.status !== 'resolved' && r.status !== 'closed';
  return {
    id: Number(r.id),
    version: Number(r.version),
    category: r.category as ConcernCategory,
    categoryLabel: ConcernCategoryLabels[r.category as ConcernCategory] ?? r.category,
    text: r.text,
    status: r.status,
    statusLabel: ConcernStatusLabels[r.status] ?? r.status,
    isPublic: Boolean(Number(r.isPublic)),
    placeLabel: placeLabelOf(r),
    placeKind: r.placeKind as PlaceKind,
    gridName: r.gridName,
    submitterName: r.proxyName ?? r.submitterName,
    unconfirmed: Boolean(Number(r.unconfirmed)),
    proxyFor: r.proxyName,
    holderLevel: r.holderLevel,
    holderLevelLabel: HolderLevelLabels[r.holderLevel as HolderLevel] ?? r.holderLevel,
    holderName: r.holderName,
    holderRoleLabel: roleLabel(r.holderRole),
    departmentName: r.departmentName,
    firstOwnerName: r.firstOwnerName,
    stageDeadlineAt: deadline ? deadline.toISOString() : null,
    stageStartedAt: started.toISOString(),
    deadlineText: open ? describeDeadline(started, deadline, now) : null,
    overdue: open && deadline !== null && deadline.getTime() < now.getTime(),
    meTooCount: Number(r.meTooCount ?? 0),
    rating: r.rating === null ? null : Number(r.rating),
    closeReason: (r.closeReason as CloseReason | null) ?? null,
    photoCount: Number(r.photoCount ?? 0),
    createdAt: toIso(r.createdAt)!,
    acceptedAt: toIso(r.acceptedAt),
    resolvedAt: toIso(r.resolvedAt),
    closedAt: toIso(r.closedAt),
  };
}

export function toEventItem(e: EventRow, photoUrls: string[] = []): ConcernEventItem {
  return {
    id: Number(e.id),
    type: e.type as ConcernEventItem['type'],
    fromStatus: e.fromStatus as ConcernEventItem['fromStatus'],
    toStatus: e.toStatus as ConcernEventItem['toStatus'],
    toLevel: (e.toLevel as HolderLevel | null) ?? null,
    actorName: e.actorName,
    actorRoleLabel: roleLabel(e.actorRole) ?? '',
    note: e.note,
    photoUrls,
    at: toIso(e.createdAt)!,
  };
}

export function toConcernDetail(
  r: ConcernRow,
  events: EventRow[],
  extra: Pick<ConcernDetail, 'actions' | 'departments' | 'joined' | 'photoUrls'> & { eventPhotoUrls: Map<number, string[]> },
): ConcernDetail {
  return {
    ...toConcernItem(r),
    timeline: events.map((e) => toEventItem(e, extra.eventPhotoUrls.get(Number(e.id)) ?? [])),
    photoUrls: extra.photoUrls,
    ratingComment: r.ratingComment,
    actions: extra.actions,
    departments: extra.departments,
    joined: extra.joined,
  };
}
