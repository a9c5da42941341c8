import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { HouseholdDetail, HouseholdItem, HouseholdMember, LeaderSlot, RegisterAreas } from '@contracts/registers.contract';
import RegisterHouseholdsPage from '@/packages/registers/households/index';
import RegisterHouseholdPage from '@/packages/registers/household/index';
import RegisterImportPage from '@/packages/registers/import/index';
import RegisterLeadersPage from '@/packages/registers/leaders/index';
import MePage from '@/pages/me/index';
import { byId, fail, ok, queryOf, serveRoutes, tap, text } from './deliberation.fixtures';
import { type } from './deliberation-staff.fixtures';
import { staffMe } from './figures.fixtures';
import { __mock } from './mocks/taro';
import { gridWorkerMe, residentMe, resetTaro, routeOf, setToken } from './helpers';

const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
const uploadFile = jest.fn();
const makePhoneCall = jest.fn(async () => ({}));
Object.assign(Taro, { showModal, uploadFile, makePhoneCall });

const areas = (canManage: boolean): RegisterAreas => ({
  canManage,
  buildings: [
    { id: 4, name: '1号楼', gridId: 2, gridName: '第一网格', communityId: 3, communityName: '创业一社区', units: [{ id: 7, name: '1单元', households: 24 }, { id: 8, name: '2单元', households: 18 }] },
    { id: 5, name: '2号楼', gridId: 2, gridName: '第一网格', communityId: 3, communityName: '创业一社区', units: [{ id: 9, name: '1单元', households: 30 }] },
  ],
});
const item = (o: Partial<HouseholdItem> = {}): HouseholdItem => ({
  id: 1, communityName: '创业一社区', gridName: '第一网格', buildingName: '1号楼', unitName: '1单元', room: '301', headName: '张秀英',
  headPhoneMasked: '139****5678', people: 2, tags: ['独居老人'], ...o,
});
const detail = (o: Partial<HouseholdDetail> = {}): HouseholdDetail => {
  const { headPhoneMasked: _m, ...rest } = item();
  return { ...rest, unitId: 7, headPhone: '13912345678', note: null, members: [], updatedAt: '2026-11-20T08:00:00.000Z', canEdit: true, ...o };
};

beforeEach(() => {
  resetTaro();
  setToken();
  showModal.mockClear();
  uploadFile.mockReset();
  makePhoneCall.mockClear();
});

