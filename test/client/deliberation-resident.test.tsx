import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SessionItem } from '@contracts/deliberation.contract';
import DeliberationPage from '@/pages/deliberation/index';
import { chinaDateTime, chinaTimeRange } from '@/components/deliberation/china-time';
import { agenda, agendaItem, inHours, registration, residentScreenSetup, session } from './deliberation-resident.fixtures';
import { byId, tap, text, type Routes } from './deliberation.fixtures';
import { gridWorkerMe, mockApi, residentMe, routeOf, withMe, type SentRequest } from './helpers';

const me = { ...residentMe, unit: { unitId: 4, label: '创业一社区 3号楼 2单元', communityId: 3, gridId: 2, confirmed: true } };
const staffMe = { id: 5, name: '解娜', role: 'community_staff' as const, phoneMasked: null, unit: null, scope: { level: 'community' as const, id: 3, name: '创业一社区' } };

/** GET /api/me plus the given routes; GET /api/deliberation/sessions answers the latest `state.sessions`. */
function serve(sessions: SessionItem[], routes: Routes = {}, user: object = me) {
  const state = { sessions };
  const sent = mockApi(
    withMe(user, (req) => {
      const route = routeOf(req);
      if (routes[route]) return routes[route](req);
      if (route === 'GET /api/deliberation/sessions') return { status: 200, body: state.sessions };
      if (route === 'GET /api/deliberation/sessions/7/agenda') return { status: 200, body: agenda() };
      return undefined;
    }),
  );
  return { sent, state };
}

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method !== 'GET').map(routeOf);

