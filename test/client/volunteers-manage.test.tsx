import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ActivityItem, Attendee, RewardItem } from '@contracts/timebank.contract';
import type { TeamMemberItem } from '@contracts/volunteers.contract';
import VolStaffVolunteersPage from '@/packages/vol-staff/volunteers/index';
import VolStaffRewardsPage from '@/packages/vol-staff/rewards/index';
import VolStaffTeamsPage from '@/packages/vol-staff/teams/index';
import VolunteerActivitiesPage from '@/packages/volunteers/activities/index';
import VolunteerActivityPage from '@/packages/volunteers/activity/index';
import ApplyPage from '@/packages/volunteers/apply/index';
import VolunteersPage from '@/pages/volunteers/index';
import { posts, staffMe, type } from './deliberation-staff.fixtures';
import { byId, fail, ok, queryOf, serveRoutes, tap, text } from './deliberation.fixtures';
import { residentMe, resetTaro, setToken } from './helpers';
import {
  activity as baseActivity, attendee as baseAttendee, page, residentWithUnit, reward as baseReward, staffTeam, volunteer,
} from './volunteers.fixtures';
import { __mock } from './mocks/taro';

// 小红帽, issue 5: 暂停 / 恢复 volunteers, editing rewards, 队长 (appointed by staff; starts activities, sees rosters).

const showModal = jest.fn(async (_o: { content: string }) => ({ confirm: true, cancel: false }));
Object.assign(Taro, { showModal });

const leads = [{ id: 2, name: '守望相助情暖夕阳' }];
const reward = (o: Partial<RewardItem> = {}) => baseReward({ stock: 3, redeemedCount: 2, ...o });
/** The team's activity: what a 队长 starts. */
const activity = (o: Partial<ActivityItem> = {}) => baseActivity({ teamId: 2, teamName: '守望相助情暖夕阳', title: '陪老人聊天', place: '社区活动室', slots: 10, ...o });
const attendee = (o: Partial<Attendee> = {}) => baseAttendee({ userId: 12, name: '刘大姐', ...o });
const member = (o: Partial<TeamMemberItem> = {}): TeamMemberItem => ({ userId: 11, name: '陈小红', phone: '139****0001', isLeader: false, ...o });
const volunteerMe = { ...residentWithUnit, id: 11, name: '陈小红' };

beforeEach(() => {
  resetTaro();
  setToken();
  showModal.mockClear();
});

