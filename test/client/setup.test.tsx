import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SetupCommunity, SetupGrid, SetupTree } from '@contracts/setup.contract';
import SetupOrgPage from '@/packages/setup/org/index';
import MePage from '@/pages/me/index';
import { Routes } from '@/services/routes';
import { posts, staffMe, type } from './deliberation-staff.fixtures';
import { byId, fail, ok, queryOf, serveRoutes, tap, text } from './deliberation.fixtures';
import { residentMe, resetTaro, setToken, type SentRequest } from './helpers';

// 组织架构 (issue 10 setup): the street admin and community staff keep their organisation by taps and typing.

const showModal = jest.fn(async (_o: { content: string }) => ({ confirm: true, cancel: false }));
Object.assign(Taro, { showModal });

const adminMe = { ...staffMe, id: 1, name: '尹宝峰', role: 'street_admin' as const, scope: { level: 'street' as const, id: 1, name: '会战道街道' } };

const grid = (o: Partial<SetupGrid> = {}): SetupGrid => ({
  id: 11, name: '第1网格', retired: false, households: 420, gridWorkerName: '王网格员', buildingCount: 1, unitCount: 1, residentCount: 2,
  buildings: [{ id: 21, name: '1号楼', retired: false, gridId: 11, units: [{ id: 31, name: '1单元', retired: false, residents: 2 }] }],
  ...o,
});
const community = (o: Partial<SetupCommunity> = {}): SetupCommunity => ({ id: 1, name: '创业一社区', retired: false, grids: [grid()], ...o });
const tree = (o: Partial<SetupTree> = {}): SetupTree => ({
  street: { id: 1, name: '会战道街道' }, canEditStreet: true, communities: [community()],
  departments: [{ id: 2, name: '城管局', retired: false }], teams: [{ id: 4, name: '银龄先锋在行动', retired: false, communityId: null }], ...o,
});
const bodyOf = (sent: SentRequest[], route: string) => posts(sent, route).map((r) => r.data);

beforeEach(() => {
  resetTaro();
  setToken();
  showModal.mockClear();
});

