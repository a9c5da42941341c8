import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyDataResponse } from '@contracts/privacy.contract';
import PrivacyDataPage from '@/packages/privacy/data/index';
import MePage from '@/pages/me/index';
import { __mock } from './mocks/taro';
import { installTaroExtras, removeTaroExtras, type TaroExtras } from './deliberation-resident.fixtures';
import { byId, fail, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, residentMe, resetTaro, routeOf, setToken } from './helpers';

const data = (over: Partial<MyDataResponse> = {}): MyDataResponse => ({
  generatedAt: '2026-12-05T08:00:00.000Z',
  profile: { id: 1, name: '王秀兰', phone: '13812345678', role: 'resident', roleLabel: '居民', unitLabel: '创业一社区 3号楼 2单元', unitConfirmed: true, since: '2026-01-02T00:00:00.000Z', wechatLinked: true },
  concerns: { count: 1, items: [{ id: 5, categoryLabel: '设施损坏', excerpt: '楼道灯坏了', statusLabel: '处理中', createdAt: '2026-11-01T02:00:00.000Z' }] },
  topics: { proposedCount: 1, proposed: [{ id: 9, title: '文明养犬', statusLabel: '征集支持中', createdAt: '2026-11-02T02:00:00.000Z' }], supportedCount: 2, supported: [] },
  deliberation: { registrationCount: 1, registrations: [{ sessionId: 7, startsAt: '2026-12-11T09:00:00.000Z', place: '小区凉亭', statusLabel: '已报名', checkedIn: false }], ballotCount: 0, ballots: [] },
  volunteer: null,
  helpRequests: { count: 0, items: [] },
  timebank: { balanceMinutes: 120, lines: [{ at: '2026-11-03T02:00:00.000Z', minutes: 120, memo: '教老人用手机' }] },
  notifications: { count: 4, unread: 1 },
  accessLog: [{ id: 3, at: '2026-11-04T02:00:00.000Z', action: 'personal_data.read', actionLabel: '查看个人信息', actor: '王网格员（网格员）', subject: '王秀兰', detail: '问题详情 #5（提出人姓名、住址）' }],
  ...over,
});

const taro = Taro as unknown as Record<string, unknown>;

describe('我的数据与注销', () => {
  let extras: TaroExtras;
  const env = process.env.TARO_ENV;
  beforeEach(() => {
    resetTaro();
    setToken();
    extras = installTaroExtras();
  });
  afterEach(() => {
    removeTaroExtras();
    delete taro.downloadFile;
    delete taro.shareFileMessage;
    if (env === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV');
    else process.env.TARO_ENV = env;
  });

  it('is reached from 我的 by everyone', async () => {
    serveRoutes(gridWorkerMe, {});
    render(<MePage />);
    await tap(await screen.findByText('我的数据与注销'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/privacy/data/index' });
  });

  it('lists what Linli holds in plain sections, the full phone number and who looked at my data', async () => {
    serveRoutes(residentMe, { 'GET /api/me/data': () => ({ status: 200, body: data() }) });
    render(<PrivacyDataPage />);
    await screen.findByText('13812345678');
    expect(text('privacy-concerns')).toContain('我反映的问题（1 件）');
    expect(text('privacy-concerns')).toContain('设施损坏：楼道灯坏了（处理中）');
    expect(text('privacy-topics')).toContain('议题：提出 1 个，支持 2 个');
    expect(text('privacy-deliberation')).toContain('小区凉亭（已报名）');
    expect(text('privacy-volunteer')).toContain('没有报名志愿者。');
    expect(text('privacy-timebank')).toContain('红色银行：余额 2 小时');
    expect(text('privacy-notifications')).toContain('消息通知：4 条（未读 1 条）');
    expect(text('privacy-access-log')).toContain('王网格员（网格员） 查看个人信息：问题详情 #5');
  });

  it('exports my data in WeChat: downloads with my token and sends the file to a chat', async () => {
    process.env.TARO_ENV = 'weapp';
    const downloadFile = jest.fn(async () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/data.json' }));
    const shareFileMessage = jest.fn(async () => ({}));
    Object.assign(taro, { downloadFile, shareFileMessage });
    serveRoutes(residentMe, { 'GET /api/me/data': () => ({ status: 200, body: data() }) });
    render(<PrivacyDataPage />);
    await tap(await screen.findByText('导出我的数据'));
    expect(downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/api\/me\/data\/export$/), header: { Authorization: 'Bearer test-token' } }));
    expect(shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/data.json', fileName: expect.stringMatching(/^邻里_我的数据_\d{4}-\d{2}-\d{2}\.json$/) });
  });

  it('deletes the account in two steps: what goes and what stays, then a last confirmation; then the login page', async () => {
    const sent = serveRoutes(residentMe, {
      'GET /api/me/data': () => ({ status: 200, body: data() }),
      'DELETE /api/me': () => ({ status: 200, body: { deleted: true, summary: [] } }),
    });
    render(<PrivacyDataPage />);
    await tap(await screen.findByText('注销账号'));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    expect(text('privacy-delete-explain')).toContain('姓名、手机号、微信绑定和住址');
    expect(text('privacy-delete-explain')).toContain('红色银行的时长记录（账本只能追加，不能删除）');
    await tap(byId('privacy-delete-confirm'));
    expect(extras.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '最后确认', confirmText: '确定注销' }));
    const del = sent.filter((r) => r.method === 'DELETE');
    expect(del.map(routeOf)).toEqual(['DELETE /api/me']);
    expect(del[0].data).toEqual({ confirm: '注销' });
    expect(__mock.storage.has('linli.token')).toBe(false);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('sends nothing when the person says no at the last step', async () => {
    const sent = serveRoutes(residentMe, { 'GET /api/me/data': () => ({ status: 200, body: data() }) });
    removeTaroExtras();
    installTaroExtras(false);
    render(<PrivacyDataPage />);
    await tap(await screen.findByText('注销账号'));
    await tap(byId('privacy-delete-confirm'));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    expect(__mock.storage.has('linli.token')).toBe(true);
  });

  it('shows the server’s reason when deletion is refused, and staff are told to have their role revoked first', async () => {
    serveRoutes(residentMe, {
      'GET /api/me/data': () => ({ status: 200, body: data() }),
      'DELETE /api/me': () => fail(409, 'ACCOUNT_HAS_ROLE', '工作人员账号不能自行注销：请先请街道管理员撤销您的工作身份，再来注销'),
    });
    render(<PrivacyDataPage />);
    await tap(await screen.findByText('注销账号'));
    await tap(byId('privacy-delete-confirm'));
    expect(text('privacy-delete-error')).toBe('工作人员账号不能自行注销：请先请街道管理员撤销您的工作身份，再来注销');

    resetTaro();
    setToken();
    serveRoutes(gridWorkerMe, { 'GET /api/me/data': () => ({ status: 200, body: data({ profile: { ...data().profile, role: 'grid_worker', roleLabel: '网格员' } }) }) });
    const { container } = render(<PrivacyDataPage />);
    await screen.findByText('工作人员账号不能自行注销：请先请街道管理员撤销您的工作身份。');
    expect(container.querySelector('#privacy-delete')).toBeNull();
  });
});