describe('议事 tab (resident)', () => {
  const extras = residentScreenSetup();

  it('shows the next session: China-time date, place, seats left, the topics on its agenda and my status', async () => {
    const next = session({ seatsLeft: 12, waitingCount: 0 });
    serve([next, session({ id: 8, startsAt: inHours(216), endsAt: inHours(217.5) })]);
    render(<DeliberationPage />);

    await screen.findByText('1. 文明养犬');
    expect(text('next-session-when')).toBe(chinaTimeRange(next.startsAt, next.endsAt));
    expect(text('next-session-place')).toContain('小区凉亭');
    expect(text('next-session-seats')).toContain('剩余座位 12 个（共 25 个）');
    expect(text('next-session-status')).toBe('您还没有报名');
    expect(byId('next-session-sign-up')).not.toBeNull();
    expect(byId('next-session-cancel')).toBeNull();
    expect(byId('session-8')).not.toBeNull();
    expect(byId('delib-manage')).toBeNull();
  });

  it('signs up after the confirm dialog, then shows the seat the server gave', async () => {
    const { sent, state } = serve([session()], {
      'POST /api/deliberation/sessions/7/sign-up': () => {
        state.sessions = [session({ seatsLeft: 11, mine: registration() })];
        return { status: 201, body: registration() };
      },
    });
    render(<DeliberationPage />);
    await tap(await screen.findByText('我要报名'));

    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认报名', content: expect.stringContaining('小区凉亭') }));
    expect(posts(sent)).toEqual(['POST /api/deliberation/sessions/7/sign-up']);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '报名成功，座位已为您留好', icon: 'none' });
    await waitFor(() => expect(text('next-session-status')).toBe('您已报名，座位已为您留好'));
    expect(text('next-session-seats')).toContain('剩余座位 11 个');
    expect(byId('next-session-sign-up')).toBeNull();
    expect(byId('next-session-cancel')).not.toBeNull();
    expect(screen.getByText('查看详情和签到码')).toBeTruthy();
  });

  it('sends nothing when the resident says 再想想 in the confirm dialog', async () => {
    const { sent } = serve([session()]);
    extras.showModal.mockResolvedValue({ confirm: false, cancel: true });
    render(<DeliberationPage />);
    await tap(await screen.findByText('我要报名'));
    expect(posts(sent)).toEqual([]);
  });

  it('when the session is full, says so before sign-up and tells the waiting-list position after', async () => {
    const waiting = registration({ status: 'waitlisted', seatKind: null, waitlistNo: 14, waitlistPosition: 2 });
    const { state } = serve([session({ seatsLeft: 0, waitingCount: 1 })], {
      'POST /api/deliberation/sessions/7/sign-up': () => {
        state.sessions = [session({ seatsLeft: 0, waitingCount: 2, mine: waiting })];
        return { status: 201, body: waiting };
      },
    });
    render(<DeliberationPage />);
    await screen.findByText('1. 文明养犬');
    expect(text('next-session-hint')).toContain('座位已满：现在报名会进入候补名单');
    expect(text('next-session-waiting')).toContain('候补 1 人');

    await tap(screen.getByText('我要报名'));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '座位已满，您在候补第 2 位', icon: 'none' });
    await waitFor(() => expect(text('next-session-status')).toBe('您在候补名单第 2 位。有人取消时，会按顺序自动递补并通知您'));
  });

  it('cancels a registration after confirming, and the server’s answer replaces the status', async () => {
    const { sent, state } = serve([session({ mine: registration() })], {
      'POST /api/deliberation/sessions/7/withdraw': () => {
        state.sessions = [session({ mine: registration({ status: 'cancelled' }) })];
        return { status: 200, body: registration({ status: 'cancelled' }) };
      },
    });
    render(<DeliberationPage />);
    await tap(await screen.findByText('取消报名'));
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '取消后，您的座位会让给候补的邻居。确定取消吗？' }));
    expect(posts(sent)).toEqual(['POST /api/deliberation/sessions/7/withdraw']);
    await waitFor(() => expect(text('next-session-status')).toBe('您还没有报名'));
  });

  it('shows the server’s message when sign-up is refused, and reloads the seats', async () => {
    const { sent } = serve([session()], {
      'POST /api/deliberation/sessions/7/sign-up': () => ({ status: 409, body: { code: 'REGISTRATION_CLOSED', message: '报名已经截止', requestId: 'r' } }),
    });
    render(<DeliberationPage />);
    await tap(await screen.findByText('我要报名'));
    expect(text('registration-error')).toBe('报名已经截止');
    expect(sent.filter((r) => routeOf(r) === 'GET /api/deliberation/sessions')).toHaveLength(2);
  });

  it('says when registration opens, with no sign-up button before then', async () => {
    const s = session({ registrationOpen: false, registrationOpensAt: inHours(12) });
    serve([s]);
    render(<DeliberationPage />);
    await screen.findByText('1. 文明养犬');
    expect(text('next-session-hint')).toBe(`${chinaDateTime(s.registrationOpensAt)} 开始报名`);
    expect(byId('next-session-sign-up')).toBeNull();
  });

  it('skips a cancelled session as the next one and marks it cancelled with its reason', async () => {
    serve([
      session({ id: 6, status: 'cancelled', cancelReason: '下雨改期', startsAt: inHours(5), endsAt: inHours(6) }),
      session(),
    ]);
    render(<DeliberationPage />);
    await screen.findByText('1. 文明养犬');
    expect(byId('next-session')).not.toBeNull();
    expect(text('session-6-status')).toBe('这场议事已取消：下雨改期');
  });

  it('says in one line when no session is planned', async () => {
    serve([]);
    render(<DeliberationPage />);
    expect((await screen.findByText('社区还没有安排下一场议事。')).id).toBe('no-next-session');
    expect(byId('delib-topics')).not.toBeNull();
  });

  it('without a unit: one plain line and a button to choose the unit, nothing else', async () => {
    serve([], {
      'GET /api/deliberation/sessions': () => ({ status: 422, body: { code: 'UNIT_REQUIRED', message: '请先在“我的”里选择您居住的单元，再参加议事', requestId: 'r' } }),
    }, residentMe);
    render(<DeliberationPage />);
    await tap(await screen.findByText('选择单元'));
    expect(screen.getByText('您还没有选择居住的单元，选好后就能参加本社区的议事。')).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/unit/index' });
    expect(byId('delib-topics')).toBeNull();
    expect(document.querySelectorAll('button')).toHaveLength(1);
  });

  it('shows the error with 重试, which loads again', async () => {
    let fail = true;
    serve([session()], {
      'GET /api/deliberation/sessions': () => (fail ? 'network-error' : { status: 200, body: [session()] }),
    });
    render(<DeliberationPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    fail = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('1. 文明养犬')).toBeTruthy();
  });

  it('keeps large-text mode: the page root carries page--large', async () => {
    Taro.setStorageSync('linli.largeText', 'on');
    serve([session()]);
    const { container } = render(<DeliberationPage />);
    await screen.findByText('1. 文明养犬');
    expect((container.querySelector('.page') as HTMLElement).className).toContain('page--large');
  });

  it('links to topics, the resolutions board and the session detail', async () => {
    serve([session()]);
    render(<DeliberationPage />);
    await screen.findByText('1. 文明养犬');
    await tap(byId('delib-topics'));
    await tap(byId('delib-resolutions'));
    await tap(byId('next-session-open'));
    expect((Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0].url)).toEqual([
      '/packages/deliberation/topics/index',
      '/packages/deliberation/resolutions/index',
      '/packages/deliberation/session/index?id=7',
    ]);
  });
});

