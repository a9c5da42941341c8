import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { VolunteerCounts } from '@contracts/volunteer-figures.contract';
import StaffFiguresPage from '@/packages/staff/figures/index';
import { chinaToday, lastDays } from '@/packages/staff/figures/use-figures-model';
import { hoursLines, hoursText, isQuietVolunteers, requestLines, volunteerLine } from '@/packages/staff/figures/volunteer-lines';
import { volunteerFiguresTarget } from '@/packages/staff/figures/use-volunteer-figures';
import { gridWorkerMe, mockApi, resetTaro, routeOf, setToken, withMe, type Handler, type SentRequest } from './helpers';
import { concernFiguresOf, DELIB_FIGURES as DELIB, query, staffMe, streetMe, TODAY, type FiguresMe } from './figures.fixtures';
import { VOL_FIGURES as VOL, volunteerFigures as volFigures, volunteerRow as row, ZERO_VOLUNTEER_COUNTS as ZERO } from './volunteer-figures.fixtures';

const volRequests = (sent: SentRequest[]) => sent.filter((r) => routeOf(r) === VOL);
const sectionText = () => document.getElementById('figures-vol')?.textContent ?? '';

/**
 * 7 requests (3 done, 2 going on, 1 expired, 1 cancelled), 2 rated; 4 approved volunteers, 1 waiting, 3 active;
 * 390 minutes (守望相助 180, 银龄先锋 120, 未入队 90); one activity, 2 of 3 came.
 */
const BUSY: VolunteerCounts = {
  requestsPosted: 7, requestsConfirmed: 3, requestsOpen: 2, requestsExpired: 1, requestsCancelled: 1, fulfilmentRate: 0.6,
  medianHoursToConfirm: 12, averageHoursToConfirm: 16, medianHoursToFirstVolunteer: 2, averageHoursToFirstVolunteer: 2.5,
  rated: 2, averageRating: 4.5, proxyPosted: 1, proxyShare: 0.1429, volunteersApproved: 4, volunteersApplied: 1, volunteersActive: 3,
  creditedMinutes: 390,
  hoursByTeam: [{ teamId: 11, name: '守望相助', minutes: 180 }, { teamId: 12, name: '银龄先锋', minutes: 120 }, { teamId: null, name: '未入队', minutes: 90 }],
  activitiesHeld: 1, activitySignups: 3, activityAttended: 2, attendanceRate: 0.6667,
};

const communityBody = volFigures('community', 1, '创业一社区', BUSY, [row(1, '创业一社区', BUSY)]);

/** What the 小红帽 section says for BUSY: the help requests, the volunteers, the hours and activities. */
const BUSY_LINES = {
  requests: [
    '收到微心愿 7 个：已完成 3 个，还在进行 2 个，过期无人接 1 个，已取消 1 个',
    '完成率 60%（已完成 3 个 / 已有结果 5 个，已有结果指已完成、过期或取消的）',
    '从许愿到有志愿者接单：一半在 2 小时内，平均 2.5 小时',
    '从许愿到确认完成：一半在 12 小时内，平均 16 小时',
    '居民打分 2 次，平均 4.5 分（满分 5 分）',
    '网格员代办 1 个（占 14.3%）',
  ],
  volunteers: '志愿者已通过 4 人，待审核 1 人；这段时间参加服务的 3 人',
  hours: ['记入时间银行 6.5 小时（按服务日期，已扣除冲正）', '举行团队活动 1 场，到场率 66.7%（到场 2 人 / 报名 3 人）'],
};

const QUIET_DELIB = {
  area: { level: 'community', id: 1, name: '创业一社区' }, period: { from: '2026-10-25', to: TODAY }, topicsProposed: 0, topicsOnAgenda: 0, topicsResolved: 0,
  sessionsHeld: 0, registered: 0, checkedIn: 0, attendanceRate: null, resolutionsDue: 0, resolutionsDoneOnTime: 0, onTimeRate: null, resolutionsOpen: 0,
  resolutionsOverdue: 0, resolutionsEscalated: 0, plain: '', perCommunity: [],
};

/** Concern figures for whatever area is asked, a quiet 议事亭, the 小红帽 figures from `vol`. */
function api(me: FiguresMe, vol: Handler): SentRequest[] {
  return mockApi(withMe(me, pageHandler(me, vol)));
}

function pageHandler(me: FiguresMe, vol: Handler): Handler {
  const concerns = concernFiguresOf(me);
  return (req) => {
    if (routeOf(req) === DELIB) return { status: 200, body: QUIET_DELIB };
    return concerns(req) ?? (routeOf(req) === VOL ? vol(req) : undefined);
  };
}

