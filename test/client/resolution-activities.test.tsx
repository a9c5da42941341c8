import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ResolutionDetail } from '@contracts/deliberation-outcomes.contract';
import DelibStaffMinutesPage from '@/packages/delib-staff/minutes/index';
import VolStaffActivitiesPage from '@/packages/vol-staff/activities/index';
import ResolutionPage from '@/packages/deliberation/resolution/index';
import VolunteerActivityPage from '@/packages/volunteers/activity/index';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { agenda, attendance, outcome, posts, resolution, resolutionDetail, session, staffMe, type } from './deliberation-staff.fixtures';
import { byId, fail, ok, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, resetTaro, setToken } from './helpers';
import { __mock } from './mocks/taro';
import { activity, residentWithUnit, volunteer } from './volunteers.fixtures';

// 决议 → 志愿活动 (PRODUCT.md, "Across the flows": a resolution can become volunteer work; the links are kept).

const FROM = { id: 81, title: '遛狗一律拴绳' };
const navigatedTo = () => (Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0].url);

beforeEach(() => {
  resetTaro();
  setToken();
});

describe('发起志愿活动 on the staff resolutions (纪要与决议)', () => {
  it('opens the 小红帽 activities screen with the resolution’s id', async () => {
    __mock.setRouterParams({ sessionId: '7' });
    serveRoutes(staffMe, {
      'GET /api/deliberation/sessions/7': () => ok(session({ startsAt: '2025-11-28T09:00:00.000Z', endsAt: '2025-11-28T10:30:00.000Z', registrationOpen: false })),
      'GET /api/deliberation/sessions/7/agenda': () => ok(agenda()),
      'GET /api/deliberation/sessions/7/attendance': () => ok(attendance([])),
      'GET /api/deliberation/sessions/7/outcome': () => ok(outcome({ resolutions: [resolution()] })),
    });
    render(<DelibStaffMinutesPage />);
    await tap(await screen.findByText('发起志愿活动'));
    expect(byId('resolution-81-activity')).not.toBeNull();
    expect(navigatedTo()).toEqual(['/packages/vol-staff/activities/index?resolutionId=81']);
  });
});

describe('the staff activities screen opened from a resolution', () => {
  const fillTheRest = () => {
    type('activity-place', '小区南门');
    type('activity-day-picker', '2030-12-01');
    type('activity-start-picker', '09:00');
    type('activity-end-picker', '11:00');
    type('activity-slots', '10');
    type('activity-credit', '120');
  };

  it('fills the form from the resolution, says where it comes from, and sends its id once', async () => {
    __mock.setRouterParams({ resolutionId: '81' });
    let next = 10;
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/activities': () => ok([]),
      'GET /api/deliberation/resolutions/81': () => ok(resolutionDetail()),
      'POST /api/timebank/activities': (req) => {
        const b = req.data as { title: string; resolutionId?: number };
        return { status: 201, body: activity({ id: next++, title: b.title, taken: 0, resolution: b.resolutionId === 81 ? FROM : null }) };
      },
    });
    render(<VolStaffActivitiesPage />);
    await waitFor(() => expect(text('activity-from-resolution')).toBe('来自议事决议：遛狗一律拴绳'));
    expect((byId('activity-title') as HTMLInputElement).value).toBe('遛狗一律拴绳');
    fillTheRest();
    await tap(byId('activity-save'));
    expect(posts(sent, 'POST /api/timebank/activities')[0].data).toEqual({
      title: '遛狗一律拴绳', place: '小区南门', description: '', startsAt: '2030-12-01T09:00:00+08:00', endsAt: '2030-12-01T11:00:00+08:00',
      slots: 10, creditMinutes: 120, teamId: null, resolutionId: 81,
    });

    // The new activity in the list names its resolution and opens it.
    await waitFor(() => expect(text('activity-10-resolution')).toBe('来自议事决议：遛狗一律拴绳 ›'));
    await tap(byId('activity-10-resolution'));
    expect(navigatedTo()).toEqual(['/packages/deliberation/resolution/index?id=81']);

    // The link is used up: the next activity starts plain.
    await tap(byId('activity-new'));
    expect(byId('activity-from-resolution')).toBeNull();
    type('activity-title', '反诈宣传');
    fillTheRest();
    await tap(byId('activity-save'));
    expect(posts(sent, 'POST /api/timebank/activities')[1].data).not.toHaveProperty('resolutionId');
    await waitFor(() => expect(byId('activity-11')).not.toBeNull());
    expect(byId('activity-11-resolution')).toBeNull();
  });

  it('a resolution it cannot read: the server’s message, and no link is sent', async () => {
    __mock.setRouterParams({ resolutionId: '99' });
    const sent = serveRoutes(staffMe, {
      'GET /api/timebank/activities': () => ok([]),
      'GET /api/deliberation/resolutions/99': () => fail(404, 'RESOLUTION_NOT_FOUND', '没有找到这项决议'),
      'POST /api/timebank/activities': () => ({ status: 201, body: activity({ id: 10, title: '反诈宣传' }) }),
    });
    render(<VolStaffActivitiesPage />);
    expect(await screen.findByText('没有找到这项决议')).toBeTruthy();
    expect(byId('activity-form')).toBeNull();
    await tap(byId('activity-new'));
    expect(byId('activity-from-resolution')).toBeNull();
    type('activity-title', '反诈宣传');
    fillTheRest();
    await tap(byId('activity-save'));
    expect(posts(sent, 'POST /api/timebank/activities')[0].data).not.toHaveProperty('resolutionId');
  });
});