describe('居民台账 list', () => {
  it('a grid worker sees the households of their grid by building and unit, phones masked, searches and loads more; no import or export', async () => {
    const sent = serveRoutes(gridWorkerMe, {
      'GET /api/registers/areas': () => ok(areas(false)),
      'GET /api/registers/households': (req) => {
        const q = queryOf(req);
        if (q.after === '2') return ok({ items: [item({ id: 3, room: '302', headName: '李桂兰', tags: [] })], nextAfter: null });
        return ok({ items: [item(), item({ id: 2, room: '201', headName: '王建华', people: 4, tags: ['低保', '残疾'] })], nextAfter: q.q ? null : 2 });
      },
    });
    render(<RegisterHouseholdsPage />);
    await screen.findByText('1号楼1单元 301');
    expect(text('household-1')).toContain('户主 张秀英 · 2 人 · 电话 139****5678');
    expect(text('household-2')).toContain('低保、残疾');
    expect(byId('rg-import')).toBeNull();
    expect(byId('rg-export')).toBeNull();
    await tap(screen.getByText('加载更多'));
    expect(await screen.findByText('1号楼1单元 302')).toBeTruthy();

    await tap(byId('rg-building-4'));
    expect(text('rg-unit-8')).toBe('2单元（18 户）');
    await tap(byId('rg-unit-8'));
    type('rg-search', '王建华');
    await tap(byId('rg-search-go'));
    await waitFor(() => expect(queryOf(sent.filter((r) => routeOf(r) === 'GET /api/registers/households').pop()!)).toEqual({ buildingId: '4', unitId: '8', q: '王建华' }));
    await tap(byId('household-2'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/registers/household/index?id=2' });
  });

  it('a resident gets a plain line and no request for the register', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<RegisterHouseholdsPage />);
    expect(await screen.findByText('居民台账由网格员、社区和街道工作人员使用。')).toBeTruthy();
    expect(sent.filter((r) => routeOf(r).includes('/api/registers'))).toEqual([]);
  });

  it('is on 我的 for staff and grid workers, not for residents', async () => {
    serveRoutes(gridWorkerMe, {});
    const { unmount } = render(<MePage />);
    await tap(await screen.findByText('居民台账'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/registers/households/index' });
    unmount();
    serveRoutes(residentMe, {});
    render(<MePage />);
    await screen.findByText(residentMe.name);
    expect(screen.queryByText('居民台账')).toBeNull();
  });
});

describe('household detail', () => {
  it('shows the full phone and lets staff correct the household', async () => {
    __mock.setRouterParams({ id: '1' });
    const sent = serveRoutes(staffMe, {
      'GET /api/registers/households/1': () => ok(detail()),
      'PATCH /api/registers/households/1': (req) => {
        const b = req.data as { people: number; tags: string[]; note: string | null };
        return ok(detail({ people: b.people, tags: b.tags as HouseholdDetail['tags'], note: b.note }));
      },
    });
    render(<RegisterHouseholdPage />);
    await screen.findByText('13912345678');
    expect(text('rg-tags')).toContain('独居老人');
    await tap(byId('rg-edit-open'));
    type('rg-edit-people', '3');
    await tap(byId('rg-edit-tag-独居老人'));
    await tap(byId('rg-edit-tag-空巢老人'));
    type('rg-edit-note', '女儿每周来');
    await tap(byId('rg-save'));
    await screen.findByText('3 人');
    expect(text('rg-tags')).toContain('空巢老人');
    expect(text('rg-note')).toContain('女儿每周来');
    expect(sent.find((r) => routeOf(r) === 'PATCH /api/registers/households/1')!.data).toEqual({
      headName: '张秀英', headPhone: '13912345678', people: 3, tags: ['空巢老人'], note: '女儿每周来',
    });
  });

  const members: HouseholdMember[] = [
    { id: 11, name: '李桂兰', relation: '配偶', phone: '13800001111', birthYear: 1956, note: null },
    { id: 12, name: '王小明', relation: '子女', phone: null, birthYear: 1990, note: '在外地工作' },
  ];
  const year = new Date().getFullYear();

  it('lists the 家庭成员 with relation, age from the birth year and 打电话; 常住人口 is shown beside them', async () => {
    __mock.setRouterParams({ id: '1' });
    serveRoutes(staffMe, { 'GET /api/registers/households/1': () => ok(detail({ members, people: 3 })) });
    render(<RegisterHouseholdPage />);
    await screen.findByText('李桂兰（配偶）');
    expect(text('rg-members')).toContain('家庭成员（登记 2 人）');
    expect(text('rg-members')).toContain('常住人口按台账填写为 3 人。');
    expect(text('rg-member-0-info')).toBe(`${year - 1956} 岁（1956 年生） · 电话 13800001111`);
    expect(text('rg-member-1-name')).toBe('王小明（子女）');
    expect(text('rg-member-1-info')).toBe(`${year - 1990} 岁（1990 年生） · 没有登记电话 · 在外地工作`);
    expect(byId('rg-member-1-call')).toBeNull();
    await tap(byId('rg-member-0-call'));
    expect(makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '13800001111' });
  });

  it('says so when no member is registered', async () => {
    __mock.setRouterParams({ id: '1' });
    serveRoutes(staffMe, { 'GET /api/registers/households/1': () => ok(detail()) });
    render(<RegisterHouseholdPage />);
    expect(await screen.findByText('还没有登记家庭成员。')).toBeTruthy();
  });

  it('staff add, change and remove 家庭成员; the whole list is sent with 保存', async () => {
    __mock.setRouterParams({ id: '1' });
    const sent = serveRoutes(staffMe, {
      'GET /api/registers/households/1': () => ok(detail({ members })),
      'PATCH /api/registers/households/1': (req) => {
        const b = req.data as { members: Omit<HouseholdMember, 'id'>[] };
        return ok(detail({ members: b.members.map((m, i) => ({ id: 20 + i, ...m })) }));
      },
    });
    render(<RegisterHouseholdPage />);
    await screen.findByText('李桂兰（配偶）');
    await tap(byId('rg-edit-open'));
    expect((byId('rg-edit-member-0-name') as HTMLInputElement).value).toBe('李桂兰');
    expect(byId('rg-edit-member-0-relation-配偶')!.getAttribute('aria-selected')).toBe('true');
    await tap(byId('rg-edit-member-1-remove'));
    expect(byId('rg-edit-member-1')).toBeNull();
    type('rg-edit-member-0-phone', '0317-2345678');
    await tap(byId('rg-edit-member-add'));
    type('rg-edit-member-1-name', '王乐乐');
    // no relation yet: a plain sentence, nothing sent
    await tap(byId('rg-save'));
    expect(text('rg-edit-error')).toBe('第 2 位家庭成员：请选择与户主关系');
    await tap(byId('rg-edit-member-1-relation-孙子女'));
    type('rg-edit-member-1-year', '1890');
    await tap(byId('rg-save'));
    expect(text('rg-edit-error')).toBe(`第 2 位家庭成员：出生年份写四位数，在 1900 到 ${year} 之间`);
    expect(sent.filter((r) => routeOf(r) === 'PATCH /api/registers/households/1')).toEqual([]);
    type('rg-edit-member-1-year', '2018');
    await tap(byId('rg-save'));
    await screen.findByText('王乐乐（孙子女）');
    expect(text('rg-member-1-info')).toBe(`${year - 2018} 岁（2018 年生） · 没有登记电话`);
    expect(screen.queryByText('王小明（子女）')).toBeNull();
    expect(sent.find((r) => routeOf(r) === 'PATCH /api/registers/households/1')!.data).toEqual({
      headName: '张秀英', headPhone: '13912345678', people: 2, tags: ['独居老人'], note: null,
      members: [
        { name: '李桂兰', relation: '配偶', phone: '0317-2345678', birthYear: 1956, note: null },
        { name: '王乐乐', relation: '孙子女', phone: null, birthYear: 2018, note: null },
      ],
    });
  });
});

describe('导入台账', () => {
  const pickFile = (name: string) =>
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementationOnce(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File(['PK'], name)] });
      this.dispatchEvent(new Event('change'));
    });

  beforeAll(() => {
    Object.assign(URL, { createObjectURL: jest.fn((f: File) => `blob:${f.name}`) });
  });

  it('checks the picked sheet first, lists the rows to fix, then imports a clean sheet after 确认导入', async () => {
    serveRoutes(staffMe, {});
    const errors = [
      { row: 11, column: '联系电话', message: '“1391234”不是有效的电话号码：手机号 11 位，座机如 0317-1234567' },
      { row: 1001, column: '社区', message: '“乙社区”不是您负责的社区，不能导入' },
    ];
    uploadFile
      .mockResolvedValueOnce({ statusCode: 422, data: JSON.stringify({ code: 'IMPORT_INVALID', message: '表格里有 230 处问题，一户也没有导入。', errors, total: 230, requestId: 'r' }) })
      .mockResolvedValueOnce({ statusCode: 200, data: JSON.stringify({ dryRun: true, rows: 5000, created: 4990, updated: 10 }) })
      .mockResolvedValueOnce({ statusCode: 200, data: JSON.stringify({ dryRun: false, rows: 5000, created: 4990, updated: 10 }) });
    render(<RegisterImportPage />);
    await screen.findByText('选择 Excel 表格（.xlsx）');
    expect(text('import-how')).toContain('备注、家庭成员（网格、标签、备注、家庭成员可以不要）');
    expect(text('import-members-how')).toContain('李桂兰(配偶,1956,13800001111)；王小明(子女,1990)');
    expect(text('import-members-how')).toContain('没有这一列时，已登记的家庭成员不变');
    pickFile('台账.xlsx');
    await tap(byId('import-pick'));
    await screen.findByText('表格里有 230 处问题，一户也没有导入');
    expect(text('import-error-0')).toBe('第 11 行 · 联系电话：“1391234”不是有效的电话号码：手机号 11 位，座机如 0317-1234567');
    expect(text('import-error-1')).toBe('第 1001 行 · 社区：“乙社区”不是您负责的社区，不能导入');
    expect(text('import-errors-more')).toBe('只列出了前 2 处，改好后再检查一次会列出其余的。');
    expect(byId('import-confirm')).toBeNull();
    expect(uploadFile.mock.calls[0][0]).toMatchObject({ url: '/api/registers/import?dryRun=1', filePath: 'blob:台账.xlsx', name: 'file', fileName: '台账.xlsx', header: { Authorization: 'Bearer test-token' } });

    pickFile('台账-改好.xlsx');
    await tap(byId('import-pick'));
    await screen.findByText('表格检查通过：共 5000 户');
    expect(byId('import-errors')).toBeNull();
    expect(text('import-checked')).toContain('新登记 4990 户，更新已有的 10 户。还没有导入，请确认。');
    await tap(byId('import-confirm'));
    await screen.findByText('已导入 5000 户');
    expect(uploadFile.mock.calls.map((c) => c[0].url)).toEqual(['/api/registers/import?dryRun=1', '/api/registers/import?dryRun=1', '/api/registers/import']);
    expect(uploadFile.mock.calls[2][0].fileName).toBe('台账-改好.xlsx');
  });

  it('says what is wrong with a file that is not .xlsx', async () => {
    serveRoutes(staffMe, {});
    uploadFile.mockResolvedValueOnce({ statusCode: 422, data: JSON.stringify({ code: 'IMPORT_FILE_UNREADABLE', message: '这个文件打不开：请上传 .xlsx 表格', requestId: 'r' }) });
    render(<RegisterImportPage />);
    await screen.findByText('选择 Excel 表格（.xlsx）');
    pickFile('旧表.xls');
    await tap(byId('import-pick'));
    expect(await screen.findByText('这个文件打不开：请上传 .xlsx 表格')).toBeTruthy();
    expect(byId('import-checked')).toBeNull();
  });
});

