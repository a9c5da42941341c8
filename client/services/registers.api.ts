import Taro from '@tarojs/taro';
import type { ErrorResponse } from '@contracts/errors';
import {
  REGISTER_UPLOAD_FIELD,
  type AreaLeaderLevel, type AssignLeaderRequest, type HouseholdDetail, type HouseholdsPage, type HouseholdsQuery, type ImportResult,
  type ImportRowError, type LeaderSlot, type LeadersResponse, type RegisterAreas, type UpdateHouseholdRequest,
} from '@contracts/registers.contract';
import { ApiError, buildUrl, NETWORK_ERROR, request } from './request';
import { clearToken, getToken, goToLogin } from './session';

/** Registers 台账 (issue 10): households of the caller's area, the 网格长/楼栋长, import and export of the .xlsx. */
const BASE = '/api/registers';
const NETWORK_MESSAGE = '网络连接失败，请检查网络后再试';
const UNKNOWN_MESSAGE = '服务暂时不可用，请稍后再试';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const getRegisterAreas = () => request<RegisterAreas>(`${BASE}/areas`);
export const listHouseholds = (q: HouseholdsQuery) => request<HouseholdsPage>(`${BASE}/households`, { query: { ...q } });
export const getHousehold = (id: number) => request<HouseholdDetail>(`${BASE}/households/${id}`);
export const updateHousehold = (id: number, body: UpdateHouseholdRequest) => request<HouseholdDetail>(`${BASE}/households/${id}`, { method: 'PATCH', body });
export const listLeaders = () => request<LeadersResponse>(`${BASE}/leaders`);
export const assignLeader = (body: AssignLeaderRequest) => request<LeaderSlot>(`${BASE}/leaders`, { method: 'PUT', body });
export const clearLeader = (level: AreaLeaderLevel, areaId: number) => request<void>(`${BASE}/leaders/${level}/${areaId}`, { method: 'DELETE' });

// ---- import: pick the .xlsx, check it (dry run), then import ----

/** A spreadsheet the person picked: a local path (WeChat: from a chat) or a blob URL (H5: from the computer). */
export interface PickedSheet {
  name: string;
  path: string;
}

/** 422 IMPORT_INVALID: the rows to fix (none was stored). */
export class ImportInvalidError extends ApiError {
  constructor(message: string, readonly errors: ImportRowError[], readonly total: number) {
    super('IMPORT_INVALID', message, 422);
    this.name = 'ImportInvalidError';
  }
}

/**
 * Lets the person pick one .xlsx: in WeChat from a chat (chooseMessageFile — the file is usually sent to oneself first),
 * in the browser with the computer's file dialog. Resolves null when they cancel.
 */
export async function pickSheet(): Promise<PickedSheet | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const f = res.tempFiles[0];
      return f ? { name: f.name, path: f.path } : null;
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `.xlsx,${XLSX_TYPE}`;
    input.style.display = 'none';
    const done = (v: PickedSheet | null) => {
      input.remove();
      resolve(v);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done(file ? { name: file.name, path: URL.createObjectURL(file) } : null);
    });
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** Uploads the sheet: dryRun checks every row and stores nothing; otherwise all rows are stored or none. */
export async function uploadSheet(sheet: PickedSheet, dryRun: boolean): Promise<ImportResult> {
  const token = getToken();
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.uploadFile({
      url: buildUrl(`${BASE}/import`, { dryRun: dryRun ? '1' : undefined }), filePath: sheet.path, name: REGISTER_UPLOAD_FIELD,
      fileName: sheet.name, header: token ? { Authorization: `Bearer ${token}` } : {},
    } as Parameters<typeof Taro.uploadFile>[0]);
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  const data = parse(res.data) as (Partial<ErrorResponse> & { errors?: ImportRowError[]; total?: number }) | null;
  if (res.statusCode === 200 && data && typeof (data as Partial<ImportResult>).rows === 'number') return data as unknown as ImportResult;
  if (res.statusCode === 401) {
    clearToken();
    goToLogin();
  }
  const message = typeof data?.message === 'string' && data.message ? data.message : UNKNOWN_MESSAGE;
  if (data?.code === 'IMPORT_INVALID' && Array.isArray(data.errors)) throw new ImportInvalidError(message, data.errors, data.total ?? data.errors.length);
  throw new ApiError(typeof data?.code === 'string' ? data.code : `HTTP_${res.statusCode}`, message, res.statusCode);
}

// ---- export ----

async function errorOf(status: number, readText: () => Promise<string>): Promise<ApiError> {
  try {
    const body = JSON.parse(await readText()) as { code?: string; message?: string };
    if (typeof body?.message === 'string') return new ApiError(body.code ?? `HTTP_${status}`, body.message, status);
  } catch {
    // not JSON
  }
  return new ApiError(`HTTP_${status}`, UNKNOWN_MESSAGE, status);
}

/** Downloads the area's register (.xlsx, the import's columns): H5 saves the file, WeChat opens it (it can be forwarded from there). */
export async function exportRegister(): Promise<void> {
  const url = buildUrl(`${BASE}/export`);
  const header = { Authorization: `Bearer ${getToken() ?? ''}` };
  if (process.env.TARO_ENV === 'weapp') {
    let res: { statusCode: number; tempFilePath: string };
    try {
      res = await Taro.downloadFile({ url, header });
    } catch {
      throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
    }
    if (res.statusCode !== 200) throw await errorOf(res.statusCode, async () => String(Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8')));
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  let res: Response;
  try {
    res = await fetch(url, { headers: header });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  if (!res.ok) throw await errorOf(res.status, () => res.text());
  const blob = await res.blob();
  const link = document.createElement('a');
  const href = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: XLSX_TYPE }));
  link.href = href;
  link.download = `居民台账_${new Date().toISOString().slice(0, 10)}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
