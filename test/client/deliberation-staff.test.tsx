import fs from 'node:fs';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Roles, type Role } from '@contracts/roles';
import DelibStaffSeriesPage from '@/packages/delib-staff/series/index';
import DelibStaffTriagePage from '@/packages/delib-staff/triage/index';
import DelibStaffAgendaPage from '@/packages/delib-staff/agenda/index';
import { canCheckInAttendees, canRunDeliberation } from '@/packages/delib-staff/shared/access';
import { __mock } from './mocks/taro';
import { agenda, agendaItem, posts, queue, queueEntry, series, session, staffMe, type } from './deliberation-staff.fixtures';
import { byId, ok, serveRoutes, tap, text, type Routes } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, resetTaro, routeOf, setToken } from './helpers';

const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
Object.assign(Taro, { showModal });

beforeEach(() => {
  resetTaro();
  setToken();
});

describe('who sees the 议事亭 staff screens', () => {
  it.each([
    ['canRunDeliberation', ['community_staff'], canRunDeliberation],
    ['canCheckInAttendees', ['grid_worker', 'community_staff'], canCheckInAttendees],
  ] as const)('%s: %j', (_name, roles, check) => {
    expect(Roles.filter((r: Role) => check(r))).toEqual(roles);
    expect(check(undefined)).toBe(false);
  });

  it('no staff screen file imports a zod contract at runtime (types only)', () => {
    const client = path.resolve(__dirname, '../../client');
    const files: string[] = [path.join(client, 'services/deliberation-staff.api.ts')];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(e.name)) files.push(full);
      }
    };
    walk(path.join(client, 'packages/delib-staff'));
    walk(path.join(client, 'components/delib-staff'));
    expect(files.length).toBeGreaterThan(20);
    const runtime = files.filter((f) => /^import\s+(?!type\b)[^;]*from '@contracts\/[^']*\.contract'/m.test(fs.readFileSync(f, 'utf8')));
    expect(runtime).toEqual([]);
  });

  it('a resident gets a plain line and no deliberation request is sent', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<DelibStaffSeriesPage />);
    await screen.findByText('这个页面供社区工作人员和网格员在议事现场签到使用。');
    render(<DelibStaffTriagePage />);
    expect(await screen.findByText('这个页面供社区工作人员使用。')).toBeTruthy();
    expect(sent.filter((r) => r.url.includes('/api/deliberation'))).toHaveLength(0);
  });
});

