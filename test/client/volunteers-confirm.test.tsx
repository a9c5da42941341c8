import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import HallPage from '@/packages/volunteers/hall/index';
import RequestPage from '@/packages/volunteers/request/index';
import TasksPage from '@/packages/volunteers/tasks/index';
import { residentScreenSetup } from './deliberation-resident.fixtures';
import { byId, ok, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, routeOf, type SentRequest } from './helpers';
import { helpDetail, helpRequest, page, residentWithUnit } from './volunteers.fixtures';

// Found by the 小红帽 browser scenario (test/browser/volunteers-flow.browser-spec.ts): the grid worker had no way to
// confirm a resident's request with her stars on its page, and "我已经帮完了" did nothing in the browser.

async function type(id: string, value: string) {
  await act(async () => {
    fireEvent.change(byId(id) as Element, { target: { value } });
  });
}

const posts = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

/** WeChat and Taro H5 refuse the whole dialog when a button label is wider than 4 Chinese characters. */
const fitsWeChat = (label: string | undefined) => (label ?? '').replace(/[\u0391-\uFFE5]/g, 'aa').length <= 8;
function strictShowModal(showModal: jest.Mock) {
  showModal.mockImplementation(async (o: { confirmText?: string; cancelText?: string }) => {
    if (!fitsWeChat(o.confirmText) || !fitsWeChat(o.cancelText)) throw { errMsg: 'showModal:fail confirmText length should not larger then 4 Chinese characters' };
    return { confirm: true, cancel: false };
  });
}

describe('the volunteer’s questions before a step (dialog buttons WeChat accepts)', () => {
  const extras = residentScreenSetup();

  it('我已经帮完了, 谢绝 and 退出 ask first and then send the step', async () => {
    strictShowModal(extras.showModal);
    const dispatched = helpRequest({ id: 22, mySeat: 'dispatched', actions: ['accept', 'decline'] });
    const accepted = helpRequest({ id: 23, status: 'filled', mySeat: 'accepted', actions: ['done', 'withdraw'] });
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/tasks': () => page([dispatched, accepted]),
      'POST /api/help-requests/22/decline': () => ok(helpDetail({ id: 22 })),
      'POST /api/help-requests/23/withdraw': () => ok(helpDetail({ id: 23 })),
      'POST /api/help-requests/23/done': () => ok(helpDetail({ id: 23, status: 'done' })),
    });
    render(<TasksPage />);
    await tap(await screen.findByText('我已经帮完了'));
    expect(extras.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已经帮完了？', confirmText: '帮完了' }));
    await tap(byId('help-22-decline'));
    await tap(byId('help-23-withdraw'));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/23/done', 'POST /api/help-requests/22/decline', 'POST /api/help-requests/23/withdraw']);
  });

  it('接单 in the hall asks first and then claims', async () => {
    strictShowModal(extras.showModal);
    const sent = serveRoutes(residentWithUnit, {
      'GET /api/help-requests/hall': () => page([helpRequest({ actions: ['claim'] })]),
      'POST /api/help-requests/21/claim': () => ok(helpDetail({ status: 'filled', mySeat: 'accepted' })),
    });
    render(<HallPage />);
    await tap(await screen.findByText('我来接单'));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/21/claim']);
  });

  it('a confirmed task says the hours credited in hours', async () => {
    serveRoutes(residentWithUnit, {
      'GET /api/help-requests/tasks': () => page([helpRequest({ status: 'confirmed', statusLabel: '已完成', mySeat: 'accepted', creditedMinutes: 90 })]),
    });
    render(<TasksPage />);
    await waitFor(() => expect(text('help-21-seat')).toBe('已完成，记上 1.5 小时服务时长'));
  });
});

describe('the grid worker confirms for a resident without a phone (代为确认) on the request page', () => {
  const extras = residentScreenSetup({ id: '21' });
  const done = helpDetail({
    status: 'done',
    statusLabel: '待确认',
    takenCount: 1,
    version: 4,
    requesterName: '王秀兰',
    proxyFor: '王秀兰',
    volunteers: [{ userId: 8, name: '刘明', status: 'accepted', statusLabel: '已接单' }],
    actions: ['confirm_on_behalf'],
  });
  const confirmed = (minutes: number) =>
    helpDetail({ ...done, status: 'confirmed', statusLabel: '已完成', actions: [], rating: 5, ratingComment: '很耐心', creditedMinutes: minutes });

  it('asks for the resident’s stars, checks the hours typed, asks before crediting, then sends stars, comment, minutes and version', async () => {
    const sent = serveRoutes(gridWorkerMe, {
      'GET /api/help-requests/21': () => ok(done),
      'POST /api/help-requests/21/confirm-on-behalf': () => ok(confirmed(90)),
    });
    render(<RequestPage />);
    expect(await screen.findByText('替王秀兰确认完成')).toBeTruthy();
    expect(text('request-confirm-behalf')).toContain('请问问王秀兰帮得怎么样，替居民打个分');
    expect(text('request-confirm-submit')).toBe('替居民确认完成');

    await tap(byId('request-confirm-submit'));
    expect(text('request-confirm-error')).toBe('请问问居民帮得怎么样，替居民点星星打分，1 到 5 星');
    await tap(byId('star-5'));
    await type('request-comment', '很耐心');
    await type('request-confirm-hours', '9');
    await tap(byId('request-confirm-submit'));
    expect(text('request-confirm-error')).toBe('服务时长请填 0.25 到 4 之间的小时数，或不填（按预约时间计）');
    expect(extras.showModal).not.toHaveBeenCalled();
    expect(posts(sent)).toHaveLength(0);

    await type('request-confirm-hours', '1.5');
    await tap(byId('request-confirm-submit'));
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({
      title: '代为确认完成', content: '替 王秀兰 确认已经帮完了？确认后会给 刘明 记入服务时长，不能撤回。', confirmText: '确认完成',
    }));
    expect(posts(sent).map(routeOf)).toEqual(['POST /api/help-requests/21/confirm-on-behalf']);
    expect(posts(sent)[0].data).toEqual({ rating: 5, comment: '很耐心', version: 4, minutes: 90 });
    expect(text('request-status')).toBe('已完成');
    expect(text('request-rating')).toContain('5 星：很耐心');
    expect(text('request-credited')).toContain('每位志愿者 1.5 小时');
    expect(byId('request-confirm')).toBeNull();
  });

  it('sends nothing when the question is answered 取消, and no minutes when none are typed (the booked window counts)', async () => {
    extras.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    const sent = serveRoutes(gridWorkerMe, {
      'GET /api/help-requests/21': () => ok(done),
      'POST /api/help-requests/21/confirm-on-behalf': () => ok(confirmed(240)),
    });
    render(<RequestPage />);
    await screen.findByText('替王秀兰确认完成');
    await tap(byId('star-4'));
    await tap(byId('request-confirm-submit'));
    expect(posts(sent)).toHaveLength(0);

    await tap(byId('request-confirm-submit'));
    expect(posts(sent)[0].data).toEqual({ rating: 4, version: 4 });
    expect(text('request-credited')).toContain('每位志愿者 4 小时');
  });
});