describe('暂停 and 恢复 (staff volunteers screen)', () => {
  it('suspends an approved volunteer: says plainly that the tasks in hand stay theirs, needs a reason, asks, then posts', async () => {
    const busy = volunteer({ id: 31, userId: 11, name: '陈小红', tasksInHand: 2, pendingDispatches: 1, upcomingSignUps: 2, leads });
    const sent = serveRoutes(staffMe, {
      'GET /api/volunteers': (req) => ok({ items: queryOf(req).status === 'approved' ? [busy] : [] }),
      'POST /api/volunteers/31/suspend': () => ok({ ...busy, status: 'suspended', statusLabel: '已暂停', suspendReason: '多次爽约' }),
    });
    render(<VolStaffVolunteersPage />);
    await screen.findByText('没有待审核的申请。');
    await tap(byId('review-tab-approved'));
    await screen.findByText('陈小红');
    expect(text('volunteer-31')).toContain('队长：守望相助情暖夕阳');
    expect(text('volunteer-31')).toContain('手上还有 2 个任务没做完');
    await tap(byId('volunteer-31-suspend'));
    expect(text('suspend-impact')).toContain('陈小红 手上还有 2 个任务没做完：暂停后这些任务仍由 TA 做完，对方确认后照常记时长。');
    expect(text('suspend-impact')).toContain('派给 TA 的 1 条派单还没接受，暂停后会收回，需要重新派给别人。');
    expect(text('suspend-impact')).toContain('TA 报名了 2 个还没开始的活动，暂停后会取消这些报名，名额留给别人（只通知 TA 本人）。');
    expect(text('suspend-impact')).toContain('TA 是守望相助情暖夕阳的队长');
    await tap(byId('suspend-confirm'));
    expect(text('review-error')).toBe('请写明暂停的原因（至少 2 个字），志愿者会看到');
    expect(posts(sent, 'POST /api/volunteers/31/suspend')).toHaveLength(0);
    type('suspend-reason', '多次爽约');
    await tap(byId('suspend-confirm'));
    expect(showModal.mock.calls[0][0].content).toContain('TA 手上的 2 个任务仍由 TA 做完');
    await waitFor(() => expect(byId('volunteer-31')).toBeNull());
    expect(posts(sent, 'POST /api/volunteers/31/suspend')[0].data).toEqual({ reason: '多次爽约', version: 2 });
  });

  it('lists suspended volunteers with the reason and their history, and reinstates one after asking', async () => {
    const off = volunteer({ id: 32, userId: 12, name: '刘大姐', status: 'suspended', statusLabel: '已暂停', suspendReason: '多次爽约', version: 3 });
    const sent = serveRoutes(staffMe, {
      'GET /api/volunteers': (req) => ok({ items: queryOf(req).status === 'suspended' ? [off] : [] }),
      'GET /api/volunteers/32/history': () => ok({ items: [
        { id: 1, type: 'approved', typeLabel: '审核通过', fromStatus: 'applied', toStatus: 'approved', actorName: '赵主任', note: null, at: '2026-11-01T02:00:00.000Z' },
        { id: 2, type: 'suspended', typeLabel: '暂停服务', fromStatus: 'approved', toStatus: 'suspended', actorName: '赵主任', note: '多次爽约', at: '2026-11-20T02:00:00.000Z' },
      ] }),
      'POST /api/volunteers/32/reinstate': () => ok({ ...off, status: 'approved', statusLabel: '已通过', suspendReason: null, version: 4 }),
    });
    render(<VolStaffVolunteersPage />);
    await tap(await screen.findByText('已暂停'));
    await screen.findByText('刘大姐');
    expect(text('volunteer-32')).toContain('暂停原因：多次爽约');
    expect(byId('volunteer-32-suspend')).toBeNull();
    await tap(byId('volunteer-32-history-toggle'));
    await waitFor(() => expect(text('volunteer-32-history')).toContain('赵主任 暂停服务：多次爽约'));
    expect(text('volunteer-32-history')).toContain('赵主任 审核通过');
    await tap(byId('volunteer-32-reinstate'));
    expect(showModal.mock.calls[0][0].content).toContain('恢复后 TA 可以接单、报名活动');
    expect(await screen.findByText('没有暂停服务的志愿者。')).toBeTruthy();
    expect(posts(sent, 'POST /api/volunteers/32/reinstate')[0].data).toEqual({ version: 3 });
    await tap(byId('review-teams'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/vol-staff/teams/index' });
  });
});

describe('editing rewards (community staff)', () => {
  it('edits name, hours and the stock left with checks in plain words; a redemption meanwhile shows the current figure', async () => {
    let current = reward();
    let stockConflict = true;
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/rewards': () => ok([current]),
      'GET /api/timebank/settings': () => ok({ communityId: 3, dailyCapMinutes: 480, customised: false }),
      'PATCH /api/timebank/rewards/4': (req) => {
        if (stockConflict) {
          stockConflict = false;
          current = { ...current, stock: 2, redeemedCount: 3 };
          return fail(409, 'REWARD_STOCK_CHANGED', '数量刚刚有了变化（可能有人兑换了），现在还剩 2 份，请核对后再改');
        }
        const b = req.data as { name: string; costMinutes: number; stock?: number };
        current = { ...current, name: b.name, costMinutes: b.costMinutes, stock: b.stock ?? current.stock };
        return ok(current);
      },
    });
    render(<VolStaffRewardsPage />);
    await screen.findByText('免费理发一次');
    expect(text('reward-4')).toContain('需 2 小时 · 还剩 3 份 · 已兑换 2 份');
    await tap(byId('reward-4-edit'));
    expect((byId('reward-edit-name') as HTMLInputElement).value).toBe('免费理发一次');
    expect((byId('reward-edit-stock') as HTMLInputElement).value).toBe('3');
    type('reward-edit-hours', '0.2');
    await tap(byId('reward-edit-save'));
    expect(text('reward-edit-error')).toBe('所需时长请填 0.5 到 100 之间的小时数');
    type('reward-edit-hours', '1.5');
    type('reward-edit-stock', '-1');
    await tap(byId('reward-edit-save'));
    expect(text('reward-edit-error')).toBe('数量请填 0 或正整数，不限量就不填');
    type('reward-edit-name', '');
    await tap(byId('reward-edit-save'));
    expect(text('reward-edit-error')).toBe('请填写兑换项目名称');
    expect(posts(sent, 'PATCH /api/timebank/rewards/4')).toHaveLength(0);

    type('reward-edit-name', '理发券');
    type('reward-edit-stock', '10');
    await tap(byId('reward-edit-save'));
    await waitFor(() => expect(text('reward-edit-error')).toBe('数量刚刚有了变化（可能有人兑换了），现在还剩 2 份，请核对后再改'));
    expect(text('reward-4')).toContain('还剩 2 份 · 已兑换 3 份');
    expect(posts(sent, 'PATCH /api/timebank/rewards/4')[0].data).toEqual({ name: '理发券', description: '社区理发室', costMinutes: 90, stock: 10, stockSeen: 3 });
    await tap(byId('reward-edit-save'));
    await waitFor(() => expect(byId('reward-4-edit-form')).toBeNull());
    expect(posts(sent, 'PATCH /api/timebank/rewards/4')[1].data).toEqual({ name: '理发券', description: '社区理发室', costMinutes: 90, stock: 10, stockSeen: 2 });
    expect(text('reward-4')).toContain('理发券');
    expect(text('reward-4')).toContain('需 1.5 小时 · 还剩 10 份');

    // Only the name changes: the stock is not sent.
    await tap(byId('reward-4-edit'));
    type('reward-edit-name', '理发券一张');
    await tap(byId('reward-edit-save'));
    await waitFor(() => expect(posts(sent, 'PATCH /api/timebank/rewards/4')).toHaveLength(3));
    expect(posts(sent, 'PATCH /api/timebank/rewards/4')[2].data).toEqual({ name: '理发券一张', description: '社区理发室', costMinutes: 90 });
  });

  it('each message shows where its action was taken: the daily cap’s at the top of the page, the edit’s inside the open form', async () => {
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/rewards': () => ok([reward(), reward({ id: 5, name: '米一袋' })]),
      'GET /api/timebank/settings': () => ok({ communityId: 3, dailyCapMinutes: 480, customised: false }),
      'PATCH /api/timebank/rewards/5': () => fail(409, 'REWARD_INACTIVE', '这个兑换项目已下架'),
    });
    render(<VolStaffRewardsPage />);
    await screen.findByText('免费理发一次');
    await tap(byId('reward-4-edit'));
    type('cap-hours', '30');
    await tap(byId('cap-save'));
    expect(text('rewards-admin-error')).toBe('每日上限请填 0.5 到 24 之间的小时数');
    expect(byId('reward-edit-error')).toBeNull();
    // A server refusal of another reward's 下架, with reward 4's form still open: at the top too.
    await tap(byId('reward-5-toggle'));
    await waitFor(() => expect(text('rewards-admin-error')).toBe('这个兑换项目已下架'));
    expect(posts(sent, 'PATCH /api/timebank/rewards/5')).toHaveLength(1);
    expect(byId('reward-edit-error')).toBeNull();
    // The edit's own check: inside its form; the page's message stays where it was.
    type('reward-edit-hours', '0.2');
    await tap(byId('reward-edit-save'));
    expect(text('reward-edit-error')).toBe('所需时长请填 0.5 到 100 之间的小时数');
    expect(text('rewards-admin-error')).toBe('这个兑换项目已下架');
    await tap(byId('reward-edit-cancel'));
    expect(byId('reward-edit-error')).toBeNull();
    expect(text('rewards-admin-error')).toBe('这个兑换项目已下架');
  });

  it('puts a reward that is off the shelf back on (上架)', async () => {
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/rewards': () => ok([reward({ active: false })]),
      'GET /api/timebank/settings': () => ok({ communityId: 3, dailyCapMinutes: 480, customised: false }),
      'PATCH /api/timebank/rewards/4': () => ok(reward({ active: true })),
    });
    render(<VolStaffRewardsPage />);
    await screen.findByText('已下架');
    expect(text('reward-4-toggle')).toBe('上架');
    await tap(byId('reward-4-toggle'));
    await waitFor(() => expect(text('reward-4')).toContain('可兑换'));
    expect(posts(sent, 'PATCH /api/timebank/rewards/4')[0].data).toEqual({ active: true });
  });
});

