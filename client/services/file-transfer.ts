import Taro from '@tarojs/taro';
import type { ErrorResponse } from '@contracts/errors';
import { ApiError, NETWORK_ERROR } from './request';
import { clearToken, getToken, goToLogin } from './session';

/**
 * Files to and from the server outside request(): uploads (Taro.uploadFile) and downloads of exports (H5: fetch + a Blob
 * link; WeChat: Taro.downloadFile, then open or share). One place for the token header and the server's error body.
 */
export const NETWORK_MESSAGE = '网络连接失败，请检查网络后再试';
export const UNKNOWN_MESSAGE = '服务暂时不可用，请稍后再试';

export function authHeader(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** uploadFile answers with text: the JSON it holds, or null. */
export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/** The server's `{ code, message, requestId }` as an ApiError (a generic message when the body is not one). */
export function apiErrorOf(status: number, data: unknown): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as Partial<ErrorResponse>;
  return new ApiError(
    typeof body.code === 'string' ? body.code : `HTTP_${status}`,
    typeof body.message === 'string' && body.message ? body.message : UNKNOWN_MESSAGE,
    status,
    typeof body.requestId === 'string' ? body.requestId : null,
  );
}

/** The same handling as request() for an upload's failure: a 401 goes to the login page. */
export function uploadFailure(status: number, data: unknown): ApiError {
  if (status === 401) {
    clearToken();
    goToLogin();
  }
  return apiErrorOf(status, data);
}

/** Taro.uploadFile with the login token: the status and the parsed body; a failed connection is NETWORK_ERROR. */
export async function uploadWithToken(o: { url: string; filePath: string; name: string; fileName?: string }): Promise<{ statusCode: number; data: unknown }> {
  let res: { statusCode: number; data: unknown };
  try {
    res = await Taro.uploadFile({ ...o, header: authHeader() } as Parameters<typeof Taro.uploadFile>[0]);
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  return { statusCode: res.statusCode, data: parseBody(res.data) };
}

export interface Download {
  url: string;
  /** The name the browser saves it under / the chat shows. */
  fileName: string;
  /** The type given to a body the server sent without one. */
  mimeType: string;
  /** WeChat: open .xlsx in its document viewer (forwardable from there), or share the file to a chat (.json cannot be opened). */
  inWeapp: 'open-xlsx' | 'share';
}

/** Downloads an export with the login token: H5 saves it through a Blob link, WeChat opens or shares it. */
export function downloadExport(d: Download): Promise<void> {
  return process.env.TARO_ENV === 'weapp' ? downloadInWeapp(d) : downloadInBrowser(d);
}

async function downloadInBrowser(d: Download): Promise<void> {
  let res: Response;
  try {
    res = await fetch(d.url, { headers: authHeader() });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  if (!res.ok) throw apiErrorOf(res.status, parseBody(await res.text()));
  const blob = await res.blob();
  const href = URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: d.mimeType }));
  const link = document.createElement('a');
  link.href = href;
  link.download = d.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

async function downloadInWeapp(d: Download): Promise<void> {
  let res: { statusCode: number; tempFilePath: string };
  try {
    res = await Taro.downloadFile({ url: d.url, header: authHeader() });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  if (res.statusCode !== 200) throw apiErrorOf(res.statusCode, parseBody(String(Taro.getFileSystemManager().readFileSync(res.tempFilePath, 'utf8'))));
  if (d.inWeapp === 'share') await Taro.shareFileMessage({ filePath: res.tempFilePath, fileName: d.fileName });
  else await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true });
}
