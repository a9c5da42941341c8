import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActivityItem, LedgerLine, MyTimebank } from '@contracts/timebank.contract';
import VolunteerHoursPage from '@/packages/volunteers/hours/index';
import VolunteerRewardsPage from '@/packages/volunteers/rewards/index';
import VolunteerActivitiesPage from '@/packages/volunteers/activities/index';
import { byId, fail, ok, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, resetTaro, routeOf, setToken } from './helpers';
import { activity as baseActivity, reward, volunteer } from './volunteers.fixtures';

const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
Object.assign(Taro, { showModal });

const volunteerMe = { ...residentMe, id: 11, name: '陈小红' };

const mine = (o: Partial<MyTimebank> = {}): MyTimebank => ({
  communityId: 3, balanceMinutes: 270, earnedMinutes: 390, rank: 2, rankedVolunteers: 12, dailyCapMinutes: 480, creditedTodayMinutes: 90, ...o,
});
const line = (o: Partial<LedgerLine> = {}): LedgerLine => ({
  transactionId: 1, kind: 'credit', sourceType: 'help_request', sourceId: 5, volunteerId: 11, volunteerName: '陈小红', minutes: 90,
  requestedMinutes: 90, memo: '微心愿：帮张大爷学视频通话', serviceDate: '2026-11-20', reversesId: null, reversedById: null, createdAt: '2026-11-20T08:00:00.000Z', ...o,
});
const activity = (o: Partial<ActivityItem> = {}) => baseActivity({ teamId: 2, teamName: '守望相助情暖夕阳', description: '带好手套', taken: 15, ...o });

beforeEach(() => {
  resetTaro();
  setToken();
  showModal.mockClear();
});

describe('my hours', () => {
  it('shows the balance, the rank, today and the ledger in plain words, then the next page', async () => {
    const sent = serveRoutes(volunteerMe, {
      'GET /api/timebank/me': () => ok(mine()),
      'GET /api/timebank/me/history': (req) =>
        req.url.includes('cursor=c1')
          ? ok({ items: [line({ transactionId: 1, kind: 'redeem', sourceType: 'reward', minutes: -120, requestedMinutes: 120, memo: '兑换：免费理发一次' })], nextCursor: null })
          : ok({
              items: [
                line({ transactionId: 3, sourceType: 'activity', memo: '楼道清理', minutes: 60, requestedMinutes: 120 }),
                line({ transactionId: 2 }),
              ],
              nextCursor: 'c1',
            }),
    });
    render(<VolunteerHoursPage />);
    await screen.findByText('4.5 小时');
    expect(text('hours-earned')).toBe('累计服务 6.5 小时');
    expect(text('hours-rank')).toBe('在本社区排第 2 名（共 12 位志愿者有时长）');
    expect(text('hours-today')).toBe('今天已记 1.5 小时，每人每天最多记 8 小时');
    expect(text('ledger-2')).toContain('微心愿：帮张大爷学视频通话+1.5 小时');
    expect(text('ledger-3')).toContain('志愿活动：楼道清理+1 小时');
    expect(text('ledger-3')).toContain('当天时长已到上限，应记 2 小时，实记 1 小时');
    await tap(screen.getByText('加载更多'));
    expect(text('ledger-1')).toContain('兑换：免费理发一次-2 小时');
    expect(sent.filter((r) => routeOf(r) === 'GET /api/timebank/me/history')).toHaveLength(2);
  });

  it('says there is no rank yet and no history when nothing was earned', async () => {
    serveRoutes(volunteerMe, {
      'GET /api/timebank/me': () => ok(mine({ balanceMinutes: 0, earnedMinutes: 0, rank: null, rankedVolunteers: 0, creditedTodayMinutes: 0 })),
      'GET /api/timebank/me/history': () => ok({ items: [], nextCursor: null }),
    });
    render(<VolunteerHoursPage />);
    await screen.findByText('还没有服务时长，完成第一次服务后就有排名了');
    expect(await screen.findByText('还没有时长记录。接单帮助邻居、参加志愿活动后，时长会记在这里。')).toBeTruthy();
  });

  it('shows the server message with 重试 when the hours cannot load, and loads again', async () => {
    let fails = true;
    serveRoutes(volunteerMe, {
      'GET /api/timebank/me': () => (fails ? fail(422, 'UNIT_REQUIRED', '请先选择您住的单元') : ok(mine())),
      'GET /api/timebank/me/history': () => ok({ items: [], nextCursor: null }),
    });
    render(<VolunteerHoursPage />);
    await screen.findByText('请先选择您住的单元');
    fails = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('4.5 小时')).toBeTruthy();
  });

  it('staff get one plain line and no time-bank request is sent', async () => {
    const sent = serveRoutes(gridWorkerMe, {});
    render(<VolunteerHoursPage />);
    expect(await screen.findByText('这个页面供居民志愿者使用。')).toBeTruthy();
    expect(sent.filter((r) => r.url.includes('/api/timebank'))).toHaveLength(0);
  });
});

