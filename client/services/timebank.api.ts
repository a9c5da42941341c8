import Taro from '@tarojs/taro';
import type { Page } from '@contracts/common.contract';
import type {
  ActivityItem, Attendee, CreateActivityRequest, CreateRewardRequest, CreditActivityResponse, LedgerLine, MyTimebank, RedeemResponse,
  RewardItem, TimebankSettings, UpdateRewardRequest,
} from '@contracts/timebank.contract';
import { ApiError, buildUrl, errorMessage, NETWORK_ERROR, request } from './request';
import { getToken } from './session';

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

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileName(range: ExportRange): string {
  return `服务记录_${range.from}_${range.to}.xlsx`;
}

async function errorOfBody(status: number, readText: () => Promise<string>): Promise<ApiError> {
  try {
    const body = JSON.parse(await readText()) as { code?: string; message?: string; requestId?: string };
    if (body && typeof body.message === 'string') return new ApiError(body.code ?? `HTTP_${status}`, body.message, status, body.requestId ?? null);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(`HTTP_${status}`, errorMessage(null), status);
}

/** H5: fetch with the token, then hand the file to the browser through a Blob link. */
async function downloadInBrowser(url: string, range: ExportRange): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
  } catch {
    throw new ApiError(NETWORK_ERROR, '网络连接失败，请检查网络后再试', 0);
  }
  if (!res.ok) throw await errorOfBody(res.status, () => res.text());
  const blob = await res.blob();
  const link = document.createElement('a');
  const href = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: XLSX_TYPE }));
  link.href = href;
  link.download = fileName(range);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** WeChat: download with the token header, then open the file in WeChat's document viewer (it can be forwarded from there). */
async function downloadInWeapp(url: string): Promise<void> {
  let res: { statusCode: number; tempFilePath: string };
  try {
    res = await Taro.downloadFile({ url, header: { Authorization: `Bearer ${getToken() ?? ''}` } });
  } catch {
    throw new ApiError(NETWORK_ERROR, '网络连接失败，请检查网络后再试', 0);
  }
  if (res.statusCode !== 200) {
    throw await errorOfBody(res.statusCode, async () => String(Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8')));
  }
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** Downloads the service records of the range (street: the whole street; community staff: their community). */
export function exportServiceRecords(range: ExportRange): Promise<void> {
  const url = buildUrl(`${BASE}/export`, { from: range.from, to: range.to });
  return process.env.TARO_ENV === 'weapp' ? downloadInWeapp(url) : downloadInBrowser(url, range);
}
