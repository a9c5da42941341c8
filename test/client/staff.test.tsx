import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffInboxPage from '@/packages/staff/inbox/index';
import StaffResidentsPage from '@/packages/staff/residents/index';
import { gridWorkerMe, mockApi, resetTaro, routeOf, setToken, withMe } from './helpers';

function concern(id: number, status: 'submitted' | 'accepted') {
  return {
    id,
    category: 'noise',
    categoryLabel: '噪音扰民',
    text: `问题${id}：楼下广场舞声音太大`,
    status,
    statusLabel: status === 'submitted' ? '已提交' : '已受理',
    placeLabel: '创业一社区 3号楼 2单元',
    gridName: '第一网格',
    submitterName: '王秀兰',
    unconfirmed: id === 1,
    holderName: '李建国',
    holderRoleLabel: '网格员',
    firstOwnerName: null,
    createdAt: '2026-11-23T08:00:00.000Z',
    acceptedAt: null,
  };
}

describe('grid worker inbox', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('lists 待受理 concerns, accepts one and refreshes the list', async () => {
    let accepted = false;
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/concerns/inbox') {
        return { status: 200, body: { items: accepted ? [] : [concern(1, 'submitted')], nextCursor: null } };
      }
      if (route === 'POST /api/concerns/1/accept') {
        accepted = true;
        return { status: 200, body: { ...concern(1, 'accepted'), timeline: [] } };
      }
      return undefined;
    }));
    render(<StaffInboxPage />);

    expect(await screen.findByText('问题1：楼下广场舞声音太大')).toBeTruthy();
    expect(screen.getByText('王秀兰 · 创业一社区 3号楼 2单元')).toBeTruthy();
    expect(screen.getByText('未确认')).toBeTruthy();
    expect(sent.find((r) => routeOf(r) === 'GET /api/concerns/inbox')?.url).toContain('status=submitted');

    await act(async () => {
      fireEvent.click(screen.getByText('受理'));
    });

    await waitFor(() => expect(screen.getByText('没有待受理的问题。')).toBeTruthy());
    expect(sent.map(routeOf).filter((r) => r !== 'GET /api/me')).toEqual([
      'GET /api/concerns/inbox',
      'POST /api/concerns/1/accept',
      'GET /api/concerns/inbox',
    ]);
  });

  it('the 全部 tab drops the status filter and shows 受理 only for submitted concerns', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) =>
      routeOf(req) === 'GET /api/concerns/inbox'
        ? {
            status: 200,
            body: { items: req.url.includes('status=') ? [] : [concern(1, 'submitted'), concern(2, 'accepted')], nextCursor: null },
          }
        : undefined,
    ));
    render(<StaffInboxPage />);
    await screen.findByText('没有待受理的问题。');

    await act(async () => {
      fireEvent.click(screen.getByText('全部'));
    });

    await screen.findByText('问题2：楼下广场舞声音太大');
    expect(sent[sent.length - 1].url).not.toContain('status=');
    expect(screen.getAllByText('受理')).toHaveLength(1);
  });
});

describe('street admin in the inbox', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('sees the concerns but no 受理 button (only grid workers and community staff accept)', async () => {
    mockApi(
      withMe({ ...gridWorkerMe, role: 'street_admin' }, (req) =>
        routeOf(req) === 'GET /api/concerns/inbox' ? { status: 200, body: { items: [concern(1, 'submitted')], nextCursor: null } } : undefined,
      ),
    );
    render(<StaffInboxPage />);
    expect(await screen.findByText('问题1：楼下广场舞声音太大')).toBeTruthy();
    expect(screen.queryByText('受理')).toBeNull();
  });
});

describe('unconfirmed residents', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('confirms a resident and removes them from the list', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/org/residents/unconfirmed') {
        return {
          status: 200,
          body: { items: [{ id: 7, name: '赵大爷', phoneMasked: '139****0001', unitLabel: '创业一社区 1号楼 1单元', since: '2026-11-20T00:00:00Z' }] },
        };
      }
      if (route === 'POST /api/org/residents/7/confirm') return { status: 200, body: {} };
      return undefined;
    }));
    render(<StaffResidentsPage />);

    expect(await screen.findByText('赵大爷')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('确认'));
    });

    expect(sent.map(routeOf)).toContain('POST /api/org/residents/7/confirm');
    expect(screen.queryByText('赵大爷')).toBeNull();
    expect(screen.getByText('没有待确认的居民。')).toBeTruthy();
  });
});
