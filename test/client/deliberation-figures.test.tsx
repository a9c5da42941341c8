import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CommunityDeliberationFigures, DeliberationCounts, DeliberationFigures } from '@contracts/deliberation-outcomes.contract';
import StaffFiguresPage from '@/packages/staff/figures/index';
import { chinaToday, lastDays } from '@/packages/staff/figures/use-figures-model';
import { deliberationLines, isQuiet, shareText } from '@/packages/staff/figures/deliberation-lines';
import { deliberationTarget } from '@/packages/staff/figures/use-deliberation-figures';
import { gridWorkerMe, mockApi, resetTaro, routeOf, setToken, withMe, type Handler, type SentRequest } from './helpers';
import {
  CONCERN_FIGURES as CONCERNS, concernFigures, concernFiguresOf, DELIB_FIGURES as DELIB, query, staffMe, streetMe, TODAY, type FiguresMe,
} from './figures.fixtures';
import { withQuietVolunteerFigures } from './volunteer-figures.fixtures';

const delibRequests = (sent: SentRequest[]) => sent.filter((r) => routeOf(r) === DELIB);
const sectionText = () => document.getElementById('figures-delib')?.textContent ?? '';

const ZERO: DeliberationCounts = {
  topicsProposed: 0, topicsOnAgenda: 0, topicsResolved: 0, sessionsHeld: 0, registered: 0, checkedIn: 0, attendanceRate: null,
  resolutionsDue: 0, resolutionsDoneOnTime: 0, onTimeRate: null, resolutionsOpen: 0, resolutionsOverdue: 0, resolutionsEscalated: 0,
};

/** 12 topics, 8 on the agenda, 5 resolved; 4 sessions, 42 of 50 checked in; 6 of 8 due done on time; 3 open now. */
const BUSY: DeliberationCounts = {
  topicsProposed: 12, topicsOnAgenda: 8, topicsResolved: 5, sessionsHeld: 4, registered: 50, checkedIn: 42, attendanceRate: 0.84,
  resolutionsDue: 8, resolutionsDoneOnTime: 6, onTimeRate: 0.75, resolutionsOpen: 3, resolutionsOverdue: 1, resolutionsEscalated: 1,
};

function row(communityId: number, name: string, c: DeliberationCounts): CommunityDeliberationFigures {
  return { communityId, name, ...c, plain: 'server sentence' };
}

function delibFigures(level: 'community' | 'street', id: number, name: string, c: DeliberationCounts, perCommunity: CommunityDeliberationFigures[]): DeliberationFigures {
  return { area: { level, id, name }, period: { from: '2026-10-25', to: TODAY }, ...c, plain: 'server sentence', perCommunity };
}

const communityBody = delibFigures('community', 1, '创业一社区', BUSY, [row(1, '创业一社区', BUSY)]);

/** Concern figures for whatever area is asked; the 议事亭 figures from `delib`. */
function api(me: FiguresMe, delib: Handler): SentRequest[] {
  const concerns = concernFiguresOf(me);
  return mockApi(withMe(me, withQuietVolunteerFigures((req) => concerns(req) ?? (routeOf(req) === DELIB ? delib(req) : undefined))));
}

describe('议事亭 figure sentences', () => {
  it('show each rate with its two counts, and 暂无 when there is nothing to divide by', () => {
    expect(shareText(42, 50)).toBe('84%');
    expect(shareText(2, 3)).toBe('66.7%');
    expect(shareText(0, 0)).toBe('暂无');
    expect(deliberationLines(BUSY)).toEqual([
      '提出议题 12 个，其中上会 8 个，已办结 5 个',
      '举行议事 4 场，到场率 84%（到场 42 人 / 报名 50 人）',
      '决议按期完成 6 / 8 项（75%）',
      '目前未完成的决议 3 项，其中逾期 1 项，已上报街道 1 项',
    ]);
    expect(isQuiet(ZERO)).toBe(true);
    expect(isQuiet({ ...ZERO, resolutionsOpen: 1 })).toBe(false);
  });

  it('ask for my own area, a community or street opened below it, and nothing for a grid or a grid worker', () => {
    expect(deliberationTarget('community_staff', undefined)).toEqual({});
    expect(deliberationTarget('street_admin', { level: 'community', id: 2 })).toEqual({ level: 'community', id: 2 });
    expect(deliberationTarget('community_staff', { level: 'grid', id: 7 })).toBeNull();
    expect(deliberationTarget('grid_worker', undefined)).toBeNull();
    expect(deliberationTarget(undefined, undefined)).toBeNull();
  });
});

