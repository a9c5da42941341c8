import Taro from '@tarojs/taro';
import { DELETE_ACCOUNT_WORD, type DeleteAccountResponse, type MyDataResponse } from '@contracts/privacy.contract';
import { ApiError, buildUrl, errorMessage, NETWORK_ERROR, request } from './request';
import { getToken } from './session';

/** 我的数据与注销 (PIPL): what Linli holds about me, its export as a JSON file, deleting my account. */
const BASE = '/api/me';

export const getMyData = () => request<MyDataResponse>(`${BASE}/data`);

export const deleteMyAccount = () => request<DeleteAccountResponse>(BASE, { method: 'DELETE', body: { confirm: DELETE_ACCOUNT_WORD } });

export function exportFileName(now = new Date()): string {
  return `邻里_我的数据_${now.toISOString().slice(0, 10)}.json`;
}

async function errorOfBody(status: number, readText: () => Promise<string>): Promise<ApiError> {
  try {
    const body = JSON.parse(await readText()) as { code?: string; message?: string; requestId?: string };
    if (body && typeof body.message === 'string') return new ApiError(body.code ?? `HTTP_${status}`, body.message, status, body.requestId ?? null);
  } catch {
    // not JSON: the generic message below
  }
  return new ApiError(`HTTP_${status}`, errorMessage(null), status);
}

/** H5: fetch with the token, then hand the file to the browser through a Blob link (the browser saves it). */
async function downloadInBrowser(url: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { Authorization: `Bearer ${getToken() ?? ''}` } });
  } catch {
    throw new ApiError(NETWORK_ERROR, '网络连接失败，请检查网络后再试', 0);
  }
  if (!res.ok) throw await errorOfBody(res.status, () => res.text());
  const blob = await res.blob();
  const href = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = exportFileName();
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * WeChat: download with the token header, then send the file to a chat (e.g. 文件传输助手) to keep it — WeChat's document
 * viewer does not open .json files.
 */
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
  await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName: exportFileName() });
}

/** 导出我的数据: the JSON file of GET /api/me/data/export. */
export function exportMyData(): Promise<void> {
  const url = buildUrl(`${BASE}/data/export`);
  return process.env.TARO_ENV === 'weapp' ? downloadInWeapp(url) : downloadInBrowser(url);
}
