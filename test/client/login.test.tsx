import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import LoginPage from '@/pages/login/index';
import { mockApi, resetTaro, routeOf, residentMe } from './helpers';

describe('login page (browser)', () => {
  beforeEach(() => resetTaro());

  it('lists the demo users as big buttons and logs in as the tapped one', async () => {
    const sent = mockApi((req) => {
      switch (routeOf(req)) {
        case 'GET /api/auth/options':
          return { status: 200, body: { wechat: false, devLogin: true } };
        case 'GET /api/auth/demo-users':
          return {
            status: 200,
            body: {
              items: [
                { id: 1, name: '王秀兰', role: 'resident', areaName: '创业一社区' },
                { id: 2, name: '李建国', role: 'grid_worker', areaName: '第一网格' },
              ],
            },
          };
        case 'POST /api/auth/dev-login':
          return { status: 200, body: { token: 'tok-1', expiresAt: '2026-12-01T00:00:00Z', user: residentMe } };
        default:
          return undefined;
      }
    });
    render(<LoginPage />);

    const button = await screen.findByText('王秀兰 · 居民 · 创业一社区');
    expect(screen.getByText('李建国 · 网格员 · 第一网格')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button);
    });

    expect(sent.find((r) => routeOf(r) === 'POST /api/auth/dev-login')?.data).toEqual({ userId: 1 });
    expect(Taro.getStorageSync('linli.token')).toBe('tok-1');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });

  it('does not offer demo users when dev login is off', async () => {
    const sent = mockApi((req) =>
      routeOf(req) === 'GET /api/auth/options' ? { status: 200, body: { wechat: true, devLogin: false } } : undefined,
    );
    render(<LoginPage />);

    expect(await screen.findByText('请在微信中打开“邻里”小程序登录。')).toBeTruthy();
    expect(sent.map(routeOf)).toEqual(['GET /api/auth/options']);
  });
});