describe('rewards', () => {
  it('redeems after asking and shows the new balance and stock', async () => {
    const sent = serveRoutes(volunteerMe, {
      'GET /api/timebank/me': () => ok(mine()),
      'GET /api/timebank/rewards': () => ok([reward()]),
      'POST /api/timebank/rewards/4/redeem': () => ({ status: 201, body: { redemptionId: 1, transactionId: 8, rewardId: 4, costMinutes: 120, balanceMinutes: 150, stock: 4 } }),
    });
    render(<VolunteerRewardsPage />);
    await screen.findByText('我的余额：4.5 小时');
    expect(text('reward-4')).toContain('还剩 5 份');
    await tap(byId('reward-4-redeem'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('用 2 小时兑换“免费理发一次”') }));
    await screen.findByText('我的余额：2.5 小时');
    expect(text('reward-4')).toContain('还剩 4 份');
    expect(text('rewards-done')).toContain('已兑换“免费理发一次”');
    expect(sent.filter((r) => routeOf(r) === 'POST /api/timebank/rewards/4/redeem')).toHaveLength(1);
  });

  it('shows the server message when the hours are not enough, and sends nothing when the volunteer says no', async () => {
    const sent = serveRoutes(volunteerMe, {
      'GET /api/timebank/me': () => ok(mine()),
      'GET /api/timebank/rewards': () => ok([reward()]),
      'POST /api/timebank/rewards/4/redeem': () => fail(409, 'TIMEBANK_INSUFFICIENT_HOURS', '您的时长不够兑换这个项目'),
    });
    render(<VolunteerRewardsPage />);
    await screen.findByText('我的余额：4.5 小时');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await tap(byId('reward-4-redeem'));
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);
    await tap(byId('reward-4-redeem'));
    expect(await screen.findByText('您的时长不够兑换这个项目')).toBeTruthy();
    expect(text('rewards-balance')).toBe('我的余额：4.5 小时');
  });
});

describe('activities', () => {
  it('signs up, shows the slots left from the server, and cancels after asking', async () => {
    const sent = serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, name: '陈小红' })),
      'GET /api/timebank/activities': () => ok([activity()]),
      'POST /api/timebank/activities/9/sign-up': () => ({ status: 201, body: activity({ taken: 16, signedUp: true }) }),
      'POST /api/timebank/activities/9/withdraw': () => ok(activity({ taken: 15, signedUp: false })),
    });
    render(<VolunteerActivitiesPage />);
    await screen.findByText('楼道清理');
    expect(text('activity-9')).toContain('名额 20 个，还剩 5 个');
    expect(text('activity-9')).toContain('参加后记 2 小时');
    await tap(byId('activity-9-signup'));
    await waitFor(() => expect(text('activity-9')).toContain('还剩 4 个'));
    expect(byId('activity-9-signed')).not.toBeNull();
    await tap(byId('activity-9-withdraw'));
    expect(showModal).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(byId('activity-9-signup')).not.toBeNull());
    expect(sent.filter((r) => r.method === 'POST').map(routeOf)).toEqual(['POST /api/timebank/activities/9/sign-up', 'POST /api/timebank/activities/9/withdraw']);
    await tap(byId('activity-9-open'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/activity/index?id=9' });
  });

  it('a full activity answers with the server message', async () => {
    serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, name: '陈小红' })),
      'GET /api/timebank/activities': () => ok([activity()]),
      'POST /api/timebank/activities/9/sign-up': () => fail(409, 'ACTIVITY_FULL', '名额已满'),
    });
    render(<VolunteerActivitiesPage />);
    await tap(await screen.findByText('我要报名'));
    expect(text('activities-error')).toBe('名额已满');
  });
});
