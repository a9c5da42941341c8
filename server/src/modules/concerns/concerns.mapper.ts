import {
  ConcernCategoryLabels,
  ConcernStatusLabels,
  type ConcernCategory,
  type ConcernDetail,
  type ConcernEventItem,
  type ConcernItem,
} from '../../../../contracts/concerns.contract';
import { RoleLabels, type Role } from '../../../../contracts/roles';
import { toIso } from '../../common/time';
import type { ConcernRow, EventRow } from './concerns.repository';

const roleLabel = (role: string | null) => (role ? (RoleLabels[role as Role] ?? role) : null);

export function toConcernItem(r: ConcernRow): ConcernItem {
  return {
    id: Number(r.id),
    category: r.category as ConcernCategory,
    categoryLabel: ConcernCategoryLabels[r.category as ConcernCategory] ?? r.category,
    text: r.text,
    status: r.status,
    statusLabel: ConcernStatusLabels[r.status] ?? r.status,
    placeLabel: `${r.communityName} ${r.buildingName} ${r.unitName}`,
    gridName: r.gridName,
    submitterName: r.submitterName,
    unconfirmed: Boolean(Number(r.unconfirmed)),
    holderName: r.holderName,
    holderRoleLabel: roleLabel(r.holderRole),
    firstOwnerName: r.firstOwnerName,
    createdAt: toIso(r.createdAt)!,
    acceptedAt: toIso(r.acceptedAt),
  };
}

export function toEventItem(e: EventRow): ConcernEventItem {
  return {
    id: Number(e.id),
    type: e.type as ConcernEventItem['type'],
    fromStatus: e.fromStatus as ConcernEventItem['fromStatus'],
    toStatus: e.toStatus as ConcernEventItem['toStatus'],
    actorName: e.actorName,
    actorRoleLabel: roleLabel(e.actorRole) ?? '',
    note: e.note,
    at: toIso(e.createdAt)!,
  };
}

export const toConcernDetail = (r: ConcernRow, events: EventRow[]): ConcernDetail => ({
  ...toConcernItem(r),
  timeline: events.map(toEventItem),
});
