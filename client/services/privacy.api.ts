import { DELETE_ACCOUNT_WORD, type DeleteAccountResponse, type MyDataResponse } from '@contracts/privacy.contract';
import { downloadExport } from './file-transfer';
import { buildUrl, request } from './request';

/** 我的数据与注销 (PIPL): what Linli holds about me, its export as a JSON file, deleting my account. */
const BASE = '/api/me';

export const getMyData = () => request<MyDataResponse>(`${BASE}/data`);

export const deleteMyAccount = () => request<DeleteAccountResponse>(BASE, { method: 'DELETE', body: { confirm: DELETE_ACCOUNT_WORD } });

export function exportFileName(now = new Date()): string {
  return `邻里_我的数据_${now.toISOString().slice(0, 10)}.json`;
}

/** 导出我的数据: the JSON file of GET /api/me/data/export. */
export function exportMyData(): Promise<void> {
  const url = buildUrl(`${BASE}/data/export`);
  // WeChat's document viewer does not open .json: the file is sent to a chat (e.g. 文件传输助手) to keep it.
  return downloadExport({ url, fileName: exportFileName(), mimeType: 'application/json', inWeapp: 'share' });
}