describe('小红帽 figure sentences', () => {
  it('show each count, each rate with its two counts, times as “half within” and an average, hours from minutes', () => {
    expect(hoursText(390)).toBe('6.5');
    expect(hoursText(180)).toBe('3');
    expect(hoursText(0)).toBe('0');
    expect(requestLines(BUSY)).toEqual(BUSY_LINES.requests);
    expect(volunteerLine(BUSY)).toBe(BUSY_LINES.volunteers);
    expect(hoursLines(BUSY)).toEqual(BUSY_LINES.hours);
  });

  it('say 暂无 when there is nothing to measure, never NaN or null', () => {
    const early = { ...ZERO, requestsPosted: 2, requestsOpen: 2, activitiesHeld: 1 };
    const lines = [...requestLines(early), ...hoursLines(early)];
    expect(lines).toEqual([
      '收到微心愿 2 个：已完成 0 个，还在进行 2 个，过期无人接 0 个，已取消 0 个',
      '完成率暂无（还没有已有结果的微心愿）',
      '还没有志愿者接单，暂无接单用时',
      '还没有确认完成的微心愿，暂无完成用时',
      '还没有居民打分',
      '网格员代办 0 个（占 0%）',
      '记入时间银行 0 小时（按服务日期，已扣除冲正）',
      '举行团队活动 1 场，到场率暂无（没有人报名）',
    ]);
    expect(lines.join('')).not.toMatch(/NaN|null|undefined/);
    expect(isQuietVolunteers(ZERO)).toBe(true);
    expect(isQuietVolunteers({ ...ZERO, volunteersApproved: 4 })).toBe(true);
    expect(isQuietVolunteers({ ...ZERO, creditedMinutes: 30 })).toBe(false);
  });

  it('are asked for community staff and the street, for a community or street opened below, never for a grid or a grid worker', () => {
    expect(volunteerFiguresTarget('community_staff', undefined)).toEqual({});
    expect(volunteerFiguresTarget('street_admin', { level: 'community', id: 2 })).toEqual({ level: 'community', id: 2 });
    expect(volunteerFiguresTarget('community_staff', { level: 'grid', id: 7 })).toBeNull();
    expect(volunteerFiguresTarget('grid_worker', undefined)).toBeNull();
    expect(volunteerFiguresTarget('resident', undefined)).toBeNull();
  });
});