describe('组织架构 (street admin)', () => {
  it('adds a community, then a grid with its households, a building and a unit, each by tapping and typing; the tree is asked again after each', async () => {
    let current = tree({ communities: [], departments: [], teams: [] });
    const newGrid = grid({ id: 12, name: '第1网格', households: 450, gridWorkerName: null, buildingCount: 0, unitCount: 0, residentCount: 0, buildings: [] });
    const sent = serveRoutes(adminMe, {
      'GET /api/setup/tree': () => ok(current),
      'POST /api/setup/communities': () => {
        current = tree({ communities: [community({ id: 7, name: '采三社区', grids: [] })], departments: [], teams: [] });
        return ok({ kind: 'communities', id: 7, name: '采三社区', retired: false });
      },
      'POST /api/setup/communities/7/grids': () => {
        current = tree({ communities: [community({ id: 7, name: '采三社区', grids: [newGrid] })], departments: [], teams: [] });
        return ok({ kind: 'grids', id: 12, name: '第1网格', retired: false });
      },
      'POST /api/setup/grids/12/buildings': () => {
        current = tree({ communities: [community({ id: 7, name: '采三社区', grids: [{ ...newGrid, buildings: [{ id: 22, name: '1号楼', retired: false, gridId: 12, units: [] }] }] })], departments: [], teams: [] });
        return ok({ kind: 'buildings', id: 22, name: '1号楼', retired: false });
      },
      'POST /api/setup/buildings/22/units': () => ok({ kind: 'units', id: 32, name: '1单元', retired: false }),
    });
    render(<SetupOrgPage />);
    await screen.findByText('还没有社区，先点“＋ 新建社区”。');
    expect(text('setup-street')).toBe('会战道街道');

    await tap(byId('setup-add-community'));
    type('setup-name-input', '采三社区');
    await tap(byId('setup-save'));
    expect(bodyOf(sent, 'POST /api/setup/communities')).toEqual([{ name: '采三社区' }]);
    await waitFor(() => expect(byId('setup-communities-7')).not.toBeNull());
    expect(byId('setup-form')).toBeNull();

    // The new community is open: its 新建网格 button is right there.
    await tap(byId('setup-communities-7-add-grid'));
    expect(text('setup-form')).toContain('一般一个网格 300–500 户');
    type('setup-name-input', '第1网格');
    type('setup-households-input', '0');
    await tap(byId('setup-save'));
    expect(text('setup-form-error')).toContain('户数请填 1 到 5000 之间的整数');
    expect(posts(sent, 'POST /api/setup/communities/7/grids')).toHaveLength(0);
    type('setup-households-input', '450');
    await tap(byId('setup-save'));
    expect(bodyOf(sent, 'POST /api/setup/communities/7/grids')).toEqual([{ name: '第1网格', households: 450 }]);
    await waitFor(() => expect(text('setup-grids-12-households')).toBe('覆盖户数：450 户'));
    expect(text('setup-grids-12')).toContain('网格员：还没有');

    await tap(byId('setup-grids-12-add-building'));
    type('setup-name-input', '1号楼');
    await tap(byId('setup-save'));
    expect(bodyOf(sent, 'POST /api/setup/grids/12/buildings')).toEqual([{ name: '1号楼' }]);
    await waitFor(() => expect(byId('setup-buildings-22-add-unit')).not.toBeNull());
    await tap(byId('setup-buildings-22-add-unit'));
    type('setup-name-input', '1单元');
    await tap(byId('setup-save'));
    expect(bodyOf(sent, 'POST /api/setup/buildings/22/units')).toEqual([{ name: '1单元' }]);
    expect(posts(sent, 'GET /api/setup/tree').length).toBe(5);
  });

  it("shows the server's message when a name is taken, and keeps the form open with what was typed", async () => {
    serveRoutes(adminMe, {
      'GET /api/setup/tree': () => ok(tree()),
      'POST /api/setup/communities': () => fail(409, 'AREA_NAME_TAKEN', '已经有叫“创业一社区”的社区了（停用的也算），请换一个名字'),
    });
    render(<SetupOrgPage />);
    await tap(await screen.findByText('＋ 新建社区'));
    type('setup-name-input', '创业一社区');
    await tap(byId('setup-save'));
    expect(text('setup-form-error')).toBe('已经有叫“创业一社区”的社区了（停用的也算），请换一个名字');
    expect((byId('setup-name-input') as HTMLInputElement).value).toBe('创业一社区');
  });

  it('asks before retiring and says what it means; refused retiring shows the plain reason; a retired item offers 恢复', async () => {
    let current = tree();
    const sent = serveRoutes(adminMe, {
      'GET /api/setup/tree': (req) => ok(queryOf(req).retired === '1' ? tree({ departments: [{ id: 2, name: '城管局', retired: false }, { id: 3, name: '住建局', retired: true }] }) : current),
      'POST /api/setup/communities/1/retire': () => fail(409, 'AREA_HAS_ACTIVE_CHILDREN', '社区“创业一社区”下面还有在用的网格或社区志愿服务队，请先把它们停用或调走'),
      'POST /api/setup/departments/2/retire': () => {
        current = tree({ departments: [] });
        return ok({ kind: 'departments', id: 2, name: '城管局', retired: true });
      },
      'POST /api/setup/departments/3/restore': () => ok({ kind: 'departments', id: 3, name: '住建局', retired: false }),
    });
    render(<SetupOrgPage />);
    await screen.findByText('创业一社区');

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await tap(byId('setup-communities-1-retire'));
    expect(showModal.mock.calls[0][0].content).toContain('停用社区“创业一社区”？');
    expect(showModal.mock.calls[0][0].content).toContain('已有的问题、记录和历史都保留');
    expect(posts(sent, 'POST /api/setup/communities/1/retire')).toHaveLength(0);

    await tap(byId('setup-communities-1-retire'));
    expect(posts(sent, 'POST /api/setup/communities/1/retire')).toHaveLength(1);
    expect(text('setup-error')).toBe('社区“创业一社区”下面还有在用的网格或社区志愿服务队，请先把它们停用或调走');

    await tap(byId('setup-departments-2-retire'));
    expect(posts(sent, 'POST /api/setup/departments/2/retire')).toHaveLength(1);
    await waitFor(() => expect(byId('setup-departments-2')).toBeNull());

    await tap(byId('setup-show-retired'));
    await waitFor(() => expect(byId('setup-departments-3')).not.toBeNull());
    expect(text('setup-departments-3')).toContain('已停用');
    expect(byId('setup-departments-3-retire')).toBeNull();
    await tap(byId('setup-departments-3-restore'));
    expect(posts(sent, 'POST /api/setup/departments/3/restore')).toHaveLength(1);
  });

  it('renames a grid and sets its households in one form; moves a building to another grid of the community', async () => {
    const other = grid({ id: 13, name: '第2网格', households: null, buildings: [] });
    const sent = serveRoutes(adminMe, {
      'GET /api/setup/tree': () => ok(tree({ communities: [community({ grids: [grid(), other] })] })),
      'PATCH /api/setup/grids/11': () => ok({ kind: 'grids', id: 11, name: '东区网格', retired: false }),
      'PATCH /api/setup/buildings/21': () => ok({ kind: 'buildings', id: 21, name: '1号楼', retired: false }),
    });
    render(<SetupOrgPage />);
    await tap(await screen.findByText('查看网格'));
    expect(text('setup-grids-13-households')).toBe('覆盖户数：未填写（一般 300–500 户）');
    await tap(byId('setup-grids-11-rename'));
    expect((byId('setup-households-input') as HTMLInputElement).value).toBe('420');
    type('setup-name-input', '东区网格');
    type('setup-households-input', '');
    await tap(byId('setup-save'));
    expect(bodyOf(sent, 'PATCH /api/setup/grids/11')).toEqual([{ name: '东区网格', households: null }]);

    await tap(byId('setup-grids-11-toggle'));
    await tap(byId('setup-buildings-21-move'));
    expect(text('setup-form')).toContain('已经提出的问题仍留在原网格处理');
    await tap(byId('setup-save'));
    expect(text('setup-form-error')).toBe('请先选要调到哪个网格');
    expect(byId('setup-move-to-11')).toBeNull();
    await tap(byId('setup-move-to-13'));
    await tap(byId('setup-save'));
    expect(bodyOf(sent, 'PATCH /api/setup/buildings/21')).toEqual([{ gridId: 13 }]);
  });
});

