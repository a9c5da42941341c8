import Taro from '@tarojs/taro';
import { __mock } from './mocks/taro';

export interface SentRequest {
  url: string;
  method: string;
  header: Record<string, string>;
  data: unknown;
}

export type Reply = { status: number; body?: unknown } | 'network-error';
export type Handler = (req: SentRequest) => Reply | undefined;

const requestMock = Taro.request as unknown as jest.Mock;

/** Route Taro.request through a handler; returns the list of requests sent. */
export function mockApi(handler: Handler): SentRequest[] {
  const sent: SentRequest[] = [];
  requestMock.mockImplementation(async (opts: SentRequest) => {
    const req: SentRequest = { url: opts.url, method: opts.method ?? 'GET', header: opts.header ?? {}, data: opts.data };
    sent.push(req);
    const reply = handler(req);
    if (!reply) return { statusCode: 404, data: { code: 'ROUTE_NOT_FOUND', message: '没有这个接口', requestId: 't' }, header: {} };
    if (reply === 'network-error') throw { errMsg: 'request:fail' };
    return { statusCode: reply.status, data: reply.body ?? {}, header: {} };
  });
  return sent;
}

/** "GET /api/me" style key for a request (path without query). */
export function routeOf(req: SentRequest): string {
  return `${req.method} ${req.url.split('?')[0]}`;
}

export function resetTaro(): void {
  __mock.reset();
  requestMock.mockReset();
}

export function setToken(token = 'test-token'): void {
  Taro.setStorageSync('linli.token', token);
}

export const residentMe = {
  id: 1,
  name: '王秀兰',
  role: 'resident' as const,
  phoneMasked: '138****5678',
  unit: null,
  scope: null,
};

export const gridWorkerMe = {
  id: 2,
  name: '李建国',
  role: 'grid_worker' as const,
  phoneMasked: '139****0002',
  unit: null,
  scope: { level: 'grid' as const, id: 2, name: '第一网格' },
};

/** Serve GET /api/me with the given user, everything else through handler. */
export function withMe(me: object, handler: Handler): Handler {
  return (req) => (routeOf(req) === 'GET /api/me' ? { status: 200, body: me } : handler(req));
}