describe('议事 tab (staff)', () => {
  residentScreenSetup();

  it.each([
    ['community_staff', staffMe],
    ['grid_worker', gridWorkerMe],
  ])('%s gets 议事管理 (series, triage) and no sign-up button', async (_role, user) => {
    serve([session()], {}, user);
    render(<DeliberationPage />);
    await screen.findByText('议事管理');
    expect(byId('next-session-sign-up')).toBeNull();
    expect(byId('next-session-status')).toBeNull();
    await tap(byId('delib-manage-series'));
    await tap(byId('delib-manage-triage'));
    expect((Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0].url)).toEqual([
      '/packages/delib-staff/series/index',
      '/packages/delib-staff/triage/index',
    ]);
  });

  it('a street admin, who belongs to no community’s sessions, gets one line and the resolutions board', async () => {
    const streetMe = { ...staffMe, role: 'street_admin' as const };
    serve([], { 'GET /api/deliberation/sessions': () => ({ status: 403, body: { code: 'FORBIDDEN', message: '没有权限', requestId: 'r' } }) }, streetMe);
    render(<DeliberationPage />);
    await tap(await screen.findByText('查看各社区的决议公示'));
    expect(screen.getByText('议事亭由社区居民和社区工作人员参加。')).toBeTruthy();
    expect(screen.queryByText('没有权限')).toBeNull();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/deliberation/resolutions/index' });
  });
});

describe('agenda of the next session', () => {
  residentScreenSetup();

  it('says 议题还在安排中 when the agenda is empty', async () => {
    serve([session()], { 'GET /api/deliberation/sessions/7/agenda': () => ({ status: 200, body: agenda([]) }) });
    render(<DeliberationPage />);
    expect(await screen.findByText('议题还在安排中')).toBeTruthy();
  });

  it('lists two agenda items by position', async () => {
    serve([session()], {
      'GET /api/deliberation/sessions/7/agenda': () => ({ status: 200, body: agenda([agendaItem(), agendaItem({ id: 32, position: 2, title: '楼道堆物' })]) }),
    });
    render(<DeliberationPage />);
    await screen.findByText('2. 楼道堆物');
    expect(Array.from(byId('next-session-agenda')!.querySelectorAll('.deliberation-page__topic')).map((e) => e.textContent)).toEqual(['1. 文明养犬', '2. 楼道堆物']);
  });
});
