import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RequestPage from '@/packages/volunteers/request/index';
import ApplyPage from '@/packages/volunteers/apply/index';
import HallPage from '@/packages/volunteers/hall/index';
import TasksPage from '@/packages/volunteers/tasks/index';
import { residentScreenSetup } from './deliberation-resident.fixtures';
import { byId, fail, serveRoutes, tap, text } from './deliberation.fixtures';
import { routeOf, type SentRequest } from './helpers';
import { helpDetail, helpRequest, inHours, notVolunteer, page, residentWithUnit, team, volunteer } from './volunteers.fixtures';

async function type(id: string, value: string) {
  await act(async () => {
    fireEvent.change(byId(id) as Element, { target: { value } });
  });
}

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

describe('request detail', () => {
  const extras = residentScreenSetup({ id: '21' });
  const doneDetail = helpDetail({
    status: 'done',
    statusLabel: '待确认',
    takenCount: 1,
    version: 4,
    volunteers: [{ userId: 8, name: '张建华', status: 'accepted', statusLabel: '已接单' }],
    actions: ['confirm'],
    events: [
      { id: 1, type: 'posted', fromStatus: null, toStatus: 'open', actorName: '王秀兰', volunteerName: null, note: null, at: inHours(-30) },
      { id: 2, type: 'claimed', fromStatus: 'open', toStatus: 'filled', actorName: '张建华', volunteerName: '张建华', note: null, at: inHours(-20) },
      { id: 3, type: 'done', fromStatus: 'filled', toStatus: 'done', actorName: '张建华', volunteerName: '张建华', note: '已教会视频通话', at: inHours(-1) },
    ],
  });

  it('shows status, who came and the history; confirming needs stars, then sends rating, comment and version', async () => {
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/21': () => ({ status: 200, body: doneDetail }),
      'POST /api/help-requests/21/confirm': () => ({ status: 200, body: helpDetail({ ...doneDetail, status: 'confirmed', statusLabel: '已完成', actions: [], rating: 5, ratingComment: '很耐心', creditedMinutes: 240 }) }),
    });
    render(<RequestPage />);
    expect(await screen.findByText('张建华标记帮完了：已教会视频通话')).toBeTruthy();
    expect(text('request-status')).toBe('待确认');
    expect(text('request-coming')).toBe('张建华 来帮过忙');
    expect(text('request-explained')).toContain('请确认并打个分');
    expect(text('request-history')).toContain('王秀兰发出求助');
    expect(text('request-history')).toContain('张建华接单');

    await tap(byId('request-confirm-submit'));
    expect(text('request-confirm-error')).toBe('请点星星打分，1 到 5 星');
    expect(posts(sent)).toHaveLength(0);

    await tap(byId('star-5'));
    await type('request-comment', '很耐心');
    await tap(byId('request-confirm-submit'));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/21/confirm']);
    expect(posts(sent)[0].data).toEqual({ rating: 5, comment: '很耐心', version: 4 });
    expect(text('request-status')).toBe('已完成');
    expect(text('request-rating')).toContain('5 星：很耐心');
    expect(byId('request-confirm')).toBeNull();
    expect(extras.showModal).not.toHaveBeenCalled();
  });

  it('the requester cancels after confirming the question', async () => {
    const open = helpDetail({ actions: ['cancel'] });
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/21': () => ({ status: 200, body: open }),
      'POST /api/help-requests/21/cancel': () => ({ status: 200, body: helpDetail({ status: 'cancelled', statusLabel: '已取消' }) }),
    });
    render(<RequestPage />);
    await tap(await screen.findByText('取消求助'));
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消求助' }));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/21/cancel']);
    expect(text('request-status')).toBe('已取消');
    expect(text('request-coming')).toBe('已取消');
  });
});

describe('apply to volunteer', () => {
  residentScreenSetup();

  it('requires a skill and a free time, then sends teams, skills, availability and intro and shows the waiting status', async () => {
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/volunteers/teams': () => page([team(), team({ id: 2, name: '银龄先锋在行动' })]),
      'GET /api/volunteers/me': () => notVolunteer,
      'POST /api/volunteers/apply': () => ({ status: 201, body: volunteer({ status: 'applied', statusLabel: '待审核', teams: [{ id: 2, name: '银龄先锋在行动' }], skills: ['digital_help'] }) }),
    });
    render(<ApplyPage />);
    await tap(await screen.findByText('提交报名'));
    expect(text('apply-skills-error')).toBe('请至少选一项能帮忙的事');
    expect(text('apply-availability-error')).toBe('请至少选一个空闲时间');
    expect(posts(sent)).toHaveLength(0);

    await tap(byId('apply-team-2'));
    await tap(byId('apply-skill-digital_help'));
    await tap(byId('apply-slot-weekend_morning'));
    expect(byId('apply-skill-digital_help')!.getAttribute('aria-checked')).toBe('true');
    await type('apply-intro', '退休教师');
    await tap(screen.getByText('提交报名'));
    expect(posts(sent)[0].data).toEqual({ teamIds: [2], skills: ['digital_help'], availability: ['weekend_morning'], intro: '退休教师' });
    expect(text('apply-status')).toBe('待审核');
    expect(text('apply-status-text')).toBe('您的报名已交给社区，正在审核，请耐心等待。');
    expect(byId('apply-form')).toBeNull();
  });

  it('an approved volunteer sees the status and no form', async () => {
    serveRoutes(residentWithUnit, { 'GET /api/volunteers/teams': () => page([team()]), 'GET /api/volunteers/me': () => ({ status: 200, body: volunteer() }) });
    render(<ApplyPage />);
    expect(await screen.findByText('您已经是小红帽志愿者了，可以去接单大厅接单。')).toBeTruthy();
    expect(byId('apply-form')).toBeNull();
  });
});