describe('the public resolution page lists its volunteer activities', () => {
  const withActivities = (o: Partial<ResolutionDetail> = {}) =>
    resolutionDetail({
      activities: [
        { id: 9, title: '楼道清理', startsAt: '2030-11-30T01:00:00.000Z', status: 'open' },
        { id: 12, title: '文明养犬宣传', startsAt: '2025-11-01T01:00:00.000Z', status: 'credited' },
      ],
      history: [
        { id: 1, kind: 'created', fromStatus: null, toStatus: 'planned', note: null, by: { id: 5, name: '赵主任' }, at: '2025-10-20T02:00:00.000Z' },
        { id: 2, kind: 'note', fromStatus: 'planned', toStatus: 'planned', note: '发起志愿活动：楼道清理', by: { id: 5, name: '赵主任' }, at: '2025-10-21T02:00:00.000Z' },
      ],
      ...o,
    });

  it('a resident sees title, China-time start and state, and opens the activity page', async () => {
    __mock.setRouterParams({ id: '81' });
    serveRoutes(residentWithUnit, { 'GET /api/deliberation/resolutions/81': () => ok(withActivities()) });
    render(<ResolutionPage />);
    expect(await screen.findByText('志愿活动（2 个）')).toBeTruthy();
    expect(text('resolution-activity-9')).toBe(`楼道清理 ›${chinaDateTime('2030-11-30T01:00:00.000Z')} · 报名中`);
    expect(text('resolution-activity-9')).toContain('11月30日（周六）09:00');
    expect(text('resolution-activity-12')).toContain('已记时长');
    expect(text('history-2')).toContain('发起志愿活动：楼道清理');
    await tap(byId('resolution-activity-9'));
    expect(navigatedTo()).toEqual(['/packages/volunteers/activity/index?id=9']);
  });

  it('community staff go to their activities screen; a grid worker (no activity screen) gets plain rows', async () => {
    __mock.setRouterParams({ id: '81' });
    serveRoutes(staffMe, { 'GET /api/deliberation/resolutions/81': () => ok(withActivities()) });
    const staffView = render(<ResolutionPage />);
    await tap(await screen.findByText('楼道清理 ›'));
    expect(navigatedTo()).toEqual(['/packages/vol-staff/activities/index']);
    staffView.unmount();

    (Taro.navigateTo as jest.Mock).mockClear();
    serveRoutes(gridWorkerMe, { 'GET /api/deliberation/resolutions/81': () => ok(withActivities()) });
    render(<ResolutionPage />);
    await screen.findByText('志愿活动（2 个）');
    expect(text('resolution-activity-9')).not.toContain('›');
    await tap(byId('resolution-activity-9'));
    expect(navigatedTo()).toEqual([]);
  });

  it('says nothing about volunteer activities when there are none', async () => {
    __mock.setRouterParams({ id: '81' });
    serveRoutes(residentWithUnit, { 'GET /api/deliberation/resolutions/81': () => ok(resolutionDetail()) });
    render(<ResolutionPage />);
    await screen.findByText('落实经过');
    expect(byId('resolution-activities')).toBeNull();
  });
});

describe('the volunteer activity page', () => {
  it('shows 来自议事决议 and opens the resolution', async () => {
    __mock.setRouterParams({ id: '9' });
    serveRoutes({ ...residentWithUnit, id: 11 }, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11 })),
      'GET /api/timebank/activities/9': () => ok(activity({ resolution: FROM })),
    });
    render(<VolunteerActivityPage />);
    expect(await screen.findByText('来自议事决议：遛狗一律拴绳 ›')).toBeTruthy();
    await tap(byId('activity-9-resolution'));
    expect(navigatedTo()).toEqual(['/packages/deliberation/resolution/index?id=81']);
  });

  it('an activity not from a resolution has no such line', async () => {
    __mock.setRouterParams({ id: '9' });
    serveRoutes({ ...residentWithUnit, id: 11 }, {
      'GET /api/volunteers/me': () => ok(volunteer({ userId: 11 })),
      'GET /api/timebank/activities/9': () => ok(activity()),
    });
    render(<VolunteerActivityPage />);
    await screen.findByText('楼道清理');
    expect(byId('activity-9-resolution')).toBeNull();
  });
});