describe('组织架构 (other roles)', () => {
  it('community staff see their community without the street-level buttons', async () => {
    serveRoutes(staffMe, { 'GET /api/setup/tree': () => ok(tree({ canEditStreet: false, departments: [], teams: [{ id: 5, name: '守望相助情暖夕阳', retired: false, communityId: 1 }] })) });
    render(<SetupOrgPage />);
    await waitFor(() => expect(byId('setup-communities-1')).not.toBeNull());
    expect(byId('setup-add-community')).toBeNull();
    expect(byId('setup-communities-1-rename')).toBeNull();
    expect(byId('setup-communities-1-retire')).toBeNull();
    expect(byId('setup-departments')).toBeNull();
    expect(byId('setup-add-street-team')).toBeNull();
    expect(byId('setup-volunteer-teams-5-rename')).not.toBeNull();
    await tap(byId('setup-communities-1-toggle'));
    expect(byId('setup-communities-1-add-grid')).not.toBeNull();
  });

  it('a resident sees a plain line and the tree is never asked for', async () => {
    const sent = serveRoutes(residentMe, {});
    render(<SetupOrgPage />);
    await screen.findByText('组织架构由街道管理员和社区工作人员维护。');
    expect(posts(sent, 'GET /api/setup/tree')).toHaveLength(0);
  });

  it('我的 offers 组织架构 to the street admin and community staff only', async () => {
    serveRoutes(adminMe, {});
    const { unmount } = render(<MePage />);
    await tap(await screen.findByText('组织架构'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: Routes.setupOrg });
    unmount();
    serveRoutes(residentMe, {});
    render(<MePage />);
    await screen.findByText('王秀兰');
    expect(byId('me-setup')).toBeNull();
  });
});
