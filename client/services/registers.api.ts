import Taro from '@tarojs/taro';
import {
  REGISTER_UPLOAD_FIELD,
  type AreaLeaderLevel, type AssignLeaderRequest, type HouseholdDetail, type HouseholdsPage, type HouseholdsQuery, type ImportResult,
  type ImportRowError, type LeaderSlot, type LeadersResponse, type RegisterAreas, type UpdateHouseholdRequest,
} from '@contracts/registers.contract';
import { XLSX_MIME } from '@contracts/files.constants';
import { downloadExport, uploadFailure, uploadWithToken } from './file-transfer';
import { ApiError, buildUrl, request } from './request';

/** Registers 台账 (issue 10): households of the caller's area, the 网格长/楼栋长, import and export of the .xlsx. */
const BASE = '/api/registers';

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
    input.accept = `.xlsx,${XLSX_MIME}`;
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

/** Uploads the sheet: dryRun checks every row and stores nothing; otherwise all rows are stored or none. */
export async function uploadSheet(sheet: PickedSheet, dryRun: boolean): Promise<ImportResult> {
  const res = await uploadWithToken({
    url: buildUrl(`${BASE}/import`, { dryRun: dryRun ? '1' : undefined }), filePath: sheet.path, name: REGISTER_UPLOAD_FIELD, fileName: sheet.name,
  });
  const data = res.data as { errors?: ImportRowError[]; total?: number; rows?: unknown } | null;
  if (res.statusCode === 200 && data && typeof data.rows === 'number') return data as unknown as ImportResult;
  const error = uploadFailure(res.statusCode, data);
  if (error.code === 'IMPORT_INVALID' && Array.isArray(data?.errors)) throw new ImportInvalidError(error.message, data.errors, data.total ?? data.errors.length);
  throw error;
}

// ---- export ----

/** Downloads the area's register (.xlsx, the import's columns): H5 saves the file, WeChat opens it (it can be forwarded from there). */
export function exportRegister(): Promise<void> {
  return downloadExport({
    url: buildUrl(`${BASE}/export`), fileName: `居民台账_${new Date().toISOString().slice(0, 10)}.xlsx`, mimeType: XLSX_MIME, inWeapp: 'open-xlsx',
  });
}
