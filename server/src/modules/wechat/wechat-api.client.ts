import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** A WeChat server API call that did not succeed. `transient`: worth retrying later (network, 5xx, system busy). */
export class WechatApiError extends Error {
  constructor(readonly errcode: number, readonly errmsg: string, readonly transient: boolean) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
    this.name = 'WechatApiError';
  }
}

/** errcode for failures that never reached WeChat or got no usable answer (ours, not WeChat's). */
export const WECHAT_NO_ANSWER = -2;
/** access_token invalid or expired: fetch a new one and try once more. */
const TOKEN_INVALID = new Set([40001, 40014, 42001]);
/** WeChat's "system busy, try again" and its per-minute frequency limit. */
const TRANSIENT_ERRCODES = new Set([-1, 45009, 45011]);
/** Refresh a token this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * Server-to-server calls to WeChat (订阅消息, 内容安全) with the interface-call credential. The token comes from
 * the stable-token API (`POST /cgi-bin/stable_token`, force_refresh false): every process that asks gets the same
 * token until it expires, so each process caches its own copy, one fetch at a time, and refetches when WeChat
 * answers that a token is invalid. Tests point WECHAT_API_BASE_URL at a local fake WeChat server.
 */
@Injectable()
export class WechatApiClient {
  private readonly logger = new Logger(WechatApiClient.name);
  private token: { value: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** False without WECHAT_APPID/WECHAT_SECRET (the embedded default): callers then skip WeChat altogether. */
  get configured(): boolean {
    return this.config.wechat !== null;
  }

  async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.token.expiresAt) return this.token.value;
    this.fetching ??= this.fetchToken().finally(() => (this.fetching = null));
    return this.fetching;
  }

  /** POST JSON to `path` with the access token; the parsed answer when errcode is 0, else WechatApiError. */
  async post<T extends object>(path: string, body: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.request<T>(`${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`, body);
      } catch (err) {
        if (attempt === 1 && err instanceof WechatApiError && TOKEN_INVALID.has(err.errcode)) {
          if (this.token?.value === token) this.token = null;
          continue;
        }
        throw err;
      }
    }
  }

  private async fetchToken(): Promise<string> {
    const wx = this.config.wechat;
    if (!wx) throw new WechatApiError(WECHAT_NO_ANSWER, 'WeChat is not configured', false);
    const answer = await this.request<{ access_token?: unknown; expires_in?: unknown }>('/cgi-bin/stable_token', {
      grant_type: 'client_credential', appid: wx.appId, secret: wx.secret, force_refresh: false,
    });
    const value = answer.access_token;
    const expiresIn = Number(answer.expires_in);
    if (typeof value !== 'string' || !value || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new WechatApiError(WECHAT_NO_ANSWER, 'stable_token answer without access_token', true);
    }
    this.token = { value, expiresAt: Date.now() + Math.max(expiresIn * 1000 - TOKEN_MARGIN_MS, expiresIn * 500) };
    this.logger.log(`access_token fetched (expires in ${expiresIn} s)`);
    return value;
  }

  private async request<T extends object>(pathAndQuery: string, body: unknown): Promise<T> {
    const wx = this.config.wechat;
    if (!wx) throw new WechatApiError(WECHAT_NO_ANSWER, 'WeChat is not configured', false);
    let res: Response;
    try {
      res = await fetch(`${wx.baseUrl}${pathAndQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(wx.timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      throw new WechatApiError(WECHAT_NO_ANSWER, name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'unreachable', true);
    }
    if (!res.ok) throw new WechatApiError(WECHAT_NO_ANSWER, `HTTP ${res.status}`, res.status >= 500 || res.status === 429);
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      throw new WechatApiError(WECHAT_NO_ANSWER, 'answer is not JSON', true);
    }
    if (parsed === null || typeof parsed !== 'object') throw new WechatApiError(WECHAT_NO_ANSWER, 'answer is not an object', true);
    const errcode = Number((parsed as { errcode?: unknown }).errcode ?? 0);
    if (errcode !== 0) {
      const errmsg = String((parsed as { errmsg?: unknown }).errmsg ?? '');
      throw new WechatApiError(errcode, errmsg, TRANSIENT_ERRCODES.has(errcode));
    }
    return parsed as T;
  }
}
