import fs from 'node:fs';
import path from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Roles, type Role } from '@contracts/roles';
import type { HelpRequestItem, VolunteerItem } from '@contracts/volunteers.contract';
import VolStaffVolunteersPage from '@/packages/vol-staff/volunteers/index';
import VolStaffDispatchPage from '@/packages/vol-staff/dispatch/index';
import VolStaffActivitiesPage from '@/packages/vol-staff/activities/index';
import VolStaffRewardsPage from '@/packages/vol-staff/rewards/index';
import {
  canAskForResident, canDispatch, canExportRecords, canManageRewards, canOpenStaffRewards, canReviewVolunteers, canRunActivities, canUseVolunteerServices,
} from '@/services/permissions';
import { posts, staffMe, type } from './deliberation-staff.fixtures';
import { byId, ok, queryOf, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, resetTaro, setToken } from './helpers';
import { activity, attendee } from './volunteers.fixtures';

const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
Object.assign(Taro, { showModal });

const applicant = (o: Partial<VolunteerItem> = {}): VolunteerItem => ({
  id: 31, userId: 11, name: '陈小红', phone: '139****0001', communityId: 3, status: 'applied', statusLabel: '待审核',
  skills: ['digital_help', 'companionship'], availability: ['weekend_morning'], teams: [{ id: 2, name: '守望相助情暖夕阳' }],
  intro: '会用智能手机', declineReason: null, suspendReason: null, tasksInHand: 0, pendingDispatches: 0, upcomingSignUps: 0, leads: [], appliedAt: '2026-11-20T02:00:00.000Z', decidedAt: null, version: 1, ...o,
});
const helpRequest = (o: Partial<HelpRequestItem> = {}): HelpRequestItem => ({
  id: 41, version: 2, skill: 'digital_help', skillLabel: '手机电脑帮忙', description: '想学视频通话，和孩子们视频', windowFrom: '2030-11-30T01:00:00.000Z',
  windowTo: '2030-11-30T02:00:00.000Z', placeLabel: '3 号楼 2 单元 101', communityName: '创业一社区', gridName: '第一网格', volunteersNeeded: 1,
  takenCount: 0, status: 'open', statusLabel: '待接单', requesterName: '张大爷', proxyFor: '张大爷', volunteers: [], rating: null, ratingComment: null,
  creditedMinutes: null, createdAt: '2026-11-20T02:00:00.000Z', mySeat: null, actions: ['dispatch'], ...o,
});

const realFetch = globalThis.fetch;
beforeEach(() => {
  resetTaro();
  setToken();
  showModal.mockClear();
});
afterEach(() => {
  Object.assign(globalThis, { fetch: realFetch });
});

describe('who sees the 小红帽 staff screens', () => {
  it.each([
    ['canReviewVolunteers', ['community_staff', 'street_admin'], canReviewVolunteers],
    ['canDispatch', ['grid_worker', 'community_staff', 'street_admin'], canDispatch],
    ['canRunActivities', ['community_staff'], canRunActivities],
    ['canExportRecords', ['community_staff', 'street_admin'], canExportRecords],
    ['canManageRewards', ['community_staff'], canManageRewards],
    ['canOpenStaffRewards', ['community_staff', 'street_admin'], canOpenStaffRewards],
    ['canUseVolunteerServices', ['resident'], canUseVolunteerServices],
    ['canAskForResident', ['grid_worker'], canAskForResident],
  ] as const)('%s: %j', (_name, roles, check) => {
    expect(Roles.filter((r: Role) => check(r))).toEqual(roles);
  });

  it('no time-bank or staff file imports a zod contract at runtime (types only)', () => {
    const client = path.resolve(__dirname, '../../client');
    const files = [path.join(client, 'services/timebank.api.ts'), path.join(client, 'services/volunteers-staff.api.ts')];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(e.name)) files.push(full);
      }
    };
    ['packages/vol-staff', 'components/vol-staff', 'packages/volunteers/hours', 'packages/volunteers/rewards', 'packages/volunteers/activities', 'packages/volunteers/activity'].forEach((d) => walk(path.join(client, d)));
    expect(files.length).toBeGreaterThan(25);
    const runtime = files.filter((f) => /^import\s+(?!type\b)[^;]*from '@contracts\/[^']*\.contract'/m.test(fs.readFileSync(f, 'utf8')));
    expect(runtime).toEqual([]);
  });

  it('a resident gets a plain line and sends no staff request', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<VolStaffDispatchPage />);
    expect(await screen.findByText('这个页面供网格员、社区工作人员和街道管理员派单使用。')).toBeTruthy();
    render(<VolStaffActivitiesPage />);
    expect(await screen.findByText('这个页面供社区工作人员管理志愿活动使用。')).toBeTruthy();
    expect(sent.filter((r) => r.url !== '/api/me')).toHaveLength(0);
  });
});