describe('队长: appointed by staff', () => {
  it('appoints an approved member after asking, shows the leader, and clears it; a street team is the street admin’s', async () => {
    let leader: { userId: number; name: string; active: boolean } | null = null;
    const sent = serveRoutes(staffMe, {
      'GET /api/volunteers/teams': () => ok({ items: [
        staffTeam({ id: 2, name: '守望相助情暖夕阳', memberCount: 2, leader, canAppoint: true }),
        staffTeam({ id: 7, name: '银龄先锋在行动', level: 'street', communityId: null, leader: { userId: 20, name: '老李', active: false }, canAppoint: false }),
      ] }),
      'GET /api/volunteers/teams/2/members': () => ok({ items: [member({ isLeader: leader?.userId === 11 }), member({ userId: 12, name: '刘大姐' })] }),
      'PUT /api/volunteers/teams/2/leader': (req) => {
        const { userId } = req.data as { userId: number | null };
        if (userId === 12) return fail(409, 'TEAM_LEADER_NOT_APPROVED', '这位队员现在不是审核通过的志愿者（可能已暂停），不能担任队长');
        leader = userId === null ? null : { userId, name: '陈小红', active: true };
        return ok(staffTeam({ id: 2, name: '守望相助情暖夕阳', memberCount: 2, leader, canAppoint: true }));
      },
    });
    render(<VolStaffTeamsPage />);
    await screen.findByText('守望相助情暖夕阳');
    expect(text('teams-intro')).toContain('签到、签退和记入时长仍由社区工作人员负责');
    expect(text('team-2-leader')).toBe('还没有队长');
    expect(text('team-7-leader')).toContain('队长：老李（志愿服务已暂停');
    expect(text('team-7')).toContain('街道队伍的队长由街道管理员任命。');
    expect(byId('team-7-choose')).toBeNull();

    await tap(byId('team-2-choose'));
    await screen.findByText('刘大姐');
    await tap(byId('team-2-appoint-12'));
    expect(await screen.findByText('这位队员现在不是审核通过的志愿者（可能已暂停），不能担任队长')).toBeTruthy();
    await tap(byId('team-2-appoint-11'));
    expect(showModal.mock.calls[1][0].content).toContain('让 陈小红 担任守望相助情暖夕阳的队长');
    await waitFor(() => expect(text('team-2-leader')).toBe('队长：陈小红'));
    await waitFor(() => expect(text('team-2-member-11')).toContain('现任队长'));
    expect(byId('team-2-appoint-11')).toBeNull();
    expect(posts(sent, 'PUT /api/volunteers/teams/2/leader').map((r) => r.data)).toEqual([{ userId: 12 }, { userId: 11 }]);

    await tap(byId('team-2-clear'));
    await waitFor(() => expect(text('team-2-leader')).toBe('还没有队长'));
    expect(posts(sent, 'PUT /api/volunteers/teams/2/leader')[2].data).toEqual({ userId: null });
  });

  it('a resident gets a plain line and sends no team request', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<VolStaffTeamsPage />);
    expect(await screen.findByText('这个页面供社区工作人员和街道管理员任命队长使用。')).toBeTruthy();
    expect(sent.filter((r) => r.url !== '/api/me')).toHaveLength(0);
  });
});