describe('the hub (community staff)', () => {
  function hub(state: { sessions?: ReturnType<typeof session>[]; past?: ReturnType<typeof session>[]; series?: ReturnType<typeof series>[] } = {}, extra: Routes = {}) {
    const live = { sessions: state.sessions ?? [session()], past: state.past ?? [], series: state.series ?? [series()] };
    const sent = serveRoutes(staffMe, {
      'GET /api/deliberation/sessions': (req) => ok(req.url.includes('when=past') ? live.past : live.sessions),
      'GET /api/deliberation/series': () => ok(live.series),
      'GET /api/deliberation/topics': () => ok({ items: [], nextCursor: null, threshold: 5 }),
      'GET /api/deliberation/settings': () => ok({ communityId: 3, supportThreshold: 5, agendaSlots: 3, customised: false }),
      'GET /api/deliberation/representatives': () => ok([{ userId: 44, name: '刘大爷' }]),
      ...extra,
    });
    render(<DelibStaffSeriesPage />);
    return { sent, live };
  }

  it('lists the upcoming sessions with seats, waiting list, sign-up window and the links of each session', async () => {
    hub();
    await screen.findByText('11月29日 周五 17:00–18:30');
    const card = text('session-7');
    expect(card).toContain('中心凉亭');
    expect(card).toContain('共 30 座（居民代表预留 5 座）；已报名 16 人，普通座位还剩 12 个，居民代表席还剩 2 个');
    expect(card).toContain('4 人在候补');
    expect(card).toContain('11月26日 周二 17:00 开始，11月29日 周五 15:00 截止');
    expect(card).toContain('报名中');
    await tap(screen.getByText('签到'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/delib-staff/checkin/index?sessionId=7' });
    await tap(screen.getByText('纪要与决议'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/delib-staff/minutes/index?sessionId=7' });
    await tap(screen.getByText('议程'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/delib-staff/agenda/index?sessionId=7' });
  });

  it('creates a series: says what is missing or wrong, then posts exactly the form and shows it', async () => {
    const { sent, live } = hub({ series: [] }, {
      'POST /api/deliberation/series': (req) => {
        const created = series({ id: 2, ...(req.data as object) });
        live.series = [...live.series, created];
        live.sessions = [session({ id: 9, seriesId: 2, name: '议事厅', place: '社区议事厅' })];
        return { status: 201, body: created };
      },
    });
    await tap(await screen.findByText('议事安排'));
    expect(await screen.findByText('还没有每周议事。')).toBeTruthy();
    await tap(byId('series-new'));
    await tap(byId('series-save'));
    expect(text('series-error')).toBe('请填写名称，例如：议事亭');

    type('series-name', '议事厅');
    type('series-place', '社区议事厅');
    await tap(byId('series-save'));
    expect(text('series-error')).toBe('请选择每周星期几');
    await tap(byId('series-weekday-5'));
    await tap(byId('series-save'));
    expect(text('series-error')).toBe('请选择开始时间');
    fireEvent.change(byId('series-time-picker')!, { target: { value: '19:30' } });
    expect(text('series-time')).toContain('19:30');
    type('series-seats', '30');
    type('series-reserved', '31');
    await tap(byId('series-save'));
    expect(text('series-error')).toBe('居民代表预留座位请填 0 到座位数之间的整数');
    type('series-reserved', '5');
    type('series-duration', '10');
    await tap(byId('series-save'));
    expect(text('series-error')).toBe('时长请填 15 到 480 之间的整数（分钟）');
    type('series-duration', '120');
    expect(posts(sent, 'POST /api/deliberation/series')).toHaveLength(0);

    await tap(byId('series-save'));
    expect(posts(sent, 'POST /api/deliberation/series')[0].data).toEqual({
      name: '议事厅', place: '社区议事厅', weekday: 5, time: '19:30', durationMinutes: 120, seats: 30,
      reservedSeats: 5, opensDaysBefore: 3, closesHoursBefore: 2,
    });
    expect(text('series-2')).toContain('每周五 19:30，120 分钟');
    expect(byId('series-form')).toBeNull();
    // The new series' sessions are fetched again for the sessions tab.
    // The upcoming sessions are loaded again after the series was created (the past ones once).
    await waitFor(() => expect(sent.filter((r) => r.method === 'GET' && r.url === '/api/deliberation/sessions')).toHaveLength(2));
    await tap(screen.getByText('近期议事'));
    expect(text('session-9')).toContain('社区议事厅');
  });

  it('changes a series and says which sessions followed; stops one after asking', async () => {
    const { sent, live } = hub({ series: [series(), series({ id: 2, name: '议事厅', weekday: 3, time: '19:30' })] }, {
      'PUT /api/deliberation/series/1': (req) => ok({ series: series({ ...(req.data as object) }), sessionsUpdated: 3, sessionsKept: 1 }),
      'POST /api/deliberation/series/2/end': () => {
        live.series = [live.series[0]];
        return ok(series({ id: 2, active: false }));
      },
    });
    await tap(await screen.findByText('议事安排'));
    await tap(await screen.findByText('修改', { selector: '#series-1-edit' }));
    expect((byId('series-name') as HTMLInputElement).value).toBe('议事亭');
    expect(text('series-time')).toContain('17:00');
    fireEvent.change(byId('series-time-picker')!, { target: { value: '17:30' } });
    type('series-seats', '40');
    await tap(byId('series-save'));
    expect(posts(sent, 'PUT /api/deliberation/series/1')[0].data).toEqual({
      name: '议事亭', place: '中心凉亭', weekday: 5, time: '17:30', durationMinutes: 90, seats: 40,
      reservedSeats: 5, opensDaysBefore: 3, closesHoursBefore: 2,
    });
    expect(text('series-result')).toBe('已修改。3 场还没人报名的议事已按新设置调整；1 场已有人报名，保持原来的日期（需要时请逐场改期）。');
    expect(text('series-1')).toContain('每周五 17:30');
    expect(text('series-1')).toContain('40 座');

    await tap(byId('series-2-end'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '停止每周议事', confirmText: '停止' }));
    expect(posts(sent, 'POST /api/deliberation/series/2/end')).toHaveLength(1);
    expect(byId('series-2')).toBeNull();
  });

  it('cancels a session only with a reason, then shows it cancelled', async () => {
    const { sent, live } = hub({}, {
      'POST /api/deliberation/sessions/7/cancel': (req) => {
        live.sessions = [session({ status: 'cancelled', cancelReason: (req.data as { reason: string }).reason, registrationOpen: false })];
        return ok(live.sessions[0]);
      },
    });
    await tap(await screen.findByText('取消这场'));
    await tap(byId('session-change-submit'));
    expect(text('session-change-error')).toBe('请写明取消的原因，报名的居民会收到这条通知');
    expect(posts(sent, 'POST /api/deliberation/sessions/7/cancel')).toHaveLength(0);

    type('session-cancel-reason', '  暴雨预警，本周暂停  ');
    await tap(byId('session-change-submit'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/cancel')[0].data).toEqual({ reason: '暴雨预警，本周暂停' });
    await waitFor(() => expect(text('session-7')).toContain('已取消'));
    expect(text('session-7')).toContain('暴雨预警，本周暂停');
    expect(screen.queryByText('取消这场')).toBeNull();
    expect(screen.queryByText('签到')).toBeNull();
  });

  it('moves a session to a new day and time (China time); an unchanged place is not sent', async () => {
    const { sent } = hub({}, { 'POST /api/deliberation/sessions/7/move': () => ok(session({ startsAt: '2030-11-30T11:30:00.000Z' })) });
    await tap(await screen.findByText('改期'));
    expect(text('session-move-day')).toContain('2030-11-29');
    fireEvent.change(byId('session-move-day-picker')!, { target: { value: '2030-11-30' } });
    fireEvent.change(byId('session-move-time-picker')!, { target: { value: '19:30' } });
    await tap(byId('session-change-submit'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/move')[0].data).toEqual({ startsAt: '2030-11-30T19:30:00+08:00' });
  });

  it('a server refusal is shown in its own words', async () => {
    hub({}, {
      'POST /api/deliberation/sessions/7/cancel': () => ({ status: 409, body: { code: 'SESSION_STARTED', message: '这场议事已经开始，不能再更改', requestId: 'r' } }),
    });
    await tap(await screen.findByText('取消这场'));
    type('session-cancel-reason', '临时有事');
    await tap(byId('session-change-submit'));
    expect(text('session-change-error')).toBe('这场议事已经开始，不能再更改');
  });

  it('saves the support threshold and agenda slots', async () => {
    const { sent } = hub({}, {
      'PUT /api/deliberation/settings': (req) => ok({ communityId: 3, ...(req.data as object), customised: true }),
    });
    await tap(await screen.findByText('议题门槛'));
    await waitFor(() => expect((byId('settings-threshold') as HTMLInputElement).value).toBe('5'));
    expect(screen.getByText('目前用的是默认值，可以按本社区情况修改。')).toBeTruthy();
    type('settings-threshold', '0');
    await tap(byId('settings-save'));
    expect(text('settings-error')).toBe('支持数门槛请填 1 到 1000 之间的整数');
    type('settings-threshold', '8');
    type('settings-slots', '4');
    await tap(byId('settings-save'));
    expect(posts(sent, 'PUT /api/deliberation/settings')[0].data).toEqual({ supportThreshold: 8, agendaSlots: 4 });
    expect(await screen.findByText('本社区的设置。')).toBeTruthy();
  });

  it('adds a representative found by name and removes one after asking', async () => {
    const { sent } = hub({}, {
      'GET /api/deliberation/sessions/7/proxy-candidates': () =>
        ok({ items: [{ userId: 44, name: '刘大爷', unitLabel: '1号楼', phoneMasked: null, registration: null }, { userId: 45, name: '王秀兰', unitLabel: '3号楼 2单元', phoneMasked: '138****5678', registration: null }] }),
      'POST /api/deliberation/representatives': () => ok([{ userId: 44, name: '刘大爷' }, { userId: 45, name: '王秀兰' }]),
      'DELETE /api/deliberation/representatives/44': () => ok([{ userId: 45, name: '王秀兰' }]),
    });
    await tap(await screen.findByText('居民代表'));
    expect(text('rep-44')).toContain('刘大爷');
    type('rep-search', '王');
    await tap(byId('rep-search-go'));
    expect(sent.find((r) => routeOf(r) === 'GET /api/deliberation/sessions/7/proxy-candidates')!.url).toContain('q=%E7%8E%8B');
    // Already a representative: not offered again.
    expect(byId('rep-candidate-44')).toBeNull();
    await tap(screen.getByText('设 王秀兰 为居民代表'));
    expect(posts(sent, 'POST /api/deliberation/representatives')[0].data).toEqual({ userId: 45 });
    expect(text('rep-45')).toContain('王秀兰');

    await tap(byId('rep-44-remove'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '移除居民代表', confirmText: '移除' }));
    expect(posts(sent, 'DELETE /api/deliberation/representatives/44')).toHaveLength(1);
    expect(byId('rep-44')).toBeNull();
  });

  it('a grid worker sees only the sessions and their check-in', async () => {
    const sent = serveRoutes(gridWorkerMe, { 'GET /api/deliberation/sessions': () => ok([session()]) });
    render(<DelibStaffSeriesPage />);
    await screen.findByText('11月29日 周五 17:00–18:30');
    expect(screen.getByText('签到')).toBeTruthy();
    for (const hidden of ['议程', '表决', '纪要与决议', '改期', '取消这场', '议事安排', '居民代表']) expect(screen.queryByText(hidden)).toBeNull();
    expect(sent.filter((r) => r.url.includes('/api/deliberation')).map(routeOf)).toEqual(['GET /api/deliberation/sessions']);
  });

  it('lists the sessions that have ended, newest first, with their minutes; a cancelled one says why', async () => {
    hub({
      past: [
        session({ id: 6, startsAt: '2026-11-20T09:00:00.000Z', endsAt: '2026-11-20T10:30:00.000Z', registrationOpen: false }),
        session({ id: 5, startsAt: '2026-11-13T09:00:00.000Z', endsAt: '2026-11-13T10:30:00.000Z', status: 'cancelled', cancelReason: '暴雨' }),
      ],
    });
    const held = await waitFor(() => {
      const el = document.getElementById('held-6');
      if (!el) throw new Error('not yet');
      return el;
    });
    await tap(within(held).getByText('纪要与决议'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/delib-staff/minutes/index?sessionId=6' });
    const cancelled = document.getElementById('held-5')!;
    expect(cancelled.textContent).toContain('已取消：暴雨');
    expect(within(cancelled).queryByText('纪要与决议')).toBeNull();
  });

  it('a failed load says why and loads again on 重试', async () => {
    let fail = true;
    hub({}, {
      'GET /api/deliberation/sessions': (req) =>
        fail && !req.url.includes('when=past')
          ? { status: 503, body: { code: 'DATABASE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试', requestId: 'r' } }
          : ok(req.url.includes('when=past') ? [] : [session()]),
    });
    await screen.findByText('服务暂时不可用，请稍后再试');
    fail = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('11月29日 周五 17:00–18:30')).toBeTruthy();
  });
});

describe('topic triage', () => {
  function triage(extra: Routes = {}) {
    const live = { queue: queue([queueEntry(), queueEntry({ id: 22, title: '楼道堆物', supportCount: 5, queuePosition: 2, autoPlace: false })]) };
    const sent = serveRoutes(staffMe, {
      'GET /api/deliberation/topics/queue': () => ok(live.queue),
      'GET /api/deliberation/topics': () => ok({ items: [], nextCursor: null, threshold: 5 }),
      'GET /api/deliberation/sessions': () => ok([session(), session({ id: 8, startsAt: '2030-12-06T09:00:00.000Z' })]),
      ...extra,
    });
    render(<DelibStaffTriagePage />);
    return { sent, live };
  }

  it('shows the automatic queue order, supports against the threshold and the next session with space', async () => {
    triage();
    await screen.findByText('文明养犬');
    expect(text('triage-queue-rule')).toContain('达到 5 人支持的议题按支持数从多到少');
    expect(text('triage-queue-rule')).toContain('11月29日 周五 17:00 · 中心凉亭，还有 2 个空位');
    expect(text('topic-21')).toContain('6 / 5 人');
    expect(text('topic-21')).toContain('已达门槛');
    expect(text('topic-21')).toContain('自动排队第 1 位');
    expect(text('topic-22')).toContain('第 2 位，已停止自动排入，请手动选择场次');
    expect(screen.getByText('恢复自动排队')).toBeTruthy();
  });

  it('declines a topic only with a reason the proposer will see', async () => {
    const { sent, live } = triage({
      'POST /api/deliberation/topics/21/decline': () => {
        live.queue = queue([queueEntry({ id: 22, title: '楼道堆物', queuePosition: 1 })]);
        return ok({});
      },
    });
    await tap(await screen.findByText('不采纳', { selector: '#topic-21-decline' }));
    await tap(byId('decline-submit'));
    expect(text('triage-error')).toBe('请写明不采纳的原因，提出议题的居民会看到');
    expect(posts(sent, 'POST /api/deliberation/topics/21/decline')).toHaveLength(0);
    type('decline-reason', '属于物业维修范围，已转物业公司');
    await tap(byId('decline-submit'));
    expect(posts(sent, 'POST /api/deliberation/topics/21/decline')[0].data).toEqual({ reason: '属于物业维修范围，已转物业公司' });
    await waitFor(() => expect(byId('topic-21')).toBeNull());
    expect(byId('topic-22')).toBeTruthy();
  });

  it('puts a topic on a chosen session and merges another into it', async () => {
    const { sent } = triage({
      'POST /api/deliberation/topics/21/schedule': () => ok({}),
      'POST /api/deliberation/topics/22/merge': () => ok({}),
    });
    await tap(await screen.findByText('列入议程', { selector: '#topic-21-schedule' }));
    await tap(await screen.findByText('12月6日 周五 17:00 · 中心凉亭'));
    expect(posts(sent, 'POST /api/deliberation/topics/21/schedule')[0].data).toEqual({ sessionId: 8 });

    await tap(await screen.findByText('合并到…', { selector: '#topic-22-merge' }));
    await tap(await screen.findByText('文明养犬（6 人支持）'));
    expect(posts(sent, 'POST /api/deliberation/topics/22/merge')[0].data).toEqual({ targetTopicId: 21 });
  });

  it('lists other statuses from GET /topics?status=', async () => {
    const { sent } = triage();
    await screen.findByText('文明养犬');
    await tap(byId('triage-view-declined'));
    expect(await screen.findByText('这一类没有议题。')).toBeTruthy();
    const get = sent.filter((r) => routeOf(r) === 'GET /api/deliberation/topics').pop()!;
    expect(new URLSearchParams(get.url.split('?')[1]).get('status')).toBe('declined');
  });
});

describe('agenda builder', () => {
  function builder(initial = agenda([]), extra: Routes = {}) {
    const live = { agenda: initial };
    const sent = serveRoutes(staffMe, {
      'GET /api/deliberation/sessions/7': () => ok(session()),
      'GET /api/deliberation/sessions/7/agenda': () => ok(live.agenda),
      'GET /api/deliberation/topics/queue': () => ok(queue()),
      'GET /api/deliberation/topics': () => ok({ items: [], nextCursor: null, threshold: 5 }),
      ...extra,
    });
    __mock.setRouterParams({ sessionId: '7' });
    render(<DelibStaffAgendaPage />);
    return { sent, live };
  }

  it('adds a free item in the five-step form', async () => {
    const { sent, live } = builder(agenda([]), {
      'POST /api/deliberation/sessions/7/agenda': () => {
        live.agenda = agenda([agendaItem({ id: 33, title: '电动车进楼', who: { parties: ['representatives', 'police'], partyTexts: ['居民代表', '社区民警'], others: '' } })]);
        return { status: 201, body: live.agenda.items[0] };
      },
    });
    expect(await screen.findByText('还没有议程。')).toBeTruthy();
    expect(text('agenda-slots')).toBe('议程 0 / 3 项');
    await tap(byId('agenda-add-free'));
    await tap(byId('agenda-save'));
    expect(text('agenda-form-error')).toBe('请填写议程标题，例如：文明养犬');
    type('agenda-title', '电动车进楼');
    expect((byId('agenda-where') as HTMLInputElement).value).toBe('中心凉亭');
    type('agenda-what', '电动车在楼道充电，有起火危险');
    await tap(byId('agenda-party-police'));
    expect(byId('agenda-party-police')!.getAttribute('aria-checked')).toBe('true');
    type('agenda-others', '电动车车主代表');
    await tap(byId('agenda-save'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/agenda')[0].data).toEqual({
      title: '电动车进楼',
      whereText: '中心凉亭',
      whatText: '电动车在楼道充电，有起火危险',
      who: { parties: ['representatives', 'police'], others: '电动车车主代表' },
      howText: '先充分讨论，再举手和线上表决',
    });
    await screen.findByText('1. 电动车进楼');
    expect(text('agenda-item-33')).toContain('三、请谁来居民代表、社区民警');
    expect(text('agenda-item-33')).toContain('五、怎么落实会后记录决议时自动填写');
  });

  it('adds an item from a queued topic; title and what come from the topic', async () => {
    const { sent } = builder(agenda([]), { 'POST /api/deliberation/sessions/7/agenda': () => ({ status: 201, body: agendaItem() }) });
    await tap(await screen.findByText('从居民议题添加'));
    await tap(await screen.findByText('文明养犬（6 人支持）'));
    expect(screen.getByText('议题：文明养犬')).toBeTruthy();
    await tap(byId('agenda-save'));
    expect(posts(sent, 'POST /api/deliberation/sessions/7/agenda')[0].data).toEqual({
      topicId: 21,
      whereText: '中心凉亭',
      who: { parties: ['representatives'], others: '' },
      howText: '先充分讨论，再举手和线上表决',
    });
  });

  it('reorders, edits and removes items', async () => {
    const two = agenda([agendaItem(), agendaItem({ id: 32, position: 2, title: '楼道堆物', topicId: 22 })]);
    const { sent } = builder(two, {
      'PUT /api/deliberation/sessions/7/agenda/order': () => ok(agenda([{ ...two.items[1], position: 1 }, { ...two.items[0], position: 2 }])),
      'PATCH /api/deliberation/agenda-items/31': () => ok(agendaItem({ position: 2, howText: '分组讨论' })),
      'DELETE /api/deliberation/agenda-items/32': () => ok(agenda([agendaItem()])),
    });
    await screen.findByText('2. 楼道堆物');
    await tap(byId('agenda-item-31-down'));
    expect(posts(sent, 'PUT /api/deliberation/sessions/7/agenda/order')[0].data).toEqual({ itemIds: [32, 31] });
    expect(await screen.findByText('1. 楼道堆物')).toBeTruthy();

    await tap(byId('agenda-item-31-edit'));
    type('agenda-how', '分组讨论');
    await tap(byId('agenda-save'));
    expect(posts(sent, 'PATCH /api/deliberation/agenda-items/31')[0].data).toEqual({
      title: '文明养犬',
      whereText: '中心凉亭',
      whatText: '小区里狗不拴绳，吓到老人孩子',
      who: { parties: ['representatives', 'property_company'], others: '' },
      howText: '分组讨论',
    });

    await tap(byId('agenda-item-32-remove'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('这个议题会回到排队中') }));
    expect(posts(sent, 'DELETE /api/deliberation/agenda-items/32')).toHaveLength(1);
    await waitFor(() => expect(byId('agenda-item-32')).toBeNull());
  });

  it('a full agenda offers no add button and says what to do', async () => {
    builder(agenda([agendaItem()], 1));
    expect(await screen.findByText('议程已满。要加新的议程，请先移出一项，或在“议题门槛”里增加每场议程数。')).toBeTruthy();
    expect(byId('agenda-add-free')).toBeNull();
  });
});
