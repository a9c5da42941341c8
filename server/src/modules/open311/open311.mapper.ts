import {
  CloseReasonLabels,
  ConcernCategoryLabels,
  ConcernStatusLabels,
  type CloseReason,
  type ConcernCategory,
} from '../../../../contracts/concerns.constants';
import { OPEN311_SERVICE_GROUP, type Open311Service, type Open311ServiceRequest } from '../../../../contracts/open311.contract';
import { toIso } from '../../common/time';
import { CLOSED_STATUSES, type CategoryRow, type PublicConcernRow } from './open311.repository';

/** Words people use for each category (services.json `keywords`). */
const KEYWORDS: Record<ConcernCategory, string[]> = {
  noise: ['噪音', '装修', '广场舞', '扰民'],
  leak: ['漏水', '渗水', '水管', '楼上'],
  sanitation: ['垃圾', '卫生', '清扫', '异味'],
  parking: ['停车', '占道', '消防通道', '车辆'],
  pets: ['宠物', '狗', '猫', '粪便'],
  facilities: ['路灯', '电梯', '健身器材', '设施'],
  neighbour_dispute: ['邻里', '纠纷', '矛盾', '调解'],
  elderly_care: ['老人', '养老', '助老', '独居'],
  safety_hazard: ['隐患', '燃气', '电线', '消防'],
  other: ['其他'],
};

export const mediaUrl = (photoId: number) => `/open311/v2/media/${photoId}`;

/**
 * Runs of 7+ digits (phone numbers, ID numbers) in free text written by residents or staff are masked
 * before they leave through Open311: 13912345678 -> 139****5678.
 */
export function maskNumbers(text: string): string {
  return text.replace(/\d{7,}/g, (d) => (d.length >= 11 ? `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}` : '*'.repeat(d.length)));
}

export function toOpen311Service(c: Pick<CategoryRow, 'code' | 'label' | 'hint'>): Open311Service {
  const code = c.code as ConcernCategory;
  return {
    service_code: c.code,
    service_name: c.label,
    description: c.hint ?? c.label,
    metadata: false,
    type: 'realtime',
    keywords: [c.label, ...(KEYWORDS[code] ?? [])].filter((k, i, all) => all.indexOf(k) === i).join(','),
    group: OPEN311_SERVICE_GROUP,
  };
}

function agencyOf(r: PublicConcernRow): string {
  switch (r.holderLevel) {
    case 'grid':
      return r.gridName;
    case 'community':
      return r.communityName;
    case 'street':
      return r.streetName ?? '街道';
    default:
      return r.departmentName ?? '职能部门';
  }
}

function statusNotes(r: PublicConcernRow, closed: boolean, resolutionNote: string | undefined): string {
  if (!closed) return ConcernStatusLabels[r.status] ?? r.status;
  if (r.closeReason) return CloseReasonLabels[r.closeReason as CloseReason] ?? r.closeReason;
  return resolutionNote ? maskNumbers(resolutionNote) : (ConcernStatusLabels[r.status] ?? r.status);
}

/** One public concern as a GeoReport service request: no names, phone numbers or units. */
export function toOpen311Request(r: PublicConcernRow, extra: { resolutionNote?: string; photoId?: number }): Open311ServiceRequest {
  const closed = CLOSED_STATUSES.includes(r.status);
  const spot = (r.placeKind === 'public_spot' || r.placeKind === 'map_point') && r.placeDetail;
  const e6 = (v: number | null) => (v === null || v === undefined ? null : Number(v) / 1e6);
  return {
    service_request_id: String(Number(r.id)),
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(r, closed, extra.resolutionNote),
    service_name: ConcernCategoryLabels[r.category as ConcernCategory] ?? r.category,
    service_code: r.category,
    description: maskNumbers(r.text),
    agency_responsible: agencyOf(r),
    service_notice: null,
    requested_datetime: toIso(r.createdAt)!,
    updated_datetime: toIso(r.updatedAt)!,
    expected_datetime: closed ? null : toIso(r.stageDeadlineAt),
    address: spot ? `${r.communityName} ${r.placeDetail}` : `${r.communityName} ${r.buildingName}`,
    address_id: null,
    zipcode: null,
    lat: e6(r.latE6),
    long: e6(r.lngE6),
    ...(extra.photoId ? { media_url: mediaUrl(extra.photoId) } : {}),
  };
}