describe('队长: on the 活动 screens', () => {
  it('a leader starts an activity for their team (hours follow its length) and reads the roster of their team’s activities', async () => {
    const sent = serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, name: '陈小红', leads })),
      'GET /api/timebank/activities': () => ok([activity(), activity({ id: 10, teamId: null, teamName: null, title: '反诈宣传' })]),
      'GET /api/timebank/activities/9/attendees': () => ok([attendee(), attendee({ userId: 13, name: '王大爷', status: 'cancelled' })]),
      'POST /api/timebank/activities': (req) => ({ status: 201, body: activity({ id: 11, title: (req.data as { title: string }).title, taken: 0 }) }),
    });
    render(<VolunteerActivitiesPage />);
    await screen.findByText('反诈宣传');
    expect(text('leader-section')).toContain('我是队长：守望相助情暖夕阳');
    expect(text('leader-limits')).toBe('签到、签退和记入时长由社区工作人员负责。');
    expect(byId('activity-10-roster-toggle')).toBeNull();
    await tap(byId('activity-9-roster-toggle'));
    await waitFor(() => expect(text('activity-9-roster')).toContain('刘大姐已报名'));
    expect(text('activity-9-roster')).toContain('王大爷已取消报名');
    expect(text('activity-9-roster')).toContain('已报名 1 人');
    expect(byId('attendee-12-in')).toBeNull();

    await tap(byId('leader-new'));
    await tap(byId('leader-save'));
    expect(text('leader-error')).toBe('请填写活动名称，至少 2 个字');
    type('leader-title', '陪独居老人聊天');
    type('leader-day-picker', '2030-12-01');
    type('leader-start-picker', '14:00');
    type('leader-end-picker', '16:00');
    type('leader-place', '3 号楼 101');
    type('leader-slots', '4');
    type('leader-description', '带点水果');
    await tap(byId('leader-save'));
    expect(posts(sent, 'POST /api/timebank/activities')[0].data).toEqual({
      title: '陪独居老人聊天', place: '3 号楼 101', description: '带点水果', startsAt: '2030-12-01T14:00:00+08:00', endsAt: '2030-12-01T16:00:00+08:00', slots: 4, teamId: 2,
    });
    expect(await screen.findByText('陪独居老人聊天')).toBeTruthy();
    expect(byId('leader-form')).toBeNull();
  });

  it.each([
    ['a suspended leader', volunteer({ userId: 11, status: 'suspended', statusLabel: '已暂停', leads })],
    ['an approved volunteer who leads no team', volunteer({ userId: 11, leads: [] })],
  ])('%s gets no leader form and no roster (once their profile has been answered)', async (_who, profile) => {
    const sent = serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(profile),
      'GET /api/timebank/activities': () => ok([activity()]),
    });
    render(<VolunteerActivitiesPage />);
    await screen.findByText('陪老人聊天');
    // Absence only means something once the profile is in: wait for it to be served, then let React apply it.
    await waitFor(() => expect(posts(sent, 'GET /api/volunteers/me')).toHaveLength(1));
    await act(async () => {
      await new Promise((done) => setTimeout(done, 0));
    });
    expect(byId('leader-section')).toBeNull();
    expect(byId('activity-9-roster-toggle')).toBeNull();
  });

  it('the leader reads the roster on the activity page too', async () => {
    __mock.setRouterParams({ id: '9' });
    serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, leads })),
      'GET /api/timebank/activities/9': () => ok(activity()),
      'GET /api/timebank/activities/9/attendees': () => ok([attendee()]),
    });
    render(<VolunteerActivityPage />);
    await tap(await screen.findByText('报名名单'));
    await waitFor(() => expect(text('activity-9-roster')).toContain('刘大姐已报名'));
    expect(text('activity-9-roster')).toContain('签到、签退和记入时长由社区工作人员负责。');
  });
});

