import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ConcernDetail } from '@contracts/concerns.contract';
import ConcernDetailPage from '@/packages/concerns/detail/index';
import { __mock } from './mocks/taro';
import { concernDetail } from './fixtures';
import { mockApi, resetTaro, routeOf, setToken, type Reply, type SentRequest } from './helpers';

type MediaMocks = Record<'chooseMedia' | 'uploadFile' | 'downloadFile' | 'previewImage', jest.Mock | undefined>;
const taro = Taro as unknown as MediaMocks;

/** Serves GET /api/concerns/9 (the latest `current`) and answers POSTs from `steps`. */
function serve(initial: ConcernDetail, steps: Record<string, (req: SentRequest) => Reply> = {}) {
  const state = { current: initial };
  const sent = mockApi((req) => {
    const route = routeOf(req);
    if (route === 'GET /api/concerns/9') return { status: 200, body: state.current };
    const step = steps[route];
    return step ? step(req) : undefined;
  });
  return { sent, state };
}

const postsOf = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST');

async function renderDetail() {
  render(<ConcernDetailPage />);
  await screen.findByText('问题内容');
}

async function tap(el: Element) {
  await act(async () => {
    fireEvent.click(el);
  });
}

const byId = (id: string) => document.getElementById(id)!;
const actionButtons = () => Array.from(document.querySelectorAll('#concern-actions button')).map((b) => b.id);

