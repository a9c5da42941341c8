import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { IDEMPOTENCY_HEADER } from '@contracts/errors';
import VolunteersPage from '@/pages/volunteers/index';
import AskPage from '@/packages/volunteers/ask/index';
import { residentScreenSetup } from './deliberation-resident.fixtures';
import { byId, fail, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, routeOf } from './helpers';
import { __mock } from './mocks/taro';
import { helpRequest, notVolunteer, page, residentWithUnit, volunteer } from './volunteers.fixtures';

const staffMe = { ...gridWorkerMe, id: 3, name: '解娜', role: 'community_staff' as const, scope: { level: 'community' as const, id: 3, name: '创业一社区' } };

async function type(id: string, value: string) {
  await act(async () => {
    fireEvent.change(byId(id) as Element, { target: { value } });
  });
}

/** Let pending answers arrive. */
async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('小红帽 tab', () => {
  residentScreenSetup();

  const mine = page([
    helpRequest({ id: 21, status: 'filled', statusLabel: '已接单', takenCount: 1, volunteers: [{ userId: 8, name: '张建华', status: 'accepted', statusLabel: '已接单' }] }),
    helpRequest({ id: 22, description: '陪我去医院', status: 'confirmed', statusLabel: '已完成' }),
  ]);

  it('a resident who is not a volunteer: 请人帮忙, my requests under way with who is coming, and 报名当志愿者', async () => {
    serveRoutes(residentWithUnit, { 'GET /api/volunteers/me': () => notVolunteer, 'GET /api/help-requests/mine': () => mine });
    render(<VolunteersPage />);
    expect(await screen.findByText('想学用手机和孩子视频')).toBeTruthy();
    expect(byId('volunteers-not-ready')).toBeNull();
    expect(text('help-21-status')).toBe('已接单');
    expect(text('help-21-coming')).toBe('张建华 会来帮忙');
    // Finished requests are in 我的全部求助, not on the tab.
    expect(screen.queryByText('陪我去医院')).toBeNull();
    expect(byId('vol-not-volunteer')).not.toBeNull();

    await tap(byId('vol-ask'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/ask/index' });
    await tap(byId('vol-apply'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/apply/index' });
    await tap(screen.getByText('想学用手机和孩子视频'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/request/index?id=21' });
  });

  it('an applicant sees the waiting line and no hall', async () => {
    serveRoutes(residentWithUnit, {
      'GET /api/volunteers/me': () => ({ status: 200, body: volunteer({ status: 'applied', statusLabel: '待审核' }) }),
      'GET /api/help-requests/mine': () => page([]),
    });
    render(<VolunteersPage />);
    expect(await screen.findByText('您的志愿者报名已交给社区，正在审核，请耐心等待。')).toBeTruthy();
    expect(text('vol-no-requests')).toBe('您现在没有正在进行的求助。');
    expect(byId('vol-hall')).toBeNull();
    expect(byId('vol-apply')).toBeNull();
  });

  it('an approved volunteer gets the hall, tasks, hours, rewards and activities', async () => {
    serveRoutes(residentWithUnit, { 'GET /api/volunteers/me': () => ({ status: 200, body: volunteer() }), 'GET /api/help-requests/mine': () => page([]) });
    render(<VolunteersPage />);
    await tap(await screen.findByText('接单大厅：看看谁需要帮忙'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/hall/index' });
    const targets: Array<[string, string]> = [
      ['vol-tasks', '/packages/volunteers/tasks/index'],
      ['vol-hours', '/packages/volunteers/hours/index'],
      ['vol-rewards', '/packages/volunteers/rewards/index'],
      ['vol-activities', '/packages/volunteers/activities/index'],
    ];
    for (const [id, url] of targets) {
      await tap(byId(id));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });

  it('a declined applicant sees the reason and can apply again', async () => {
    serveRoutes(residentWithUnit, {
      'GET /api/volunteers/me': () => ({ status: 200, body: volunteer({ status: 'declined', statusLabel: '未通过', declineReason: '请先完成社区登记' }) }),
      'GET /api/help-requests/mine': () => page([]),
    });
    render(<VolunteersPage />);
    expect(await screen.findByText('社区没有通过您的报名。原因：请先完成社区登记')).toBeTruthy();
    expect(byId('vol-apply')!.textContent).toBe('重新报名');
  });

  it('a resident without a unit gets one plain line and the choose-unit button, and nothing is loaded', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<VolunteersPage />);
    await tap(await screen.findByText('选择单元'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/unit/index' });
    expect(text('vol-no-unit')).toContain('您还没有选择居住的单元');
    expect(sent.map(routeOf)).toEqual(['GET /api/me']);
  });

  it('a grid worker gets 代居民请人帮忙 (proxy mode), the dispatch board and their proxies; no resident part', async () => {
    const sent = serveRoutes(gridWorkerMe, {});
    render(<VolunteersPage />);
    await tap(await screen.findByText('代居民请人帮忙'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/ask/index?proxy=1' });
    await tap(byId('vol-dispatch'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/vol-staff/dispatch/index' });
    await tap(byId('vol-proxy-requests'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/requests/index' });
    expect(byId('vol-ask')).toBeNull();
    expect(byId('vol-staff-volunteers')).toBeNull();
    expect(sent.map(routeOf)).toEqual(['GET /api/me']);
  });

  it('community staff get the staff pages but no proxy posting', async () => {
    serveRoutes(staffMe, {});
    render(<VolunteersPage />);
    await tap(await screen.findByText('审核志愿者'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/vol-staff/volunteers/index' });
    await tap(byId('vol-staff-activities'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/vol-staff/activities/index' });
    await tap(byId('vol-staff-rewards'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/vol-staff/rewards/index' });
    expect(byId('vol-proxy-ask')).toBeNull();
  });

  it('the street admin gets review and the rewards page (export), not the activities only community staff run', async () => {
    serveRoutes({ ...gridWorkerMe, id: 6, role: 'street_admin' as const, scope: { level: 'street' as const, id: 1, name: '创业街道' } }, {});
    render(<VolunteersPage />);
    expect(await screen.findByText('审核志愿者')).toBeTruthy();
    expect(byId('vol-staff-rewards')).not.toBeNull();
    expect(byId('vol-staff-activities')).toBeNull();
  });

  it('shows a failed load with 重试', async () => {
    let down = true;
    serveRoutes(residentWithUnit, {
      'GET /api/volunteers/me': () => (down ? 'network-error' : notVolunteer),
      'GET /api/help-requests/mine': () => page([]),
    });
    render(<VolunteersPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    down = false;
    await tap(screen.getByText('重试'));
    expect(await screen.findByText('报名当志愿者')).toBeTruthy();
  });
});

/** The China calendar day `plus` days from now, 'YYYY-MM-DD'. */
const chinaDay = (plus: number) => new Date(Date.now() + 8 * 3600_000 + plus * 86_400_000).toISOString().slice(0, 10);

describe('请人帮忙 form', () => {
  residentScreenSetup();

  async function fill() {
    await tap(byId('category-companionship'));
    await type('ask-description', '想有人陪我说说话');
    await tap(byId('ask-day-tomorrow'));
    await tap(byId('ask-part-morning'));
  }

  it('says what is missing beside each field without asking the server', async () => {
    const sent = serveRoutes(residentWithUnit, {});
    render(<AskPage />);
    await tap(await screen.findByText('发出求助'));
    expect(text('ask-error')).toBe('还有没填好的地方，请看红字提示');
    expect(text('ask-skill-error')).toBe('请选择需要什么帮助');
    expect(text('ask-description-error')).toBe('请写下需要什么帮助');
    expect(text('ask-when-error')).toBe('请选择哪一天');
    await tap(byId('ask-day-pick'));
    await tap(screen.getByText('发出求助'));
    expect(text('ask-when-error')).toBe('请选一天');
    expect(sent.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends the time window in China time, my unit by default, and one key per draft: a retry reuses it', async () => {
    let reply: 'network-error' | { status: number; body: unknown } = 'network-error';
    const sent = serveRoutes(residentWithUnit, { 'POST /api/help-requests': () => reply });
    render(<AskPage />);
    await waitFor(() => expect(text('ask-place-label')).toBe('在家：创业一社区 3号楼 2单元'));
    await fill();
    await tap(byId('ask-needed-more'));
    expect(text('ask-needed')).toBe('2 位');

    await tap(screen.getByText('发出求助'));
    expect(text('ask-error')).toBe('网络连接失败，请检查网络后再试');
    reply = { status: 201, body: helpRequest({ id: 33 }) };
    await tap(screen.getByText('发出求助'));

    const posts = sent.filter((r) => routeOf(r) === 'POST /api/help-requests');
    expect(posts).toHaveLength(2);
    const day = chinaDay(1);
    expect(posts[1].data).toEqual({
      skill: 'companionship',
      description: '想有人陪我说说话',
      windowFrom: `${day}T08:00:00+08:00`,
      windowTo: `${day}T12:00:00+08:00`,
      volunteersNeeded: 2,
    });
    expect(posts[0].header[IDEMPOTENCY_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1].header[IDEMPOTENCY_HEADER]).toBe(posts[0].header[IDEMPOTENCY_HEADER]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/volunteers/request/index?id=33' });
  });

  it('a changed draft gets a new key; a picked day and a place are sent; the server’s window error shows beside 什么时候', async () => {
    const sent = serveRoutes(residentWithUnit, { 'POST /api/help-requests': () => fail(422, 'HELP_REQUEST_WINDOW_INVALID', '时间已经过去了，请重新选择') });
    render(<AskPage />);
    await fill();
    await tap(byId('ask-day-pick'));
    const day = chinaDay(3);
    await type('ask-date-picker', day);
    expect(text('ask-date')).toContain(day);
    await type('ask-place', '社区卫生服务站');
    await tap(screen.getByText('发出求助'));
    expect(text('ask-when-error')).toBe('时间已经过去了，请重新选择');

    await tap(byId('ask-part-afternoon'));
    await tap(screen.getByText('发出求助'));
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0].data).toMatchObject({ windowFrom: `${day}T08:00:00+08:00`, placeDetail: '社区卫生服务站', volunteersNeeded: 1 });
    expect(posts[1].data).toMatchObject({ windowFrom: `${day}T14:00:00+08:00`, windowTo: `${day}T18:00:00+08:00` });
    expect(posts[1].header[IDEMPOTENCY_HEADER]).not.toBe(posts[0].header[IDEMPOTENCY_HEADER]);
  });

  it('proxy mode: the grid worker picks a unit of their grid, writes the resident’s name and posts to /proxy', async () => {
    __mock.setRouterParams({ proxy: '1' });
    const sent = serveRoutes(gridWorkerMe, {
      'GET /api/org/communities': () => ({ status: 200, body: { items: [{ id: 3, name: '创业一社区', streetName: '创业街道' }] } }),
      'GET /api/org/communities/3/buildings': () => ({
        status: 200,
        body: { items: [{ id: 10, name: '3号楼', gridName: '第一网格' }, { id: 11, name: '9号楼', gridName: '第二网格' }] },
      }),
      'GET /api/org/buildings/10/units': () => ({ status: 200, body: { items: [{ id: 4, name: '2单元' }] } }),
      'POST /api/help-requests/proxy': () => ({ status: 201, body: helpRequest({ id: 40, proxyFor: '王秀兰' }) }),
    });
    render(<AskPage />);
    await tap(await screen.findByText('创业一社区'));
    expect(screen.queryByText('9号楼')).toBeNull();
    await tap(screen.getByText('3号楼'));
    await tap(screen.getByText('2单元'));
    expect(text('ask-proxy-unit')).toBe('居民住址：创业一社区 3号楼 2单元');

    await fill();
    await tap(screen.getByText('代居民发出求助'));
    expect(text('ask-resident-name-error')).toBe('请填写居民姓名');
    await type('ask-resident-name', '王秀兰');
    await type('ask-resident-phone', '1380000');
    await tap(screen.getByText('代居民发出求助'));
    expect(text('ask-resident-phone-error')).toBe('手机号应为 11 位数字，以 1 开头；没有可不填');
    await type('ask-resident-phone', '');
    await tap(screen.getByText('代居民发出求助'));

    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts.map(routeOf)).toEqual(['POST /api/help-requests/proxy']);
    expect(posts[0].data).toMatchObject({ unitId: 4, residentName: '王秀兰', skill: 'companionship', volunteersNeeded: 1 });
    expect(posts[0].data).not.toHaveProperty('residentPhone');
    expect(posts[0].header[IDEMPOTENCY_HEADER]).toBeTruthy();
    await settle();
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/volunteers/request/index?id=40' });
  });
});