describe('the volunteer’s own profile', () => {
  it('says which teams they lead; when suspended, why, and that their tasks in hand are still theirs', async () => {
    serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, status: 'suspended', statusLabel: '已暂停', suspendReason: '多次爽约', tasksInHand: 1, leads })),
      'GET /api/volunteers/teams': () => ok({ items: [] }),
    });
    render(<ApplyPage />);
    expect(await screen.findByText('暂停原因：多次爽约')).toBeTruthy();
    expect(text('apply-status-text')).toContain('已经接下的任务请照常完成，完成后照常记时长');
    expect(text('apply-leads')).toBe('您是守望相助情暖夕阳的队长，暂停期间不能以队长身份发起活动。');
    await tap(byId('apply-tasks'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/tasks/index' });
  });

  it('an approved leader is told they can start activities for the team', async () => {
    serveRoutes(volunteerMe, { 'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, leads })), 'GET /api/volunteers/teams': () => ok({ items: [] }) });
    render(<ApplyPage />);
    await waitFor(() => expect(text('apply-leads')).toBe('您是守望相助情暖夕阳的队长，可以在“志愿活动”里为本队发起活动。'));
  });

  it('the 小红帽 tab tells a suspended volunteer why and still opens their tasks', async () => {
    serveRoutes(volunteerMe, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11, status: 'suspended', statusLabel: '已暂停', suspendReason: '多次爽约', tasksInHand: 2 })),
      'GET /api/help-requests/mine': () => page([]),
    });
    render(<VolunteersPage />);
    await waitFor(() => expect(text('vol-suspended')).toContain('原因：多次爽约'));
    expect(text('vol-suspended')).toContain('已经接下的 2 个任务请照常完成');
    expect(byId('vol-hall')).toBeNull();
    await tap(byId('vol-tasks'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/tasks/index' });
  });
});
