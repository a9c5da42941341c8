import type { Page } from '@contracts/common.contract';
import { XLSX_MIME } from '@contracts/files.constants';
import type {
  ActivityItem, Attendee, CreateActivityRequest, CreateRewardRequest, CreditActivityResponse, LedgerLine, MyTimebank, RedeemResponse,
  RewardItem, TimebankSettings, UpdateRewardRequest,
} from '@contracts/timebank.contract';
import { downloadExport } from './file-transfer';
import { buildUrl, request } from './request';

/**
 * 红色银行 (time bank), rewards and team activities: the volunteer's and the community staff's calls.
 * Amounts travel in minutes; screens show hours. Types only from the contract.
 */
const BASE = '/api/timebank';
const HISTORY_PAGE_SIZE = 20;

// ---- my hours ----
export const getMyTimebank = () => request<MyTimebank>(`${BASE}/me`);
export const getMyHistory = (cursor: string | null) =>
  request<Page<LedgerLine>>(`${BASE}/me/history`, { query: { cursor, limit: HISTORY_PAGE_SIZE } });

// ---- rewards ----
export const listRewards = () => request<RewardItem[]>(`${BASE}/rewards`);
export const redeemReward = (id: number) => request<RedeemResponse>(`${BASE}/rewards/${id}/redeem`, { method: 'POST' });
export const createReward = (body: CreateRewardRequest) => request<RewardItem>(`${BASE}/rewards`, { method: 'POST', body });
export const updateReward = (id: number, body: UpdateRewardRequest) => request<RewardItem>(`${BASE}/rewards/${id}`, { method: 'PATCH', body });

// ---- the community's daily cap ----
export const getTimebankSettings = () => request<TimebankSettings>(`${BASE}/settings`);
export const updateDailyCap = (dailyCapMinutes: number) =>
  request<TimebankSettings>(`${BASE}/settings`, { method: 'PUT', body: { dailyCapMinutes } });

// ---- team activities ----
const ACT = `${BASE}/activities`;
export const listActivities = () => request<ActivityItem[]>(ACT);
export const getActivity = (id: number) => request<ActivityItem>(`${ACT}/${id}`);
export const createActivity = (body: CreateActivityRequest) => request<ActivityItem>(ACT, { method: 'POST', body });
export const signUpActivity = (id: number) => request<ActivityItem>(`${ACT}/${id}/sign-up`, { method: 'POST' });
export const withdrawActivity = (id: number) => request<ActivityItem>(`${ACT}/${id}/withdraw`, { method: 'POST' });
export const listAttendees = (id: number) => request<Attendee[]>(`${ACT}/${id}/attendees`);
export const checkInAttendee = (id: number, userId: number) => request<Attendee>(`${ACT}/${id}/check-in`, { method: 'POST', body: { userId } });
export const checkOutAttendee = (id: number, userId: number) => request<Attendee>(`${ACT}/${id}/check-out`, { method: 'POST', body: { userId } });
export const creditActivity = (id: number) => request<CreditActivityResponse>(`${ACT}/${id}/credit`, { method: 'POST' });

// ---- export of the service records (an .xlsx file) ----
export interface ExportRange {
  from: string;
  to: string;
}

function fileName(range: ExportRange): string {
  return `服务记录_${range.from}_${range.to}.xlsx`;
}

/** Downloads the service records of the range (street: the whole street; community staff: their community). */
export function exportServiceRecords(range: ExportRange): Promise<void> {
  const url = buildUrl(`${BASE}/export`, { from: range.from, to: range.to });
  return downloadExport({ url, fileName: fileName(range), mimeType: XLSX_MIME, inWeapp: 'open-xlsx' });
}
