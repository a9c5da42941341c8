import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import HomePage from '@/pages/home/index';
import { mockApi, resetTaro, routeOf, residentMe, setToken } from './helpers';

function serve(me: object, unread = 0) {
  return mockApi((req) => {
    if (routeOf(req) === 'GET /api/me') return { status: 200, body: me };
    if (routeOf(req) === 'GET /api/notifications/unread-count') return { status: 200, body: { unread } };
    return undefined;
  });
}

const unit = { unitId: 5, label: '创业一社区 3号楼 2单元', communityId: 1, gridId: 2, confirmed: false };

describe('home page', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('sends a guest without a token to the login page', () => {
    Taro.removeStorageSync('linli.token');
    const sent = serve(residentMe);
    render(<HomePage />);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(sent).toHaveLength(0);
  });

  it('asks a resident without a unit to choose one, and opens the unit page', async () => {
    serve(residentMe, 3);
    render(<HomePage />);

    fireEvent.click(await screen.findByText('请先选择您居住的单元'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/unit/index' });
    expect(screen.getByText('3 条未读')).toBeTruthy();
    expect(screen.queryByText('工作台')).toBeNull();
  });

  it('tells a resident with an unconfirmed unit that concerns will be marked', async () => {
    serve({ ...residentMe, unit });
    render(<HomePage />);
    expect(await screen.findByText('您的住址待网格员确认，提交的问题会标注“未确认”')).toBeTruthy();
    expect(screen.queryByText('请先选择您居住的单元')).toBeNull();
  });

  it('shows staff the 工作台 entry to the grid worker inbox', async () => {
    serve({ ...residentMe, name: '李建国', role: 'grid_worker', scope: { level: 'grid', id: 2, name: '第一网格' } });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/inbox/index' });
    expect(screen.queryByText('我要反映问题')).toBeNull();
  });

  it('opens the new concern page from the big button', async () => {
    serve(residentMe);
    render(<HomePage />);
    fireEvent.click(await screen.findByText('我要反映问题'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/new/index' });
  });
});
