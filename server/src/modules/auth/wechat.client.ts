import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { DomainException } from '../../common/domain-exception';

export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid: string | null;
}

const unavailable = (why: string) => new DomainException(ErrorCode.WECHAT_UNAVAILABLE, 502, `微信登录暂时不可用（${why}），请稍后再试`);

/**
 * code2Session (GET /sns/jscode2session) against the configured base URL. Tests point the base URL
 * at a local fake WeChat server. The session_key is returned to the caller only, never logged.
 */
@Injectable()
export class WechatClient {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async code2Session(code: string): Promise<WechatSession> {
    const wx = this.config.wechat;
    if (!wx) throw new DomainException(ErrorCode.WECHAT_NOT_CONFIGURED, 503, '本服务未配置微信登录');
    const url = new URL(`${wx.baseUrl}/sns/jscode2session`);
    url.search = new URLSearchParams({ appid: wx.appId, secret: wx.secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(wx.timeoutMs) });
    } catch (err) {
      const name = (err as Error).name;
      throw unavailable(name === 'TimeoutError' || name === 'AbortError' ? '超时' : '无法连接');
    }
    if (!res.ok) throw unavailable(`HTTP ${res.status}`);
    let body: Record<string, unknown>;
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      throw unavailable('应答格式错误');
    }
    if (body === null || typeof body !== 'object') throw unavailable('应答格式错误');
    const errcode = Number(body.errcode ?? 0);
    if (errcode === 40029 || errcode === 40163) {
      throw new DomainException(ErrorCode.WECHAT_CODE_INVALID, 401, '微信登录凭证无效或已使用，请重新登录');
    }
    if (errcode === 45011) throw new DomainException(ErrorCode.WECHAT_RATE_LIMITED, 429, '登录太频繁，请稍后再试');
    if (errcode === 40226) throw new DomainException(ErrorCode.WECHAT_CODE_INVALID, 403, '微信账号存在风险，暂时无法登录');
    if (errcode !== 0) throw unavailable(`错误码 ${errcode}`);
    const { openid, session_key: sessionKey, unionid } = body as { openid?: unknown; session_key?: unknown; unionid?: unknown };
    if (typeof openid !== 'string' || !/^[\w-]{6,64}$/.test(openid) || typeof sessionKey !== 'string' || !sessionKey) {
      throw unavailable('应答缺少字段');
    }
    return { openid, sessionKey, unionid: typeof unionid === 'string' ? unionid : null };
  }
}
