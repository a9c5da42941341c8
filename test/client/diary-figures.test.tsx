import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import StaffDiaryPage from '@/packages/staff/diary/index';
import StaffFiguresPage from '@/packages/staff/figures/index';
import { chinaTime, dayLabel, shiftDay } from '@/packages/staff/diary/use-diary-model';
import { chinaToday, lastDays, percent, periodText } from '@/packages/staff/figures/use-figures-model';
import { gridWorkerMe, mockApi, resetTaro, routeOf, setToken, withMe, type SentRequest } from './helpers';

const TODAY = '2026-11-23';
const staffMe = { ...gridWorkerMe, id: 5, name: '陈主任', role: 'community_staff' as const, scope: { level: 'community' as const, id: 1, name: '创业一社区' } };
const worker = { id: 2, name: '李建国', role: 'grid_worker', roleLabel: '网格员', areaName: '第一网格' };
const staffPerson = { id: 5, name: '陈主任', role: 'community_staff', roleLabel: '社区工作人员', areaName: '创业一社区' };

function diary(day: string, user = worker, extra: Partial<{ actions: unknown[]; notes: unknown[] }> = {}) {
  return {
    day,
    today: TODAY,
    user,
    actions: [
      { at: '2026-11-23T01:05:00.000Z', concernId: 11, type: 'accepted', label: '受理了问题', toLevel: null, categoryLabel: '漏水', placeLabel: '创业一社区 3号楼 2单元', note: null },
      { at: '2026-11-23T06:30:00.000Z', concernId: 12, type: 'escalated', label: '上报给社区', toLevel: 'community', categoryLabel: '噪音扰民', placeLabel: null, note: '需要社区协调' },
    ],
    notes: [{ id: 1, at: '2026-11-23T02:00:00.000Z', text: '走访了独居的赵大爷' }],
    ...extra,
  };
}

const query = (req: SentRequest) => new URLSearchParams(req.url.split('?')[1] ?? '');

describe('diary helpers', () => {
  it('count days and China time whatever the phone’s time zone', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(chinaTime('2026-11-22T16:00:00.000Z')).toBe('00:00');
    expect(chinaTime('2026-11-23T01:05:00.000Z')).toBe('09:05');
    expect(dayLabel(TODAY, TODAY)).toBe('2026-11-23（今天）');
    expect(dayLabel('2026-11-22', TODAY)).toBe('2026-11-22（昨天）');
    expect(dayLabel('2026-11-20', TODAY)).toBe('2026-11-20');
  });
});

