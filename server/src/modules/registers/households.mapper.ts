import { HouseholdTags, type HouseholdDetail, type HouseholdItem, type HouseholdMember, type HouseholdTag } from '../../../../contracts/registers.contract';
import { maskPhone } from '../users/users.mapper';
import type { HouseholdPlaceRow } from './registers.repository';

const tagsOf = (s: string): HouseholdTag[] => s.split(',').filter((t): t is HouseholdTag => (HouseholdTags as readonly string[]).includes(t));
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(`${String(d).replace(' ', 'T')}Z`)).toISOString();

/** A list row: the phone masked (138****5678). */
export function toHouseholdItem(r: HouseholdPlaceRow): HouseholdItem {
  return {
    id: Number(r.id), communityName: r.communityName, gridName: r.gridName, buildingName: r.buildingName, unitName: r.unitName,
    room: r.room, headName: r.headName, headPhoneMasked: maskPhone(r.headPhone), people: Number(r.people), tags: tagsOf(r.tags),
  };
}

/** The detail: the full phones of the head and the 家庭成员 (staff of the area; the read is audited). */
export function toHouseholdDetail(r: HouseholdPlaceRow, canEdit: boolean, members: HouseholdMember[]): HouseholdDetail {
  const { headPhoneMasked: _masked, ...item } = toHouseholdItem(r);
  return { ...item, unitId: Number(r.unitId), headPhone: r.headPhone, note: r.note, members, updatedAt: iso(r.updatedAt), canEdit };
}

export const placeOf = (r: Pick<HouseholdPlaceRow, 'communityName' | 'buildingName' | 'unitName' | 'room'>) => `${r.communityName} ${r.buildingName}${r.unitName} ${r.room}`;