describe('approving volunteers', () => {
  it('approves one, and declines another only with a reason, after asking', async () => {
    const sent = serveRoutes(staffMe, {
      'GET /api/volunteers': (req) => ok({ items: queryOf(req).status === 'applied' ? [applicant(), applicant({ id: 32, userId: 12, name: '刘大姐', version: 3 })] : [] }),
      'POST /api/volunteers/31/approve': () => ok(applicant({ status: 'approved', statusLabel: '已通过' })),
      'POST /api/volunteers/32/decline': () => ok(applicant({ id: 32, status: 'declined' })),
    });
    render(<VolStaffVolunteersPage />);
    await screen.findByText('陈小红');
    expect(text('volunteer-31')).toContain('能帮忙：手机电脑帮忙、陪伴聊天');
    expect(text('volunteer-31')).toContain('空闲时间：周末上午');
    expect(text('volunteer-31')).toContain('队伍：守望相助情暖夕阳');
    await tap(byId('volunteer-31-approve'));
    await waitFor(() => expect(byId('volunteer-31')).toBeNull());
    expect(posts(sent, 'POST /api/volunteers/31/approve')[0].data).toEqual({ version: 1 });

    await tap(byId('volunteer-32-decline'));
    await tap(byId('decline-confirm'));
    expect(text('review-error')).toBe('请写明未通过的原因，申请人会看到');
    expect(posts(sent, 'POST /api/volunteers/32/decline')).toHaveLength(0);
    type('decline-reason', '暂不在本社区居住');
    await tap(byId('decline-confirm'));
    expect(showModal).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(byId('volunteer-32')).toBeNull());
    expect(posts(sent, 'POST /api/volunteers/32/decline')[0].data).toEqual({ reason: '暂不在本社区居住', version: 3 });
    expect(await screen.findByText('没有待审核的申请。')).toBeTruthy();

    await tap(byId('review-tab-approved'));
    expect(await screen.findByText('还没有审核通过的志愿者。')).toBeTruthy();
  });
});

describe('the dispatch board', () => {
  it('shows open requests, the suggested volunteers, and dispatches to one', async () => {
    const sent = serveRoutes(gridWorkerMe, {
      'GET /api/help-requests/board': () => ok({ items: [helpRequest()], nextCursor: null }),
      'GET /api/help-requests/41/suggestions': () => ok({ items: [
        { userId: 11, name: '陈小红', skills: ['digital_help'], matchesTime: true, recentTasks: 0 },
        { userId: 12, name: '刘大姐', skills: ['digital_help'], matchesTime: false, recentTasks: 3 },
      ] }),
      'POST /api/help-requests/41/dispatch': () => ok({ ...helpRequest({ status: 'filled', statusLabel: '已接单', takenCount: 1, actions: [],
        volunteers: [{ userId: 11, name: '陈小红', status: 'dispatched', statusLabel: '待接受派单' }] }), events: [] }),
    });
    render(<VolStaffDispatchPage />);
    await screen.findByText('想学视频通话，和孩子们视频');
    expect(text('request-41')).toContain('求助人：张大爷（网格员代办）');
    expect(text('request-41')).toContain('需要 1 位，已有 0 位');
    await tap(byId('request-41-dispatch'));
    await screen.findByText('派给 陈小红');
    expect(text('suggestion-11')).toContain('时间合适');
    expect(text('suggestion-12')).toContain('近 30 天接了 3 单');
    await tap(byId('suggestion-11-dispatch'));
    await waitFor(() => expect(text('request-41')).toContain('陈小红（待接受派单）'));
    expect(posts(sent, 'POST /api/help-requests/41/dispatch')[0].data).toEqual({ volunteerUserId: 11 });
    expect(byId('request-41-dispatch')).toBeNull();
  });

  it('sends 代为确认 to the request page, where the one confirmation form (stars, comment, hours) lives', async () => {
    const done = helpRequest({ status: 'done', statusLabel: '待确认', takenCount: 1, actions: ['confirm_on_behalf'],
      volunteers: [{ userId: 11, name: '陈小红', status: 'accepted', statusLabel: '已接单' }] });
    const sent = serveRoutes(staffMe, {
      'GET /api/help-requests/board': (req) => ok({ items: queryOf(req).status === 'done' ? [done] : [], nextCursor: null }),
    });
    render(<VolStaffDispatchPage />);
    await screen.findByText('没有等人接的微心愿。');
    await tap(byId('board-tab-done'));
    await tap(await screen.findByText('代为确认完成（求助人没有手机）'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/request/index?id=41' });
    expect(posts(sent, 'POST /api/help-requests/41/confirm-on-behalf')).toHaveLength(0);
  });
});

describe('activities (community staff)', () => {
  it('checks an attendee in and out, then credits everyone checked in and lists the no-shows', async () => {
    let people = [attendee(), attendee({ userId: 12, name: '刘大姐' })];
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/activities': () => ok([activity()]),
      'GET /api/timebank/activities/9/attendees': () => ok(people),
      'POST /api/timebank/activities/9/check-in': () => {
        people = people.map((p) => (p.userId === 11 ? { ...p, checkedInAt: '2030-11-30T01:02:00.000Z' } : p));
        return ok(people[0]);
      },
      'POST /api/timebank/activities/9/check-out': () => {
        people = people.map((p) => (p.userId === 11 ? { ...p, checkedOutAt: '2030-11-30T03:01:00.000Z' } : p));
        return ok(people[0]);
      },
      'POST /api/timebank/activities/9/credit': () => {
        people = people.map((p) => ({ ...p, attendance: p.userId === 11 ? 'attended' : 'no_show' }));
        return ok({ activityId: 9, credited: [{ userId: 11, creditedMinutes: 120, cappedMinutes: 0, duplicate: false }], noShows: [12] });
      },
    });
    render(<VolStaffActivitiesPage />);
    await screen.findByText('楼道清理');
    await tap(byId('activity-9-attendees-toggle'));
    await tap(await screen.findByText('签到', { selector: '#attendee-11-in' }));
    await waitFor(() => expect(text('attendee-11')).toContain('已签到 09:02'));
    await tap(byId('attendee-11-out'));
    await waitFor(() => expect(text('attendee-11')).toContain('已签退 11:01'));
    expect(posts(sent, 'POST /api/timebank/activities/9/check-in')[0].data).toEqual({ userId: 11 });

    await tap(byId('activity-9-credit'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('每人记入 2 小时') }));
    await waitFor(() => expect(text('credit-result-9')).toContain('已记时长 1 人，缺席 1 人'));
    expect(text('credit-result-9')).toContain('陈小红：+2 小时');
    expect(text('credit-result-9')).toContain('缺席：刘大姐');
    expect(text('attendee-12')).toContain('缺席，未记时长');
    expect(byId('activity-9-credit')).toBeNull();
    expect(posts(sent, 'POST /api/timebank/activities/9/credit')).toHaveLength(1);
  });

  it('creates an activity: says what is missing, then posts the form', async () => {
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/activities': () => ok([]),
      'POST /api/timebank/activities': (req) => ({ status: 201, body: activity({ id: 10, title: (req.data as { title: string }).title, taken: 0 }) }),
    });
    render(<VolStaffActivitiesPage />);
    await screen.findByText('还没有志愿活动。');
    await tap(byId('activity-new'));
    await tap(byId('activity-save'));
    expect(text('activities-error')).toBe('请填写活动名称，至少 2 个字');
    type('activity-title', '反诈宣传');
    type('activity-place', '社区广场');
    type('activity-day-picker', '2030-12-01');
    type('activity-start-picker', '09:00');
    type('activity-end-picker', '11:00');
    type('activity-slots', '10');
    type('activity-credit', '120');
    await tap(byId('activity-save'));
    expect(posts(sent, 'POST /api/timebank/activities')[0].data).toEqual({
      title: '反诈宣传', place: '社区广场', description: '', startsAt: '2030-12-01T09:00:00+08:00', endsAt: '2030-12-01T11:00:00+08:00',
      slots: 10, creditMinutes: 120, teamId: null,
    });
    expect(await screen.findByText('反诈宣传')).toBeTruthy();
  });
});