describe('figures page — 小红帽 section', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('community staff see requests, times, ratings, volunteers, hours by team and activities for the chosen period', async () => {
    const sent = api(staffMe, () => ({ status: 200, body: communityBody }));
    render(<StaffFiguresPage />);

    expect(await screen.findByText('小红帽 · 创业一社区')).toBeTruthy();
    for (const line of [...BUSY_LINES.requests, BUSY_LINES.volunteers, ...BUSY_LINES.hours]) expect(screen.getByText(line)).toBeTruthy();
    // Teams, most hours first, 未入队 included.
    expect(document.getElementById('figures-vol-team-11')!.textContent).toBe('守望相助3 小时');
    expect(document.getElementById('figures-vol-team-12')!.textContent).toBe('银龄先锋2 小时');
    expect(document.getElementById('figures-vol-team-none')!.textContent).toBe('未入队1.5 小时');
    expect([...document.querySelectorAll('[id^="figures-vol-team-"]')].map((e) => e.id)).toEqual(['figures-vol-team-11', 'figures-vol-team-12', 'figures-vol-team-none']);
    // A community's single row is its total: no per-community list.
    expect(screen.queryByText('各社区小红帽')).toBeNull();
    expect(sectionText()).not.toMatch(/NaN|null|undefined/);

    const first = query(volRequests(sent)[0]);
    expect([first.get('level'), first.get('id'), first.get('from'), first.get('to')]).toEqual([null, null, lastDays(30).from, chinaToday()]);
    expect(volRequests(sent)).toHaveLength(1);
    await act(async () => {
      fireEvent.click(screen.getByText('近7天'));
    });
    await waitFor(() => expect(volRequests(sent)).toHaveLength(2));
    expect(query(volRequests(sent)[1]).get('from')).toBe(lastDays(7).from);
  });

  it('the street sees its totals and one row per community; opening a community asks for that community', async () => {
    const east = { ...ZERO, requestsPosted: 5, requestsConfirmed: 3, requestsOpen: 2, creditedMinutes: 300, volunteersActive: 3, volunteersApproved: 4 };
    const street = volFigures('street', 3, '创业街道', BUSY, [row(1, '创业一社区', east), row(2, '创业二社区', { ...ZERO, volunteersApproved: 2 })]);
    const sent = api(streetMe, (req) =>
      query(req).get('level') === 'community' ? { status: 200, body: volFigures('community', 2, '创业二社区', ZERO, [row(2, '创业二社区', ZERO)]) } : { status: 200, body: street },
    );
    render(<StaffFiguresPage />);

    expect(await screen.findByText('小红帽 · 创业街道')).toBeTruthy();
    expect(document.getElementById('figures-vol-total')!.textContent).toContain('收到微心愿 7 个');
    expect(screen.getByText('各社区小红帽')).toBeTruthy();
    const eastRow = document.getElementById('figures-vol-community-1')!.textContent!;
    expect(eastRow).toContain('收到微心愿 5 个：已完成 3 个，还在进行 2 个，过期无人接 0 个，已取消 0 个');
    expect(eastRow).toContain('记入时间银行 5 小时，参加服务的志愿者 3 人');
    expect(document.getElementById('figures-vol-community-2')!.textContent).toBe('创业二社区这段时间还没有服务记录');

    await act(async () => {
      fireEvent.click(document.getElementById('figures-child-2')!);
    });
    expect(await screen.findByText('小红帽 · 创业二社区')).toBeTruthy();
    const opened = query(volRequests(sent).pop()!);
    expect([opened.get('level'), opened.get('id')]).toEqual(['community', '2']);
    expect(screen.queryByText('各社区小红帽')).toBeNull();
  });

  it('a period with nothing at all says so in plain words, and still tells how many volunteers there are', async () => {
    const quiet = { ...ZERO, volunteersApproved: 4, volunteersApplied: 1 };
    api(staffMe, () => ({ status: 200, body: volFigures('community', 1, '创业一社区', quiet, [row(1, '创业一社区', quiet)]) }));
    render(<StaffFiguresPage />);
    expect(await screen.findByText('这段时间还没有小红帽的服务记录。')).toBeTruthy();
    expect(screen.getByText('志愿者已通过 4 人，待审核 1 人；这段时间参加服务的 0 人')).toBeTruthy();
    expect(sectionText()).not.toContain('收到微心愿');
    expect(sectionText()).not.toContain('记入时间银行');
    expect(document.getElementById('figures-vol-teams')).toBeNull();
  });

  it('a failed load shows the server’s message in the section, and 重试 loads the figures', async () => {
    let fail = true;
    const sent = api(staffMe, () => (fail ? { status: 500, body: { code: 'INTERNAL_ERROR', message: '服务暂时不可用，请稍后再试', requestId: 'r' } } : { status: 200, body: communityBody }));
    render(<StaffFiguresPage />);
    await waitFor(() => expect(sectionText()).toContain('服务暂时不可用，请稍后再试'));
    fail = false;
    // The concern figures still show; only the section failed, with its own 重试.
    expect(screen.getByText('创业一社区：记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();
    expect(screen.getAllByText('重试')).toHaveLength(1);
    await act(async () => {
      fireEvent.click(within(document.getElementById('figures-vol')!).getByText('重试'));
    });
    expect(await screen.findByText('收到微心愿 7 个：已完成 3 个，还在进行 2 个，过期无人接 1 个，已取消 1 个')).toBeTruthy();
    expect(sectionText()).not.toContain('服务暂时不可用');
    expect(volRequests(sent)).toHaveLength(2);
  });

  it('when the whole page fails there is one 重试, and it reloads the 小红帽 figures too', async () => {
    let fail = true;
    // withMe still answers /api/me; every other request fails.
    const page = pageHandler(staffMe, () => ({ status: 200, body: communityBody }));
    const sent = mockApi(withMe(staffMe, (req) => (fail ? 'network-error' : page(req))));
    render(<StaffFiguresPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    await waitFor(() => expect(volRequests(sent)).toHaveLength(1));
    expect(screen.getAllByText('重试')).toHaveLength(1);

    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(await screen.findByText('收到微心愿 7 个：已完成 3 个，还在进行 2 个，过期无人接 1 个，已取消 1 个')).toBeTruthy();
    expect(volRequests(sent)).toHaveLength(2);
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('grid workers get no 小红帽 section and no request for it', async () => {
    const gridMe = { ...gridWorkerMe, scope: { level: 'grid' as const, id: 7, name: '第一网格' } };
    const sent = api(gridMe, () => ({ status: 200, body: communityBody }));
    render(<StaffFiguresPage />);
    expect(await screen.findByText('第一网格：记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();
    expect(volRequests(sent)).toHaveLength(0);
    expect(document.getElementById('figures-vol')).toBeNull();
  });
});
