import Taro from '@tarojs/taro';
import { ApiError, request } from '@/services/request';
import { mockApi, resetTaro, setToken } from './helpers';

describe('services/request', () => {
  beforeEach(() => resetTaro());

  it('maps an error response to an ApiError carrying the server code, message and request id', async () => {
    setToken();
    mockApi(() => ({ status: 404, body: { code: 'CONCERN_NOT_FOUND', message: '没有找到这个问题', requestId: 'r-1' } }));

    const error = await request('/api/concerns/9').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONCERN_NOT_FOUND', message: '没有找到这个问题', status: 404, requestId: 'r-1' });
    expect(Taro.getStorageSync('linli.token')).toBe('test-token');
  });

  it('clears the token and returns to the login page on a 401', async () => {
    setToken();
    mockApi(() => ({ status: 401, body: { code: 'TOKEN_INVALID', message: '登录已过期，请重新登录', requestId: 'r-2' } }));

    await expect(request('/api/me')).rejects.toMatchObject({ code: 'TOKEN_INVALID', status: 401 });

    expect(Taro.getStorageSync('linli.token')).toBe('');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('sends the bearer token, the idempotency key and an encoded query', async () => {
    setToken('abc');
    const sent = mockApi(() => ({ status: 200, body: { items: [], nextCursor: null } }));

    await request('/api/concerns', { method: 'POST', body: { text: '漏水' }, idempotencyKey: 'key-1', query: { cursor: 'a b', limit: 20, status: undefined } });

    expect(sent[0].url).toBe('/api/concerns?cursor=a%20b&limit=20');
    expect(sent[0].header.Authorization).toBe('Bearer abc');
    expect(sent[0].header['idempotency-key']).toBe('key-1');
    expect(sent[0].data).toEqual({ text: '漏水' });
  });

  it('turns a failed connection into a NETWORK_ERROR whose outcome is unknown', async () => {
    mockApi(() => 'network-error');
    const error = (await request('/api/me').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(0);
    expect(error.outcomeUnknown).toBe(true);
  });

  it('uses a readable fallback message when the error body is not the standard shape', async () => {
    mockApi(() => ({ status: 502, body: '<html>Bad gateway</html>' }));
    await expect(request('/api/me')).rejects.toMatchObject({ code: 'HTTP_502', message: '服务暂时不可用，请稍后再试' });
  });
});
