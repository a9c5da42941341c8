import type { AttendeeItem, ProxyCandidate } from '../../../../contracts/deliberation-votes.contract';
import { toIso } from '../../common/time';
import { maskPhone } from '../users/users.mapper';
import type { AttendeeRow, CandidateRow } from './deliberation-checkin.repository';

const unitLabel = (b: string | null, u: string | null) => (b && u ? `${b} ${u}` : b ?? u ?? null);

export function toAttendeeItem(r: AttendeeRow): AttendeeItem {
  return {
    registrationId: r.registrationId, userId: r.userId, name: r.name, unitLabel: unitLabel(r.buildingName, r.unitName),
    phoneMasked: maskPhone(r.phone), status: r.status, seatKind: r.seatKind, checkedInAt: toIso(r.checkedInAt),
    attendance: r.attendance, proxy: r.proxyBy !== null, proxyByName: r.proxyBy !== null ? r.proxyByName : null,
  };
}

export function toProxyCandidate(r: CandidateRow): ProxyCandidate {
  return {
    userId: r.userId, name: r.name, unitLabel: unitLabel(r.buildingName, r.unitName), phoneMasked: maskPhone(r.phone),
    registration: r.status ? { status: r.status, checkedInAt: toIso(r.checkedInAt) } : null,
  };
}