describe('work diary page (一日一记)', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('shows today’s actions in China time and the notes, and adds a note to today', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/diary') return { status: 200, body: diary(TODAY) };
      if (route === 'POST /api/diary/notes') return { status: 201, body: { id: 2, at: '2026-11-23T08:00:00.000Z', text: (req.data as { text: string }).text } };
      return undefined;
    }));
    render(<StaffDiaryPage />);

    expect(await screen.findByText('我的工作日记')).toBeTruthy();
    expect(screen.getByText('2026-11-23（今天）')).toBeTruthy();
    expect(screen.getByText('09:05')).toBeTruthy();
    expect(screen.getByText('受理了问题')).toBeTruthy();
    expect(screen.getByText('漏水 · 创业一社区 3号楼 2单元')).toBeTruthy();
    expect(screen.getByText('14:30')).toBeTruthy();
    expect(screen.getByText('上报给社区')).toBeTruthy();
    expect(screen.getByText('备注：需要社区协调')).toBeTruthy();
    expect(screen.getByText('走访了独居的赵大爷')).toBeTruthy();
    // No staff picker for a grid worker, and the first request lets the server choose the day.
    expect(screen.queryByText('看谁的日记')).toBeNull();
    expect(sent.find((r) => routeOf(r) === 'GET /api/diary')!.url).toBe('/api/diary');

    fireEvent.change(document.getElementById('diary-note-text')!, { target: { value: '  检查了消防通道  ' } });
    await act(async () => {
      fireEvent.click(screen.getByText('记下来'));
    });

    expect(sent.find((r) => routeOf(r) === 'POST /api/diary/notes')!.data).toEqual({ text: '检查了消防通道' });
    expect(await screen.findByText('检查了消防通道')).toBeTruthy();
    expect(screen.getByText('记事（2 条）')).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已记下', icon: 'success' });
    expect((document.getElementById('diary-note-text') as HTMLTextAreaElement).value).toBe('');
  });

  it('an empty note is not sent; tapping an action opens the concern', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) => (routeOf(req) === 'GET /api/diary' ? { status: 200, body: diary(TODAY) } : undefined)));
    render(<StaffDiaryPage />);
    await screen.findByText('受理了问题');
    await act(async () => {
      fireEvent.click(screen.getByText('记下来'));
    });
    expect(screen.getByText('请先写下要记的事')).toBeTruthy();
    expect(sent.map(routeOf)).not.toContain('POST /api/diary/notes');
    fireEvent.click(screen.getByText('受理了问题'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=11' });
  });

  it('前一天 loads the day before; a past day has no note box, and 后一天 comes back to today', async () => {
    const sent = mockApi(withMe(gridWorkerMe, (req) => {
      if (routeOf(req) !== 'GET /api/diary') return undefined;
      const day = query(req).get('day') ?? TODAY;
      return { status: 200, body: diary(day, worker, day === TODAY ? {} : { actions: [], notes: [] }) };
    }));
    render(<StaffDiaryPage />);
    await screen.findByText('2026-11-23（今天）');
    expect(screen.getByText('后一天').closest('button')!.disabled).toBe(true);

    await act(async () => {
      fireEvent.click(screen.getByText('前一天'));
    });
    expect(await screen.findByText('2026-11-22（昨天）')).toBeTruthy();
    expect(query(sent[sent.length - 1]).get('day')).toBe('2026-11-22');
    expect(screen.getByText('这一天没有办理记录。')).toBeTruthy();
    expect(screen.getByText('这一天没有记事。')).toBeTruthy();
    expect(screen.queryByText('记下来')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByText('后一天'));
    });
    expect(await screen.findByText('2026-11-23（今天）')).toBeTruthy();
    expect(query(sent[sent.length - 1]).get('day')).toBe(TODAY);
    expect(screen.getByText('记下来')).toBeTruthy();
  });

  it('community staff pick whose diary to read; another person’s diary has no note box', async () => {
    const sent = mockApi(withMe(staffMe, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/diary/staff') return { status: 200, body: { items: [staffPerson, worker] } };
      if (route === 'GET /api/diary') {
        const userId = query(req).get('userId');
        return { status: 200, body: userId === '2' ? diary(TODAY) : diary(TODAY, staffPerson, { actions: [], notes: [] }) };
      }
      return undefined;
    }));
    render(<StaffDiaryPage />);
    expect(await screen.findByText('看谁的日记')).toBeTruthy();
    await screen.findByText('我的工作日记');
    expect(screen.getByText('社区工作人员 · 创业一社区')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByText('李建国'));
    });
    expect(await screen.findByText('李建国（网格员）的工作日记')).toBeTruthy();
    const last = sent.filter((r) => routeOf(r) === 'GET /api/diary').pop()!;
    expect([query(last).get('userId'), query(last).get('day')]).toEqual(['2', TODAY]);
    expect(document.getElementById('diary-staff-2')!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText('走访了独居的赵大爷')).toBeTruthy();
    expect(screen.queryByText('记下来')).toBeNull();

    // 前一天 keeps the chosen person.
    await act(async () => {
      fireEvent.click(screen.getByText('前一天'));
    });
    await waitFor(() => expect(query(sent[sent.length - 1]).get('day')).toBe('2026-11-22'));
    expect(query(sent[sent.length - 1]).get('userId')).toBe('2');
  });

  it('a failed load shows the server’s message and retries', async () => {
    let fail = true;
    mockApi(withMe(gridWorkerMe, (req) => {
      if (routeOf(req) !== 'GET /api/diary') return undefined;
      return fail ? { status: 404, body: { code: 'DIARY_NOT_FOUND', message: '没有找到这份工作日记', requestId: 'r' } } : { status: 200, body: diary(TODAY) };
    }));
    render(<StaffDiaryPage />);
    expect(await screen.findByText('没有找到这份工作日记')).toBeTruthy();
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(await screen.findByText('受理了问题')).toBeTruthy();
    expect(screen.queryByText('没有找到这份工作日记')).toBeNull();
  });
});

function counts(over: Record<string, unknown> = {}) {
  return {
    received: 4, acceptedWithinDeadline: 3, responseRate: 0.75, resolved: 3, resolutionRate: 0.75, rated: 2, satisfied: 1, satisfactionRate: 0.5,
    medianHoursToResolve: 30, inProgress: 1, closedWithoutResolution: 0, overdueNow: 1, proxy: 1, proxyShare: 0.25,
    ...over,
  };
}

function figures(level: 'community' | 'grid', id: number, name: string, perChild: unknown[], over: Record<string, unknown> = {}) {
  return {
    area: { level, id, name },
    period: { from: '2026-10-25', to: TODAY },
    ...counts(),
    escalations: { community: 2, street: 1, department: 0 },
    plain: '记录在册 4 件，已解决 3 件，正在落实 1 件',
    perChild,
    ...over,
  };
}

const grids = [
  { level: 'grid', id: 7, name: '第一网格', ...counts({ received: 3, acceptedWithinDeadline: 2, responseRate: 0.6667, resolved: 2, resolutionRate: 0.6667, overdueNow: 0 }) },
  { level: 'grid', id: 8, name: '第二网格', ...counts({ received: 1, acceptedWithinDeadline: 1, responseRate: 1, resolved: 1, resolutionRate: 1, rated: 0, satisfied: 0, satisfactionRate: null }) },
];

