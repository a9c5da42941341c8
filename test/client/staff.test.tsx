import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ConcernStatus } from '@contracts/concerns.contract';
import type { Role } from '@contracts/roles';
import StaffInboxPage from '@/packages/staff/inbox/index';
import StaffResidentsPage from '@/packages/staff/residents/index';
import { concernItem } from './fixtures';
import { gridWorkerMe, mockApi, resetTaro, routeOf, setToken, withMe } from './helpers';

const STATUS_LABEL: Record<string, string> = { submitted: '已提交', accepted: '已受理', escalated: '已上报', in_progress: '处理中' };

function concern(id: number, status: ConcernStatus, extra: Parameters<typeof concernItem>[0] = {}) {
  return concernItem({ id, status, statusLabel: STATUS_LABEL[status] ?? status, text: `问题${id}：楼下广场舞声音太大`, version: 10 + id, ...extra });
}

const query = (url: string) => new URLSearchParams(url.split('?')[1] ?? '');

async function tap(el: Element) {
  await act(async () => {
    fireEvent.click(el);
  });
}

describe('staff inbox', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('opens on view=inbox; shows submitter, place, 未确认, deadline words and marks overdue rows clearly', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) =>
      routeOf(req) === 'GET /api/concerns/inbox'
        ? {
            status: 200,
            body: {
              items: [
                concern(1, 'submitted', { overdue: true, unconfirmed: true, deadlineText: '通常在 1 天内处理，已超时 2 小时' }),
                concern(2, 'accepted', { deadlineText: '通常在 3 天内处理，已过去 1 天' }),
              ],
              nextCursor: null,
            },
          }
        : undefined,
    ));
    render(<StaffInboxPage />);

    await screen.findByText('问题1：楼下广场舞声音太大');
    expect(query(sent.find((r) => routeOf(r) === 'GET /api/concerns/inbox')!.url).get('view')).toBe('inbox');
    expect(screen.getAllByText('王秀兰 · 创业一社区 3号楼 2单元')).toHaveLength(2);
    expect(screen.getByText('未确认')).toBeTruthy();
    const overdueRow = document.getElementById('concern-1')!;
    expect(overdueRow.className).toContain('concern-card--overdue');
    expect(overdueRow.textContent).toContain('已超时');
    expect(overdueRow.textContent).toContain('通常在 1 天内处理，已超时 2 小时');
    const onTime = document.getElementById('concern-2')!;
    expect(onTime.className).not.toContain('concern-card--overdue');
    expect(onTime.textContent).not.toContain('已超时');
  });

  it('受理 appears only on rows awaiting acceptance, sends the row’s version, then refreshes the list', async () => {
    let accepted = false;
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/concerns/inbox') {
        return {
          status: 200,
          body: {
            items: accepted
              ? [concern(2, 'accepted')]
              : [concern(1, 'submitted'), concern(2, 'accepted'), concern(3, 'escalated'), concern(4, 'in_progress')],
            nextCursor: null,
          },
        };
      }
      if (route === 'POST /api/concerns/1/accept') {
        accepted = true;
        return { status: 200, body: { ...concern(1, 'accepted'), timeline: [] } };
      }
      return undefined;
    }));
    render(<StaffInboxPage />);
    await screen.findByText('问题1：楼下广场舞声音太大');

    const accepts = () => Array.from(document.querySelectorAll('.concern-card__action')).map((b) => b.closest('.concern-card')!.id);
    expect(accepts()).toEqual(['concern-1', 'concern-3']);

    await tap(document.querySelector('#concern-1 .concern-card__action')!);

    const accept = sent.find((r) => routeOf(r) === 'POST /api/concerns/1/accept')!;
    expect(accept.data).toEqual({ version: 11 });
    await waitFor(() => expect(screen.queryByText('问题1：楼下广场舞声音太大')).toBeNull());
    expect(sent.map(routeOf).filter((r) => r !== 'GET /api/me')).toEqual([
      'GET /api/concerns/inbox',
      'POST /api/concerns/1/accept',
      'GET /api/concerns/inbox',
    ]);
  });

  it('shows the server’s message when someone else accepted first, and reloads the list', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/concerns/inbox') return { status: 200, body: { items: [concern(1, 'submitted')], nextCursor: null } };
      if (route === 'POST /api/concerns/1/accept') {
        return { status: 409, body: { code: 'CONCERN_STATE_CONFLICT', message: '这条问题刚被其他人处理过，请看最新状态', requestId: 'r' } };
      }
      return undefined;
    }));
    render(<StaffInboxPage />);
    await screen.findByText('问题1：楼下广场舞声音太大');

    await tap(screen.getByText('受理'));

    expect(document.getElementById('inbox-action-error')!.textContent).toBe('这条问题刚被其他人处理过，请看最新状态');
    expect(sent.filter((r) => routeOf(r) === 'GET /api/concerns/inbox')).toHaveLength(2);
  });

  it('辖区全部 asks for view=area and offers no quick 受理 (the level may not hold those rows)', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) =>
      routeOf(req) === 'GET /api/concerns/inbox'
        ? { status: 200, body: { items: query(req.url).get('view') === 'area' ? [concern(5, 'submitted')] : [], nextCursor: null } }
        : undefined,
    ));
    render(<StaffInboxPage />);
    await screen.findByText('没有需要您处理的问题。');

    await tap(screen.getByText('辖区全部'));

    await screen.findByText('问题5：楼下广场舞声音太大');
    expect(query(sent[sent.length - 1].url).get('view')).toBe('area');
    expect(screen.queryByText('受理')).toBeNull();
  });

  it('filters by status and category, and pages on with 加载更多 (nextCursor) keeping the filters', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      if (routeOf(req) !== 'GET /api/concerns/inbox') return undefined;
      const q = query(req.url);
      if (q.get('cursor') === 'c2') return { status: 200, body: { items: [concern(8, 'accepted')], nextCursor: null } };
      return { status: 200, body: { items: [concern(7, 'accepted')], nextCursor: q.get('category') ? 'c2' : null } };
    }));
    render(<StaffInboxPage />);
    await screen.findByText('问题7：楼下广场舞声音太大');

    await tap(screen.getByText('筛选：全部状态、全部类别'));
    await tap(document.getElementById('inbox-status-accepted')!);
    await tap(document.getElementById('inbox-category-leak')!);
    expect(screen.getByText('筛选：已受理、漏水（收起）')).toBeTruthy();
    let q = query(sent[sent.length - 1].url);
    expect([q.get('view'), q.get('status'), q.get('category')]).toEqual(['inbox', 'accepted', 'leak']);

    await tap(await screen.findByText('加载更多'));
    q = query(sent[sent.length - 1].url);
    expect([q.get('cursor'), q.get('status'), q.get('category')]).toEqual(['c2', 'accepted', 'leak']);
    expect(screen.getByText('问题8：楼下广场舞声音太大')).toBeTruthy();
    expect(screen.queryByText('加载更多')).toBeNull();

    fireEvent.click(screen.getByText('问题8：楼下广场舞声音太大'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=8' });
  });

  it.each<[Role, string[]]>([
    ['grid_worker', ['inbox-proxy', 'inbox-residents']],
    ['community_staff', ['inbox-residents', 'inbox-categories']],
    ['street_admin', ['inbox-residents']],
    ['department', []],
  ])('the %s gets exactly the entries their role may use', async (role, entries) => {
    mockApi(withMe({ ...gridWorkerMe, role }, (req) =>
      routeOf(req) === 'GET /api/concerns/inbox' ? { status: 200, body: { items: [], nextCursor: null } } : undefined,
    ));
    render(<StaffInboxPage />);
    await screen.findByText('没有需要您处理的问题。');
    const shown = ['inbox-proxy', 'inbox-residents', 'inbox-categories'].filter((id) => document.getElementById(id));
    expect(shown).toEqual(entries);
  });

  it('a department (whistled for by the street) can accept what it holds', async () => {
    const sent = mockApi(withMe({ ...gridWorkerMe, role: 'department', scope: { level: 'department', id: 1, name: '城管局' } }, (req) => {
      if (routeOf(req) === 'GET /api/concerns/inbox') return { status: 200, body: { items: [concern(3, 'escalated', { holderLevel: 'department' })], nextCursor: null } };
      if (routeOf(req) === 'POST /api/concerns/3/accept') return { status: 200, body: { ...concern(3, 'accepted'), timeline: [] } };
      return undefined;
    }));
    render(<StaffInboxPage />);
    await screen.findByText('问题3：楼下广场舞声音太大');
    await tap(screen.getByText('受理'));
    expect(sent.find((r) => routeOf(r) === 'POST /api/concerns/3/accept')!.data).toEqual({ version: 13 });
  });

  it('代居民反映 and 问题类别设置 open their pages', async () => {
    mockApi(withMe(gridWorkerMe, () => ({ status: 200, body: { items: [], nextCursor: null } })));
    const worker = render(<StaffInboxPage />);
    fireEvent.click(await screen.findByText('代居民反映（代办）'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/proxy/index' });
    worker.unmount();

    mockApi(withMe({ ...gridWorkerMe, role: 'community_staff' }, () => ({ status: 200, body: { items: [], nextCursor: null } })));
    render(<StaffInboxPage />);
    fireEvent.click(await screen.findByText('问题类别设置'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/categories/index' });
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

  it('the street admin sees the list but gets no 确认 (only grid workers and community staff confirm)', async () => {
    mockApi(withMe({ ...gridWorkerMe, role: 'street_admin' }, (req) =>
      routeOf(req) === 'GET /api/org/residents/unconfirmed'
        ? { status: 200, body: { items: [{ id: 7, name: '赵大爷', phoneMasked: null, unitLabel: '创业一社区 1号楼 1单元', since: '2026-11-20T00:00:00Z' }] } }
        : undefined,
    ));
    render(<StaffResidentsPage />);
    expect(await screen.findByText('赵大爷')).toBeTruthy();
    expect(screen.queryByText('确认')).toBeNull();
  });
});