describe('concern detail', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
    __mock.setRouterParams({ id: '9' });
    taro.downloadFile = jest.fn(async ({ url }: { url: string }) => ({ statusCode: 200, tempFilePath: `blob:local${url}` }));
    taro.previewImage = jest.fn(async () => ({}));
  });
  afterEach(() => {
    for (const name of ['chooseMedia', 'uploadFile', 'downloadFile', 'previewImage'] as const) delete taro[name];
  });

  it('shows status, who holds it at which level, the first owner, department, deadline in plain words, place, text and neighbours', async () => {
    serve(
      concernDetail({
        id: 9,
        status: 'escalated',
        statusLabel: '已上报',
        holderLevel: 'department',
        holderLevelLabel: '职能部门',
        holderName: null,
        holderRoleLabel: null,
        departmentName: '城管局',
        firstOwnerName: '王网格员',
        deadlineText: '通常在 1 天内处理，已超时 3 小时',
        overdue: true,
        meTooCount: 4,
        text: '楼下烧烤油烟太大',
      }),
    );
    await renderDetail();

    expect(byId('concern-status').textContent).toContain('已上报（已超时）');
    expect(byId('concern-holder').textContent).toContain('职能部门：等待城管局受理');
    expect(byId('concern-first-owner').textContent).toContain('王网格员');
    expect(byId('concern-department').textContent).toContain('城管局');
    expect(byId('concern-deadline').textContent).toContain('通常在 1 天内处理，已超时 3 小时');
    expect(byId('concern-place').textContent).toContain('创业一社区 3号楼 2单元');
    expect(byId('concern-metoo').textContent).toContain('4 位邻居');
    expect(screen.getByText('楼下烧烤油烟太大')).toBeTruthy();
  });

  it('downloads the concern’s photos and each step’s photos with the login token, then shows the local files', async () => {
    const base = concernDetail();
    serve(
      concernDetail({
        id: 9,
        photoUrls: ['/api/photos/1'],
        timeline: [
          ...base.timeline,
          { ...base.timeline[0], id: 101, type: 'resolved', toStatus: 'resolved', actorName: '解娜', actorRoleLabel: '社区工作人员', note: '已清理', photoUrls: ['/api/photos/2', '/api/photos/3'] },
        ],
      }),
    );
    await renderDetail();

    await waitFor(() => expect(document.querySelectorAll('img')).toHaveLength(3));
    expect(taro.downloadFile!.mock.calls.map((c) => c[0].url)).toEqual(['/api/photos/1', '/api/photos/2', '/api/photos/3']);
    expect(taro.downloadFile!.mock.calls[0][0].header).toEqual({ Authorization: 'Bearer test-token' });
    expect(byId('event-101').querySelectorAll('img')).toHaveLength(2);
    expect(screen.getByText('说明：已清理')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('第 2 张照片'));
    expect(taro.previewImage).toHaveBeenCalledWith({
      urls: ['blob:local/api/photos/1', 'blob:local/api/photos/2', 'blob:local/api/photos/3'],
      current: 'blob:local/api/photos/3',
    });
  });

  it.each([
    [[], []],
    [['rate', 'not_solved'], ['action-rate', 'action-not_solved']],
    [['withdraw'], ['action-withdraw']],
    [['me_too'], ['action-me_too']],
    [['accept', 'escalate', 'return', 'close'], ['action-accept', 'action-escalate', 'action-return', 'action-close']],
    [['start', 'resolve', 'escalate', 'close'], ['action-start', 'action-resolve', 'action-escalate', 'action-close']],
  ] as const)('shows exactly the buttons in actions=%j', async (actions, ids) => {
    serve(concernDetail({ id: 9, actions: [...actions] }));
    await renderDetail();
    expect(actionButtons()).toEqual(ids);
  });

  it('names the level an escalation or a return goes to', async () => {
    serve(concernDetail({ id: 9, holderLevel: 'community', actions: ['escalate', 'return'] }));
    await renderDetail();
    expect(byId('action-escalate').textContent).toBe('上报给街道');
    expect(byId('action-return').textContent).toBe('退回给网格');
  });

  it('rate: asks for 1–5 stars, sends the rating and comment, then shows 已办结 and the rating', async () => {
    const resolved = concernDetail({ id: 9, status: 'resolved', statusLabel: '已解决', actions: ['rate', 'not_solved'] });
    const { sent } = serve(resolved, {
      'POST /api/concerns/9/rate': () => ({
        status: 200,
        body: { ...resolved, status: 'closed', statusLabel: '已办结', rating: 5, ratingComment: '修得很快', actions: [] },
      }),
    });
    await renderDetail();

    await tap(byId('action-rate'));
    await tap(byId('action-confirm'));
    expect(screen.getByText('请点星星打分（1 到 5 星）')).toBeTruthy();
    expect(postsOf(sent)).toHaveLength(0);

    fireEvent.click(byId('star-5'));
    expect(byId('star-rating-words').textContent).toBe('5 星：非常满意');
    fireEvent.change(byId('action-note'), { target: { value: '修得很快' } });
    await tap(byId('action-confirm'));

    expect(postsOf(sent)).toHaveLength(1);
    expect(postsOf(sent)[0].data).toEqual({ rating: 5, comment: '修得很快' });
    expect(byId('concern-status').textContent).toContain('已办结');
    expect(byId('concern-rating').textContent).toContain('5 星（非常满意）：修得很快');
    expect(actionButtons()).toEqual([]);
  });

  it('not solved: a comment is required, then it is sent', async () => {
    const resolved = concernDetail({ id: 9, status: 'resolved', actions: ['rate', 'not_solved'] });
    const { sent } = serve(resolved, {
      'POST /api/concerns/9/not-solved': () => ({ status: 200, body: { ...resolved, status: 'reopened', statusLabel: '已重新打开', actions: [] } }),
    });
    await renderDetail();

    await tap(byId('action-not_solved'));
    await tap(byId('action-confirm'));
    expect(screen.getByText('请说说哪里还没解决')).toBeTruthy();
    expect(postsOf(sent)).toHaveLength(0);

    fireEvent.change(byId('action-note'), { target: { value: '晚上还是很吵' } });
    await tap(byId('action-confirm'));
    expect(postsOf(sent)[0].data).toEqual({ comment: '晚上还是很吵' });
  });

  it('escalate at street level requires a department from detail.departments and sends it with the version', async () => {
    const atStreet = concernDetail({
      id: 9,
      version: 6,
      status: 'accepted',
      holderLevel: 'street',
      holderLevelLabel: '街道',
      actions: ['resolve', 'escalate', 'return', 'close'],
      departments: [{ id: 1, name: '城管局' }, { id: 2, name: '住建局' }],
    });
    const { sent } = serve(atStreet, {
      'POST /api/concerns/9/escalate': () => ({ status: 200, body: { ...atStreet, status: 'escalated', holderLevel: 'department', departmentName: '城管局', actions: [] } }),
    });
    await renderDetail();

    expect(byId('action-escalate').textContent).toBe('上报职能部门（吹哨）');
    await tap(byId('action-escalate'));
    fireEvent.change(byId('action-note'), { target: { value: '油烟扰民，需要城管执法' } });
    await tap(byId('action-confirm'));
    expect(screen.getByText('请选择要“吹哨”的职能部门')).toBeTruthy();
    expect(postsOf(sent)).toHaveLength(0);

    fireEvent.click(screen.getByText('城管局'));
    await tap(byId('action-confirm'));
    expect(postsOf(sent)[0].data).toEqual({ reason: '油烟扰民，需要城管执法', departmentId: 1, version: 6 });
  });

  it('escalate below the street needs only a reason', async () => {
    const atGrid = concernDetail({ id: 9, version: 2, status: 'accepted', actions: ['escalate'] });
    const { sent } = serve(atGrid, {
      'POST /api/concerns/9/escalate': () => ({ status: 200, body: { ...atGrid, status: 'escalated', holderLevel: 'community', actions: [] } }),
    });
    await renderDetail();

    await tap(byId('action-escalate'));
    expect(document.querySelector('[id^="department-"]')).toBeNull();
    await tap(byId('action-confirm'));
    expect(screen.getByText('请写明上报原因')).toBeTruthy();
    fireEvent.change(byId('action-note'), { target: { value: '需要社区协调物业' } });
    await tap(byId('action-confirm'));
    expect(postsOf(sent)[0].data).toEqual({ reason: '需要社区协调物业', version: 2 });
  });

  it('accept sends the version seen; on 409 it shows the server’s message and loads the current state', async () => {
    const waiting = concernDetail({ id: 9, version: 4, actions: ['accept', 'escalate'] });
    const { sent, state } = serve(waiting, {
      'POST /api/concerns/9/accept': () => {
        state.current = { ...waiting, version: 5, status: 'accepted', statusLabel: '已受理', holderName: '李网格员', actions: [] };
        return { status: 409, body: { code: 'CONCERN_STATE_CONFLICT', message: '这条问题刚被其他人处理过，请看最新状态', requestId: 'r' } };
      },
    });
    await renderDetail();

    await tap(byId('action-accept'));

    expect(postsOf(sent)[0].data).toEqual({ version: 4 });
    expect(screen.getByText('这条问题刚被其他人处理过，请看最新状态')).toBeTruthy();
    expect(sent.filter((r) => routeOf(r) === 'GET /api/concerns/9')).toHaveLength(2);
    await waitFor(() => expect(byId('concern-status').textContent).toContain('已受理'));
    expect(actionButtons()).toEqual([]);
  });

  it('resolve: a note is required; photos of the fix are uploaded first and sent with it', async () => {
    const accepted = concernDetail({ id: 9, version: 7, status: 'in_progress', actions: ['resolve', 'escalate'] });
    taro.chooseMedia = jest.fn(async () => ({ tempFiles: [{ tempFilePath: 'wxfile://fixed.jpg' }] }));
    taro.uploadFile = jest.fn(async () => ({ statusCode: 201, data: '{"id":77,"url":"/api/photos/77"}' }));
    const { sent } = serve(accepted, {
      'POST /api/concerns/9/resolve': () => ({ status: 200, body: { ...accepted, status: 'resolved', statusLabel: '已解决', actions: [] } }),
    });
    await renderDetail();

    await tap(byId('action-resolve'));
    await tap(byId('action-confirm'));
    expect(screen.getByText('请写明处理结果')).toBeTruthy();

    await tap(screen.getByText('添加照片'));
    fireEvent.change(byId('action-note'), { target: { value: '已联系物业清理' } });
    await tap(byId('action-confirm'));

    expect(postsOf(sent)[0].data).toEqual({ note: '已联系物业清理', photoIds: [77], version: 7 });
    expect(byId('concern-status').textContent).toContain('已解决');
  });

  it('return needs instructions; close needs a reason (重复反映 / 不属于受理范围)', async () => {
    const held = concernDetail({ id: 9, version: 3, status: 'escalated', holderLevel: 'community', actions: ['accept', 'return', 'close'] });
    const { sent } = serve(held, {
      'POST /api/concerns/9/return': () => ({ status: 409, body: { code: 'CONCERN_ILLEGAL_TRANSITION', message: '不能退回', requestId: 'r' } }),
      'POST /api/concerns/9/close': () => ({ status: 200, body: { ...held, status: 'closed', statusLabel: '已办结', closeReason: 'duplicate', actions: [] } }),
    });
    await renderDetail();

    await tap(byId('action-return'));
    await tap(byId('action-confirm'));
    expect(screen.getByText('请写明退回的处理意见')).toBeTruthy();
    await tap(byId('action-cancel'));

    await tap(byId('action-close'));
    expect(screen.getByText('重复反映')).toBeTruthy();
    expect(screen.getByText('不属于受理范围')).toBeTruthy();
    expect(screen.queryByText('居民撤回')).toBeNull();
    await tap(byId('action-confirm'));
    expect(screen.getByText('请选择关闭的原因')).toBeTruthy();
    fireEvent.click(screen.getByText('重复反映'));
    fireEvent.change(byId('action-note'), { target: { value: '与 8 号问题相同' } });
    await tap(byId('action-confirm'));

    expect(postsOf(sent)).toHaveLength(1);
    expect(postsOf(sent)[0].data).toEqual({ reason: 'duplicate', note: '与 8 号问题相同', version: 3 });
  });

  it('“我也遇到了” joins the neighbour’s concern with one tap', async () => {
    const publicOne = concernDetail({ id: 9, isPublic: true, meTooCount: 1, actions: ['me_too'] });
    const { sent } = serve(publicOne, {
      'POST /api/concerns/9/me-too': () => ({ status: 200, body: { ...publicOne, meTooCount: 2, joined: true, actions: [] } }),
    });
    await renderDetail();

    await tap(byId('action-me_too'));
    expect(postsOf(sent).map(routeOf)).toEqual(['POST /api/concerns/9/me-too']);
    expect(byId('concern-metoo').textContent).toContain('2 位邻居（含您）');
    expect(actionButtons()).toEqual([]);
  });

  it('withdraw opens a confirmation and sends an optional reason', async () => {
    const mine = concernDetail({ id: 9, actions: ['withdraw'] });
    const { sent } = serve(mine, {
      'POST /api/concerns/9/withdraw': () => ({ status: 200, body: { ...mine, status: 'closed', statusLabel: '已办结', closeReason: 'withdrawn', actions: [] } }),
    });
    await renderDetail();

    await tap(byId('action-withdraw'));
    expect(postsOf(sent)).toHaveLength(0);
    await tap(byId('action-confirm'));
    expect(postsOf(sent).map(routeOf)).toEqual(['POST /api/concerns/9/withdraw']);
    expect(postsOf(sent)[0].data).toEqual({});
    expect(screen.getByText('居民撤回')).toBeTruthy();
  });
});