describe('figures helpers', () => {
  it('show rates as percentages and periods in plain words', () => {
    expect(percent(0.75)).toBe('75%');
    expect(percent(0.6667)).toBe('66.7%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
    expect(periodText({ from: '2026-10-25', to: '2026-11-23' })).toBe('10月25日至11月23日');
    expect(lastDays(7, '2026-03-03')).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(chinaToday(Date.parse('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
});

describe('figures page (统计)', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('shows the plain line first, the rates as percentages and one row per grid', async () => {
    const sent = mockApi(withMe(staffMe, (req) => (routeOf(req) === 'GET /api/figures/concerns' ? { status: 200, body: figures('community', 1, '创业一社区', grids) } : undefined)));
    render(<StaffFiguresPage />);

    const plain = await screen.findByText('记录在册 4 件，已解决 3 件，正在落实 1 件');
    expect(plain.className).toBe('figures-plain');
    const order = Array.from(document.querySelectorAll('#figures-area, #figures-plain, #figures-response')).map((e) => e.id);
    expect(order).toEqual(['figures-area', 'figures-plain', 'figures-response']);
    expect(screen.getByText('创业一社区 · 10月25日至11月23日')).toBeTruthy();
    expect(screen.getByText('75%（24小时内受理 3/4 件）')).toBeTruthy();
    expect(screen.getByText('75%（3/4 件）')).toBeTruthy();
    expect(screen.getByText('50%（4分及以上 1/2 件）')).toBeTruthy();
    expect(screen.getByText('一半的问题在 30 小时内解决')).toBeTruthy();
    expect(screen.getByText('到社区 2 次，到街道 1 次，到职能部门 0 次')).toBeTruthy();
    expect(screen.getByText('1 件（占 25%）')).toBeTruthy();
    expect(screen.getByText('各网格')).toBeTruthy();
    expect(screen.getByText('第一网格')).toBeTruthy();
    expect(screen.getByText('响应率 66.7% · 解决率 66.7% · 满意率 50%')).toBeTruthy();
    expect(screen.getByText('响应率 100% · 解决率 100% · 满意率 — · 超时 1 件')).toBeTruthy();
    // The last 30 days up to today (China time), my own area.
    const q = query(sent.find((r) => routeOf(r) === 'GET /api/figures/concerns')!);
    expect([q.get('level'), q.get('id'), q.get('from'), q.get('to')]).toEqual([null, null, lastDays(30).from, chinaToday()]);
  });

  it('a grid row opens that grid’s figures; 返回上一级 comes back; the period tabs keep the area', async () => {
    const sent = mockApi(withMe(staffMe, (req) => {
      if (routeOf(req) !== 'GET /api/figures/concerns') return undefined;
      const q = query(req);
      return q.get('level') === 'grid'
        ? { status: 200, body: figures('grid', 7, '第一网格', [], { plain: '记录在册 3 件，已解决 2 件，正在落实 1 件' }) }
        : { status: 200, body: figures('community', 1, '创业一社区', grids) };
    }));
    render(<StaffFiguresPage />);
    await screen.findByText('第一网格');

    await act(async () => {
      fireEvent.click(screen.getByText('第一网格'));
    });
    expect(await screen.findByText('记录在册 3 件，已解决 2 件，正在落实 1 件')).toBeTruthy();
    expect([query(sent[sent.length - 1]).get('level'), query(sent[sent.length - 1]).get('id')]).toEqual(['grid', '7']);
    expect(screen.queryByText('各网格')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByText('近7天'));
    });
    const week = query(sent[sent.length - 1]);
    expect([week.get('level'), week.get('id'), week.get('from'), week.get('to')]).toEqual(['grid', '7', lastDays(7).from, chinaToday()]);
    expect(document.getElementById('figures-period-7')!.getAttribute('aria-selected')).toBe('true');

    await act(async () => {
      fireEvent.click(screen.getByText('返回上一级'));
    });
    expect(await screen.findByText('记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();
    const back = query(sent[sent.length - 1]);
    expect([back.get('level'), back.get('from')]).toEqual([null, lastDays(7).from]);
    expect(screen.queryByText('返回上一级')).toBeNull();
  });

  it('a failed load shows the server’s message', async () => {
    mockApi(withMe(staffMe, (req) =>
      routeOf(req) === 'GET /api/figures/concerns' ? { status: 404, body: { code: 'AREA_NOT_FOUND', message: '没有找到这个辖区', requestId: 'r' } } : undefined,
    ));
    render(<StaffFiguresPage />);
    expect(await screen.findByText('没有找到这个辖区')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
