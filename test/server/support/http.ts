import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse } from '../../../contracts/auth.contract';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/** Calls the real HTTP stack in-process (fastify inject): routing, guards, pipes, filter. */
export function api(app: NestFastifyApplication) {
  const call = async <T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<Res<T>> => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | undefined;
    if (opts.rawBody !== undefined) payload = opts.rawBody;
    else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await app.getHttpAdapter().getInstance().inject({ method, url, headers, payload });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: body as T, headers: res.headers as Res['headers'] };
  };
  // Tokens per user id; forget them whenever the database is emptied (ids are reused with other roles).
  const tokens = new Map<number, string>();
  const login = async (userId: number): Promise<string> => {
    const res = await call<LoginResponse>('POST', '/api/auth/dev-login', { body: { userId } });
    if (res.status !== 200) throw new Error(`dev-login ${userId} -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  };
  return {
    call,
    login,
    /** A (cached) token for this user. */
    as: async (user: { id: number }) => tokens.get(user.id) ?? tokens.set(user.id, await login(user.id)).get(user.id)!,
    forgetTokens: () => tokens.clear(),
    get: <T = any>(url: string, token?: string) => call<T>('GET', url, { token }),
    post: <T = any>(url: string, body: unknown, token?: string, headers?: Record<string, string>) => call<T>('POST', url, { body, token, headers }),
    put: <T = any>(url: string, body: unknown, token?: string) => call<T>('PUT', url, { body, token }),
  };
}
