import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ResolutionsPage from '@/packages/deliberation/resolutions/index';
import ResolutionPage from '@/packages/deliberation/resolution/index';
import { chinaDateTime, chinaDay, chinaTimeRange } from '@/components/deliberation/china-time';
import { __mock } from './mocks/taro';
import { residentScreenSetup, resolution, resolutionDetail } from './deliberation-resident.fixtures';
import { byId, queryOf, serveRoutes, tap, text, type Routes } from './deliberation.fixtures';
import { residentMe, routeOf } from './helpers';

const serve = (routes: Routes) => serveRoutes(residentMe, routes);

describe('resolutions board', () => {
  residentScreenSetup();

  it('shows status, owner, due date, and 已逾期 only on overdue resolutions', async () => {
    serve({
      'GET /api/deliberation/resolutions': () => ({
        status: 200,
        body: {
          items: [
            resolution({ id: 71, text: '设置宠物便便箱', status: 'planned', overdue: true, dueDate: '2026-11-20', owner: { name: '物业公司', user: { id: 5, name: '李建国' } } }),
            resolution(),
            resolution({ id: 72, text: '张贴养犬公约', status: 'done', doneAt: '2026-11-25T02:00:00.000Z' }),
          ],
          nextCursor: null,
        },
      }),
    });
    render(<ResolutionsPage />);
    await screen.findByText('设置宠物便便箱');

    expect(text('resolution-71-overdue')).toBe('已逾期');
    expect(byId('resolution-70-overdue')).toBeNull();
    expect(byId('resolution-72-overdue')).toBeNull();
    expect(text('resolution-71-status')).toBe('待落实');
    expect(text('resolution-70-status')).toBe('落实中');
    expect(text('resolution-72-status')).toBe('已完成');
    expect(text('resolution-71')).toContain('负责：物业公司（负责人：李建国）');
    expect(text('resolution-71')).toContain(`完成期限：${chinaDay('2026-11-20')}`);
    expect(byId('resolution-71')!.className).toContain('delib-card--overdue');
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('follows and unfollows with the server’s answer', async () => {
    const sent = serve({
      'GET /api/deliberation/resolutions': () => ({ status: 200, body: { items: [resolution()], nextCursor: null } }),
      'POST /api/deliberation/resolutions/70/follow': () => ({ status: 200, body: { resolutionId: 70, following: true, followers: 1 } }),
      'DELETE /api/deliberation/resolutions/70/follow': () => ({ status: 200, body: { resolutionId: 70, following: false, followers: 0 } }),
    });
    render(<ResolutionsPage />);
    await tap(await screen.findByText('关注进展'));
    expect(text('resolution-70-follow')).toBe('已关注（点此取消）');
    expect(text('resolution-70')).toContain('1 人关注');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已关注，状态有变化会通知您', icon: 'none' });
    await tap(byId('resolution-70-follow'));
    expect(text('resolution-70-follow')).toBe('关注进展');
    expect(sent.filter((r) => r.method !== 'GET').map(routeOf)).toEqual([
      'POST /api/deliberation/resolutions/70/follow',
      'DELETE /api/deliberation/resolutions/70/follow',
    ]);
  });

  it('filters by overdue and by status, and pages with the cursor', async () => {
    const sent = serve({
      'GET /api/deliberation/resolutions': (req) =>
        queryOf(req).cursor === 'n2'
          ? { status: 200, body: { items: [resolution({ id: 75, text: '第二页的决议' })], nextCursor: null } }
          : { status: 200, body: { items: [resolution()], nextCursor: 'n2' } },
    });
    render(<ResolutionsPage />);
    await screen.findByText('遛狗必须牵绳');
    await tap(byId('resolutions-filter-overdue'));
    await tap(byId('resolutions-filter-escalated'));
    const asked = sent.filter((r) => r.url.includes('/resolutions')).map(queryOf);
    expect(asked).toEqual([{ limit: '20' }, { overdue: 'true', limit: '20' }, { status: 'escalated', limit: '20' }]);

    await tap(await screen.findByText('加载更多'));
    expect(await screen.findByText('第二页的决议')).toBeTruthy();
    expect(queryOf(sent[sent.length - 1])).toEqual({ status: 'escalated', cursor: 'n2', limit: '20' });
  });

  it('says in one line when the board is empty', async () => {
    serve({ 'GET /api/deliberation/resolutions': () => ({ status: 200, body: { items: [], nextCursor: null } }) });
    render(<ResolutionsPage />);
    expect((await screen.findByText('还没有议事决议。')).id).toBe('resolutions-empty');
  });

  it('opens a resolution', async () => {
    serve({ 'GET /api/deliberation/resolutions': () => ({ status: 200, body: { items: [resolution()], nextCursor: null } }) });
    render(<ResolutionsPage />);
    await tap(await screen.findByText('遛狗必须牵绳'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/resolution/index?id=70' });
  });
});

describe('resolution detail', () => {
  residentScreenSetup({ id: '70' });

  it('shows the history timeline oldest first, with who and when', async () => {
    const detail = resolutionDetail();
    serve({ 'GET /api/deliberation/resolutions/70': () => ({ status: 200, body: detail }) });
    render(<ResolutionPage />);
    await screen.findByText('落实经过');
    expect(text('history-1')).toBe(`记录了这条决议解娜 · ${chinaDateTime(detail.history[0].at)}`);
    expect(text('history-2')).toContain('状态改为“落实中”');
    expect(text('history-2')).toContain('物业已张贴告示');
    expect(text('resolution-status')).toBe('落实中');
    expect(byId('resolution-overdue')).toBeNull();
  });

  it('an escalated, overdue resolution shows the mark and the reason; follow works', async () => {
    const sent = serve({
      'GET /api/deliberation/resolutions/70': () => ({
        status: 200,
        body: resolutionDetail({ status: 'escalated', overdue: true, escalationReason: '需要街道协调城管' }),
      }),
      'POST /api/deliberation/resolutions/70/follow': () => ({ status: 200, body: { resolutionId: 70, following: true, followers: 3 } }),
    });
    render(<ResolutionPage />);
    await screen.findByText('落实经过');
    expect(text('resolution-overdue')).toBe('已逾期');
    expect(text('resolution-escalation')).toContain('需要街道协调城管');
    await tap(byId('resolution-follow'));
    expect(text('resolution-followers')).toContain('3 人（含您）');
    expect(sent.some((r) => routeOf(r) === 'POST /api/deliberation/resolutions/70/follow')).toBe(true);
  });

  it('links to its session and its topic', async () => {
    serve({ 'GET /api/deliberation/resolutions/70': () => ({ status: 200, body: resolutionDetail() }) });
    render(<ResolutionPage />);
    await tap(await screen.findByText('来自议题：文明养犬 ›'));
    await tap(byId('resolution-session'));
    expect((Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0].url)).toEqual([
      '/packages/deliberation/topic/index?id=12',
      '/packages/deliberation/session/index?id=7',
    ]);
  });
});

describe('China time on every screen', () => {
  const now = new Date('2026-11-24T00:00:00.000Z');
  it('writes instants in UTC+8 whatever the device’s zone, with the weekday', () => {
    // 09:00 UTC on Friday 27 Nov = 17:00 in China.
    expect(chinaTimeRange('2026-11-27T09:00:00.000Z', '2026-11-27T10:30:00.000Z', now)).toBe('11月27日（周五）17:00–18:30');
    // 16:30 UTC is already the next day in China.
    expect(chinaDateTime('2026-11-27T16:30:00.000Z', now)).toBe('11月28日（周六）00:30');
    expect(chinaDateTime('2027-01-02T01:00:00.000Z', now)).toBe('2027年1月2日（周六）09:00');
    expect(chinaDay('2026-12-05', now)).toBe('12月5日');
  });
});