describe('接单大厅', () => {
  const extras = residentScreenSetup();
  const open = helpRequest({ actions: ['claim'] });

  it('claims after confirming and opens the request', async () => {
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/hall': () => page([open]),
      'POST /api/help-requests/21/claim': () => ({ status: 200, body: helpDetail({ status: 'filled', mySeat: 'accepted' }) }),
    });
    render(<HallPage />);
    await tap(await screen.findByText('我来接单'));
    expect(text('help-21-who')).toBe('求助人：王秀兰；需要 1 位，已有 0 位');
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认接单' }));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/21/claim']);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteers/request/index?id=21' });
  });

  it('a lost race shows the server’s message at once and reloads the hall', async () => {
    let calls = 0;
    serveRoutes(residentWithUnit, {
      'GET /api/help-requests/hall': () => {
        calls += 1;
        return page(calls === 1 ? [open] : []);
      },
      'POST /api/help-requests/21/claim': () => fail(409, 'REQUEST_TAKEN', '手慢了，这条微心愿已经有志愿者接了'),
    });
    render(<HallPage />);
    await tap(await screen.findByText('我来接单'));
    expect(text('hall-error')).toBe('手慢了，这条微心愿已经有志愿者接了');
    expect(extras.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '手慢了，这条微心愿已经有志愿者接了', showCancel: false }));
    await waitFor(() => expect(byId('hall-empty')).not.toBeNull());
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('我的任务', () => {
  const extras = residentScreenSetup();

  it('a dispatched task is accepted at once, or declined after a question', async () => {
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/tasks': () => page([helpRequest({ mySeat: 'dispatched', actions: ['accept', 'decline'] })]),
      'POST /api/help-requests/21/accept': () => ({ status: 200, body: helpDetail() }),
      'POST /api/help-requests/21/decline': () => ({ status: 200, body: helpDetail() }),
    });
    render(<TasksPage />);
    expect(await screen.findByText('社区派给您的，请接受或谢绝')).toBeTruthy();
    await tap(byId('help-21-accept'));
    expect(extras.showModal).not.toHaveBeenCalled();
    await tap(byId('help-21-decline'));
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '谢绝派单' }));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/21/accept', 'POST /api/help-requests/21/decline']);
  });

  it('marks a task done, and withdrawing within 24 hours warns that the team and staff are alerted', async () => {
    const soon = helpRequest({ id: 22, status: 'filled', mySeat: 'accepted', windowFrom: inHours(5), actions: ['done', 'withdraw'] });
    const later = helpRequest({ id: 23, status: 'filled', mySeat: 'accepted', windowFrom: inHours(72), actions: ['done', 'withdraw'] });
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/tasks': () => page([soon, later]),
      'POST /api/help-requests/22/withdraw': () => ({ status: 200, body: helpDetail({ id: 22 }) }),
      'POST /api/help-requests/23/withdraw': () => ({ status: 200, body: helpDetail({ id: 23 }) }),
      'POST /api/help-requests/23/done': () => ({ status: 200, body: helpDetail({ id: 23, status: 'done' }) }),
    });
    render(<TasksPage />);
    await screen.findAllByText('我已经帮完了');
    await tap(byId('help-22-withdraw'));
    expect(extras.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('不到 24 小时') }));
    await tap(byId('help-23-withdraw'));
    expect(extras.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '退出后，这条求助会重新等别的志愿者来接。确定退出吗？' }));
    await tap(byId('help-23-done'));
    expect(posts(sent).map(routeOf)).toEqual([
      'POST /api/help-requests/22/withdraw',
      'POST /api/help-requests/23/withdraw',
      'POST /api/help-requests/23/done',
    ]);
  });

  it('nothing is sent when the question is answered 取消, and an empty list points to the hall', async () => {
    extras.showModal.mockResolvedValue({ confirm: false, cancel: true });
    const sent = serveRoutes(residentWithUnit, { 'GET /api/help-requests/tasks': () => page([helpRequest({ status: 'filled', mySeat: 'accepted', actions: ['withdraw'] })]) });
    render(<TasksPage />);
    await tap(await screen.findByText('我去不了，退出'));
    expect(posts(sent)).toHaveLength(0);

    serveRoutes(residentWithUnit, { 'GET /api/help-requests/tasks': () => page([]) });
    render(<TasksPage />);
    await tap(await screen.findByText('去接单大厅看看'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteers/hall/index' });
  });
});