describe('网格长和楼栋长', () => {
  const slots = (): LeaderSlot[] => [
    { level: 'grid', areaId: 2, areaName: '创业一社区 第一网格', gridId: 2, leader: { name: '刘建军', phone: '13900001111', userId: null } },
    { level: 'building', areaId: 4, areaName: '创业一社区 1号楼', gridId: 2, leader: null },
  ];

  it('community staff assign a 楼栋长 and clear the 网格长', async () => {
    const sent = serveRoutes(staffMe, {
      'GET /api/registers/leaders': () => ok({ items: slots(), canAssign: true }),
      'PUT /api/registers/leaders': (req) => {
        const b = req.data as { level: 'building'; areaId: number; name: string; phone: string };
        return ok({ level: b.level, areaId: b.areaId, areaName: '创业一社区 1号楼', gridId: 2, leader: { name: b.name, phone: b.phone, userId: null } });
      },
      'DELETE /api/registers/leaders/grid/2': () => ({ status: 204 }),
    });
    render(<RegisterLeadersPage />);
    await screen.findByText('网格长：刘建军（13900001111）');
    expect(text('leader-building-4-who')).toBe('还没有安排楼栋长');
    await tap(byId('leader-building-4-edit'));
    type('leader-building-4-name', '马秀梅');
    type('leader-building-4-phone', '0317-2345678');
    await tap(byId('leader-building-4-save'));
    await waitFor(() => expect(text('leader-building-4-who')).toBe('楼栋长：马秀梅（0317-2345678）'));
    expect(sent.find((r) => routeOf(r) === 'PUT /api/registers/leaders')!.data).toEqual({ level: 'building', areaId: 4, name: '马秀梅', phone: '0317-2345678' });
    await tap(byId('leader-grid-2-clear'));
    await waitFor(() => expect(text('leader-grid-2-who')).toBe('还没有安排网格长'));
    expect(showModal).toHaveBeenCalledTimes(1);
  });

  it('a grid worker reads the list without buttons', async () => {
    serveRoutes(gridWorkerMe, { 'GET /api/registers/leaders': () => ok({ items: slots(), canAssign: false }) });
    render(<RegisterLeadersPage />);
    await screen.findByText('网格长：刘建军（13900001111）');
    expect(byId('leader-grid-2-edit')).toBeNull();
    expect(byId('leader-building-4-edit')).toBeNull();
  });

  it('shows why an assignment was refused', async () => {
    serveRoutes(staffMe, {
      'GET /api/registers/leaders': () => ok({ items: slots(), canAssign: true }),
      'PUT /api/registers/leaders': () => fail(400, 'VALIDATION_FAILED', '请求内容有误：phone 电话号码格式不对：手机号 11 位，座机如 0317-1234567'),
    });
    render(<RegisterLeadersPage />);
    await tap(await screen.findByText('安排楼栋长'));
    type('leader-building-4-name', '马秀梅');
    type('leader-building-4-phone', '12345');
    await tap(byId('leader-building-4-save'));
    expect(await screen.findByText('请求内容有误：phone 电话号码格式不对：手机号 11 位，座机如 0317-1234567')).toBeTruthy();
    expect(text('leader-building-4-who')).toBe('还没有安排楼栋长');
  });
});