describe('figures page — 议事亭 section', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('community staff see their community’s 议事亭 figures as plain sentences, for the chosen period', async () => {
    const sent = api(staffMe, () => ({ status: 200, body: communityBody }));
    render(<StaffFiguresPage />);

    expect(await screen.findByText('议事亭 · 创业一社区')).toBeTruthy();
    expect(screen.getByText('提出议题 12 个，其中上会 8 个，已办结 5 个')).toBeTruthy();
    expect(screen.getByText('举行议事 4 场，到场率 84%（到场 42 人 / 报名 50 人）')).toBeTruthy();
    expect(screen.getByText('决议按期完成 6 / 8 项（75%）')).toBeTruthy();
    expect(screen.getByText('目前未完成的决议 3 项，其中逾期 1 项，已上报街道 1 项')).toBeTruthy();
    // A community's single row is its total: no per-community list.
    expect(screen.queryByText('各社区议事')).toBeNull();
    expect(document.getElementById('figures-delib-community-1')).toBeNull();
    // The concern figures are still there, above the section.
    expect(screen.getByText('创业一社区：记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();

    const first = query(delibRequests(sent)[0]);
    expect([first.get('level'), first.get('id'), first.get('from'), first.get('to')]).toEqual([null, null, lastDays(30).from, chinaToday()]);
    expect(delibRequests(sent)).toHaveLength(1);

    await act(async () => {
      fireEvent.click(screen.getByText('近7天'));
    });
    await waitFor(() => expect(delibRequests(sent)).toHaveLength(2));
    const week = query(delibRequests(sent)[1]);
    expect([week.get('level'), week.get('from'), week.get('to')]).toEqual([null, lastDays(7).from, chinaToday()]);
  });

  it('the street sees its totals and one row per community; opening a community asks for that community', async () => {
    const east = { ...ZERO, topicsProposed: 7, topicsOnAgenda: 5, topicsResolved: 3, sessionsHeld: 3, registered: 30, checkedIn: 27, attendanceRate: 0.9, resolutionsDue: 5, resolutionsDoneOnTime: 4, onTimeRate: 0.8, resolutionsOpen: 2, resolutionsOverdue: 1 };
    const west = { ...ZERO, topicsProposed: 5, topicsOnAgenda: 3, topicsResolved: 2, sessionsHeld: 1, registered: 20, checkedIn: 15, attendanceRate: 0.75, resolutionsDue: 3, resolutionsDoneOnTime: 2, onTimeRate: 0.6667, resolutionsOpen: 1, resolutionsEscalated: 1 };
    // The street's totals are the sums of its rows (BUSY = east + west + quiet).
    const street = delibFigures('street', 3, '创业街道', BUSY, [row(1, '创业一社区', east), row(2, '创业二社区', west), row(4, '创业四社区', ZERO)]);
    const sent = api(streetMe, (req) =>
      query(req).get('level') === 'community' ? { status: 200, body: delibFigures('community', 2, '创业二社区', west, [row(2, '创业二社区', west)]) } : { status: 200, body: street },
    );
    render(<StaffFiguresPage />);

    expect(await screen.findByText('议事亭 · 创业街道')).toBeTruthy();
    const total = document.getElementById('figures-delib-total')!.textContent!;
    expect(total).toContain('提出议题 12 个，其中上会 8 个，已办结 5 个');
    expect(total).toContain('举行议事 4 场，到场率 84%（到场 42 人 / 报名 50 人）');
    expect(screen.getByText('各社区议事')).toBeTruthy();

    const eastRow = document.getElementById('figures-delib-community-1')!.textContent!;
    expect(eastRow).toContain('创业一社区');
    expect(eastRow).toContain('提出议题 7 个，其中上会 5 个，已办结 3 个');
    expect(eastRow).toContain('举行议事 3 场，到场率 90%（到场 27 人 / 报名 30 人）');
    expect(eastRow).toContain('决议按期完成 4 / 5 项（80%）');
    expect(eastRow).toContain('目前未完成的决议 2 项，其中逾期 1 项，已上报街道 0 项');
    const westRow = document.getElementById('figures-delib-community-2')!.textContent!;
    expect(westRow).toContain('举行议事 1 场，到场率 75%（到场 15 人 / 报名 20 人）');
    expect(westRow).toContain('决议按期完成 2 / 3 项（66.7%）');
    const quietRow = document.getElementById('figures-delib-community-4')!.textContent!;
    expect(quietRow).toBe('创业四社区这段时间还没有议事记录');
    expect(document.querySelectorAll('[id^="figures-delib-community-"]')).toHaveLength(3);

    // Opening a community in the concern list shows that community's 议事亭 figures too.
    await act(async () => {
      fireEvent.click(document.getElementById('figures-child-2')!);
    });
    expect(await screen.findByText('议事亭 · 创业二社区')).toBeTruthy();
    const opened = query(delibRequests(sent).pop()!);
    expect([opened.get('level'), opened.get('id'), opened.get('from')]).toEqual(['community', '2', lastDays(30).from]);
    expect(screen.queryByText('各社区议事')).toBeNull();
  });

  it('says 暂无 when no one signed up and no resolution fell due, never 0% or NaN', async () => {
    const counts = { ...ZERO, topicsProposed: 3, topicsOnAgenda: 1, sessionsHeld: 1 };
    api(staffMe, () => ({ status: 200, body: delibFigures('community', 1, '创业一社区', counts, [row(1, '创业一社区', counts)]) }));
    render(<StaffFiguresPage />);

    expect(await screen.findByText('提出议题 3 个，其中上会 1 个，已办结 0 个')).toBeTruthy();
    expect(screen.getByText('举行议事 1 场，到场率暂无（没有人报名）')).toBeTruthy();
    expect(screen.getByText('决议按期完成率暂无（这段时间没有到期的决议）')).toBeTruthy();
    expect(screen.getByText('目前没有未完成的决议')).toBeTruthy();
    expect(sectionText()).not.toMatch(/NaN|0%|null|undefined/);
  });

  it('a period with nothing at all says so instead of a list of zeros', async () => {
    api(staffMe, () => ({ status: 200, body: delibFigures('community', 1, '创业一社区', ZERO, [row(1, '创业一社区', ZERO)]) }));
    render(<StaffFiguresPage />);
    expect(await screen.findByText('这段时间还没有议事亭的记录。')).toBeTruthy();
    expect(sectionText()).not.toContain('提出议题');
  });

  it('a failed load shows the server’s message in the section, and 重试 loads the figures', async () => {
    let fail = true;
    const sent = api(staffMe, () =>
      fail ? { status: 500, body: { code: 'INTERNAL_ERROR', message: '服务暂时不可用，请稍后再试', requestId: 'r' } } : { status: 200, body: communityBody },
    );
    render(<StaffFiguresPage />);

    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    expect(sectionText()).toContain('服务暂时不可用，请稍后再试');
    // The concern figures still show; only the section failed.
    expect(screen.getByText('创业一社区：记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();
    const concernCalls = sent.filter((r) => routeOf(r) === CONCERNS).length;

    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(await screen.findByText('提出议题 12 个，其中上会 8 个，已办结 5 个')).toBeTruthy();
    expect(screen.queryByText('服务暂时不可用，请稍后再试')).toBeNull();
    expect(delibRequests(sent)).toHaveLength(2);
    expect(sent.filter((r) => routeOf(r) === CONCERNS)).toHaveLength(concernCalls);
  });

  it('when the whole page fails there is one 重试, and it reloads the 议事亭 figures too', async () => {
    let fail = true;
    const sent = mockApi(withMe(staffMe, (req) => {
      if (fail) return 'network-error';
      if (routeOf(req) === CONCERNS) return { status: 200, body: concernFigures('community', 1, '创业一社区') };
      return routeOf(req) === DELIB ? { status: 200, body: communityBody } : withQuietVolunteerFigures(() => undefined)(req);
    }));
    render(<StaffFiguresPage />);
    // withMe still answers /api/me; every other request fails.
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    await waitFor(() => expect(delibRequests(sent)).toHaveLength(1));
    expect(screen.getAllByText('重试')).toHaveLength(1);

    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByText('重试'));
    });
    expect(await screen.findByText('提出议题 12 个，其中上会 8 个，已办结 5 个')).toBeTruthy();
    expect(screen.getByText('创业一社区：记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('grid workers get no 议事亭 section and no request for it', async () => {
    const gridMe = { ...gridWorkerMe, scope: { level: 'grid' as const, id: 7, name: '第一网格' } };
    const sent = api(gridMe, () => ({ status: 200, body: communityBody }));
    render(<StaffFiguresPage />);
    expect(await screen.findByText('第一网格：记录在册 4 件，已解决 3 件，正在落实 1 件')).toBeTruthy();
    expect(delibRequests(sent)).toHaveLength(0);
    expect(document.getElementById('figures-delib')).toBeNull();
  });
});
