import Taro from '@tarojs/taro';
import type { ErrorResponse } from '@contracts/errors';
import { IDEMPOTENCY_HEADER } from '@contracts/errors';
import { clearToken, getToken, goToLogin } from './session';

/** Injected by the build (config/index.ts): '' in H5 (same origin), the server URL in weapp. */
declare const API_BASE_URL: string | undefined;

export const NETWORK_ERROR = 'NETWORK_ERROR';
const NETWORK_MESSAGE = '网络连接失败，请检查网络后再试';
const UNKNOWN_MESSAGE = '服务暂时不可用，请稍后再试';

/** Any failed API call: the server's `{ code, message, requestId }` plus the HTTP status (0 = no answer). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | null;

  constructor(code: string, message: string, status: number, requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
  }

  /** True when the request may or may not have reached the server (retry with the same key). */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status >= 500 || this.code === 'IDEMPOTENCY_KEY_IN_FLIGHT';
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Sent as the Idempotency-Key header on create requests. */
  idempotencyKey?: string;
}

export function apiBaseUrl(): string {
  return typeof API_BASE_URL === 'string' ? API_BASE_URL.replace(/\/+$/, '') : '';
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return `${apiBaseUrl()}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

function toApiError(status: number, data: unknown): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as Partial<ErrorResponse>;
  const code = typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message = typeof body.message === 'string' && body.message ? body.message : UNKNOWN_MESSAGE;
  return new ApiError(code, message, status, typeof body.requestId === 'string' ? body.requestId : null);
}

/** The one wrapper around Taro.request: base URL, token, typed errors, 401 handling. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) header[IDEMPOTENCY_HEADER] = options.idempotencyKey;
  // A DELETE carries a body only when one is given (DELETE /api/me: its confirmation word).
  const hasBody = method !== 'GET' && (method !== 'DELETE' || options.body !== undefined);
  if (hasBody) header['Content-Type'] = 'application/json';

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: buildUrl(path, options.query),
      method,
      header,
      data: hasBody ? (options.body ?? {}) : undefined,
      dataType: 'json',
    });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }

  const status = response.statusCode;
  if (status >= 200 && status < 300) return response.data as T;

  const error = toApiError(status, response.data);
  if (status === 401) {
    clearToken();
    goToLogin();
  }
  throw error;
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return UNKNOWN_MESSAGE;
}
