import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ConcernsPage from '@/pages/concerns/index';
import { gridWorkerMe, mockApi, residentMe, resetTaro, routeOf, setToken, withMe } from './helpers';

function item(id: number) {
  return {
    id,
    category: 'leak',
    categoryLabel: '漏水',
    text: `第${id}件事`,
    status: 'submitted',
    statusLabel: '已提交',
    placeLabel: '创业一社区 3号楼 2单元',
    gridName: '第一网格',
    submitterName: '王秀兰',
    unconfirmed: false,
    holderName: null,
    holderRoleLabel: null,
    firstOwnerName: null,
    createdAt: '2026-11-23T08:00:00.000Z',
    acceptedAt: null,
  };
}

describe('concerns tab', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('pages through my concerns with 加载更多 and opens one', async () => {
    const sent = mockApi(
      withMe(residentMe, (req) => {
        if (routeOf(req) !== 'GET /api/concerns/mine') return undefined;
        return req.url.includes('cursor=c2')
          ? { status: 200, body: { items: [item(2)], nextCursor: null } }
          : { status: 200, body: { items: [item(1)], nextCursor: 'c2' } };
      }),
    );
    render(<ConcernsPage />);

    expect(await screen.findByText('第1件事')).toBeTruthy();
    expect(screen.getAllByText('已提交')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(screen.getByText('加载更多'));
    });
    expect(screen.getByText('第2件事')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(sent[sent.length - 1].url).toContain('cursor=c2');
    expect(screen.getByText('我要反映问题')).toBeTruthy();

    fireEvent.click(screen.getByText('第2件事'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=2' });
  });
});

describe('concerns tab: the community’s public concerns', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('a second tab lists GET /api/concerns/public with deadline words and overdue marks; a row opens the detail', async () => {
    const sent = mockApi(
      withMe(residentMe, (req) => {
        if (routeOf(req) === 'GET /api/concerns/mine') return { status: 200, body: { items: [], nextCursor: null } };
        if (routeOf(req) === 'GET /api/concerns/public') {
          return {
            status: 200,
            body: {
              items: [{ ...item(5), text: '小区南门路灯坏了', overdue: true, deadlineText: '通常在 1 天内处理，已超时 1 天', meTooCount: 3 }],
              nextCursor: null,
            },
          };
        }
        return undefined;
      }),
    );
    render(<ConcernsPage />);
    await screen.findByText('您还没有反映过问题。');

    await act(async () => {
      fireEvent.click(screen.getByText('社区公开的问题'));
    });

    expect(await screen.findByText('小区南门路灯坏了')).toBeTruthy();
    expect(sent.map(routeOf)).toContain('GET /api/concerns/public');
    const row = document.getElementById('concern-5')!;
    expect(row.className).toContain('concern-card--overdue');
    expect(row.textContent).toContain('通常在 1 天内处理，已超时 1 天');
    expect(row.textContent).toContain('3 位邻居也遇到了');
    fireEvent.click(screen.getByText('小区南门路灯坏了'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=5' });
  });
});

describe('concerns tab for staff', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('offers the 工作台 instead of 我要反映问题 (only residents submit)', async () => {
    mockApi(withMe(gridWorkerMe, (req) => (routeOf(req) === 'GET /api/concerns/mine' ? { status: 200, body: { items: [], nextCursor: null } } : undefined)));
    render(<ConcernsPage />);
    fireEvent.click(await screen.findByText('工作台'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/inbox/index' });
    expect(screen.queryByText('我要反映问题')).toBeNull();
  });
});