describe('rewards and the daily cap (community staff)', () => {
  it('sets the daily cap in hours and takes a reward off the shelf after asking', async () => {
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/rewards': () => ok([{ id: 4, name: '免费理发一次', description: null, costMinutes: 120, stock: null, active: true }]),
      'GET /api/timebank/settings': () => ok({ communityId: 3, dailyCapMinutes: 480, customised: false }),
      'PUT /api/timebank/settings': () => ok({ communityId: 3, dailyCapMinutes: 360, customised: true }),
      'PATCH /api/timebank/rewards/4': () => ok({ id: 4, name: '免费理发一次', description: null, costMinutes: 120, stock: null, active: false }),
    });
    render(<VolStaffRewardsPage />);
    await screen.findByText('现在：每人每天最多 8 小时（默认）');
    type('cap-hours', '6');
    await tap(byId('cap-save'));
    await screen.findByText('现在：每人每天最多 6 小时');
    expect(posts(sent, 'PUT /api/timebank/settings')[0].data).toEqual({ dailyCapMinutes: 360 });
    await tap(byId('reward-4-toggle'));
    await waitFor(() => expect(text('reward-4')).toContain('已下架'));
    expect(posts(sent, 'PATCH /api/timebank/rewards/4')[0].data).toEqual({ active: false });
  });

  it('a street admin sees only the export; a failed export shows the server message', async () => {
    const streetMe = { ...staffMe, id: 6, role: 'street_admin' as const, scope: { level: 'street' as const, id: 1, name: '街道' } };
    const sent = serveRoutes(streetMe, {});
    const fetchMock = jest.fn(async () => ({ ok: false, status: 403, text: async () => JSON.stringify({ code: 'FORBIDDEN', message: '只能导出本街道的服务记录' }) }));
    Object.assign(globalThis, { fetch: fetchMock });
    render(<VolStaffRewardsPage />);
    await tap(await screen.findByText('导出 Excel'));
    expect(byId('reward-new')).toBeNull();
    expect(await screen.findByText('只能导出本街道的服务记录')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, { headers: Record<string, string> }];
    expect(url).toMatch(/^\/api\/timebank\/export\?from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}$/);
    expect(init.headers.Authorization).toBe('Bearer test-token');
    expect(sent.filter((r) => r.url.includes('/api/timebank'))).toHaveLength(0);
  });
});
