import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ChooseUnitPage from '@/packages/account/unit/index';
import NotificationsPage from '@/packages/account/notifications/index';
import { __mock } from './mocks/taro';
import { mockApi, resetTaro, routeOf, residentMe, setToken } from './helpers';

/** Wait for a text to appear, then tap it and let the resulting requests settle. */
async function tap(text: string) {
  const el = await screen.findByText(text);
  await act(async () => {
    fireEvent.click(el);
  });
}

describe('unit chooser', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('walks community → building → unit, saves the unit and goes back', async () => {
    __mock.setPages(['pages/me/index', 'packages/account/unit/index']);
    const sent = mockApi((req) => {
      switch (routeOf(req)) {
        case 'GET /api/org/communities':
          return { status: 200, body: { items: [{ id: 1, name: '创业一社区', streetName: '新华街道' }] } };
        case 'GET /api/org/communities/1/buildings':
          return { status: 200, body: { items: [{ id: 3, name: '3号楼', gridName: '第一网格' }] } };
        case 'GET /api/org/buildings/3/units':
          return { status: 200, body: { items: [{ id: 9, name: '2单元' }] } };
        case 'PUT /api/me/unit':
          return { status: 200, body: { ...residentMe, unit: { unitId: 9, label: '创业一社区 3号楼 2单元', communityId: 1, gridId: 2, confirmed: false } } };
        default:
          return undefined;
      }
    });
    render(<ChooseUnitPage />);

    await tap('创业一社区');
    await tap('3号楼');
    await tap('2单元');

    expect(sent.find((r) => routeOf(r) === 'PUT /api/me/unit')?.data).toEqual({ unitId: 9 });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });
});

describe('notifications', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('marks a notification read on tap and opens its link', async () => {
    const sent = mockApi((req) => {
      switch (routeOf(req)) {
        case 'GET /api/notifications':
          return {
            status: 200,
            body: {
              items: [
                { id: 5, type: 'concern_accepted', title: '您的问题已受理', body: '网格员李建国已受理', link: '/packages/concerns/detail/index?id=12', read: false, createdAt: '2026-11-23T08:00:00Z' },
              ],
              nextCursor: null,
            },
          };
        case 'GET /api/notifications/unread-count':
          return { status: 200, body: { unread: 1 } };
        case 'POST /api/notifications/5/read':
          return { status: 200, body: { unread: 0 } };
        default:
          return undefined;
      }
    });
    render(<NotificationsPage />);
    expect(await screen.findByText('您有 1 条未读消息')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText('您的问题已受理'));
    });

    expect(sent.map(routeOf)).toContain('POST /api/notifications/5/read');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=12' });
    expect(screen.getByText('没有未读消息')).toBeTruthy();
    expect(screen.queryByText('未读')).toBeNull();
  });

  it('全部已读 marks everything read', async () => {
    const sent = mockApi((req) => {
      switch (routeOf(req)) {
        case 'GET /api/notifications':
          return {
            status: 200,
            body: { items: [{ id: 5, type: 'x', title: '通知一', body: '内容', link: null, read: false, createdAt: '2026-11-23T08:00:00Z' }], nextCursor: null },
          };
        case 'GET /api/notifications/unread-count':
          return { status: 200, body: { unread: 1 } };
        case 'POST /api/notifications/read-all':
          return { status: 200, body: { unread: 0 } };
        default:
          return undefined;
      }
    });
    render(<NotificationsPage />);
    const readAll = await screen.findByText('全部已读');
    await act(async () => {
      fireEvent.click(readAll);
    });
    expect(sent.map(routeOf)).toContain('POST /api/notifications/read-all');
    expect(screen.getByText('没有未读消息')).toBeTruthy();
  });
});
