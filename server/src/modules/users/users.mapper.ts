import type { AreaRef, MeResponse } from '../../../../contracts/users.contract';
import type { UserEntity } from './user.entity';
import { placeLabel, UnitPlace } from '../org/org.repository';

/** 138****5678 — phone numbers never leave the server unmasked (PIPL). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function toMe(user: UserEntity, place: UnitPlace | null, scope: AreaRef | null): MeResponse {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    phoneMasked: maskPhone(user.phone),
    unit: place
      ? { unitId: place.unitId, label: placeLabel(place), communityId: place.communityId, gridId: place.gridId, confirmed: user.unitConfirmed }
      : null,
    scope,
  };
}
