import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Roles, type Role } from '@contracts/roles';
import StaffCategoriesPage from '@/packages/staff/categories/index';
import StaffProxyPage from '@/packages/staff/proxy/index';
import {
  canActOnConcerns,
  canConfigureCategories,
  canConfirmResidents,
  canSeeUnconfirmedResidents,
  canSubmitConcern,
  canSubmitForResident,
  canUseWorkbench,
} from '@/services/permissions';
import { concernItem } from './fixtures';
import { gridWorkerMe, mockApi, resetTaro, routeOf, setToken, withMe, type Reply, type SentRequest } from './helpers';

async function tap(el: Element) {
  await act(async () => {
    fireEvent.click(el);
  });
}
const byId = (id: string) => document.getElementById(id)!;
const type = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } });

describe('permissions mirror the server’s route declarations', () => {
  const who = (check: (r: Role) => boolean) => Roles.filter(check);
  it.each([
    ['canSubmitConcern', canSubmitConcern, ['resident']],
    ['canUseWorkbench', canUseWorkbench, ['grid_worker', 'community_staff', 'street_admin', 'department']],
    ['canActOnConcerns', canActOnConcerns, ['grid_worker', 'community_staff', 'street_admin', 'department']],
    ['canSeeUnconfirmedResidents', canSeeUnconfirmedResidents, ['grid_worker', 'community_staff', 'street_admin']],
    ['canConfirmResidents', canConfirmResidents, ['grid_worker', 'community_staff']],
    ['canSubmitForResident', canSubmitForResident, ['grid_worker']],
    ['canConfigureCategories', canConfigureCategories, ['community_staff']],
  ] as const)('%s: %j', (_name, check, roles) => {
    expect(who(check)).toEqual(roles);
    expect(check(undefined)).toBe(false);
  });
});

describe('代办: a grid worker submits for a resident', () => {
  const communities = [{ id: 1, name: '创业一社区', streetName: '会战道街道' }, { id: 2, name: '采一社区', streetName: '会战道街道' }];
  const buildings = [
    { id: 11, name: '1号楼', gridName: '第1网格' },
    { id: 14, name: '4号楼', gridName: '第2网格' },
    { id: 12, name: '2号楼', gridName: '第1网格' },
  ];
  const me = { ...gridWorkerMe, name: '王网格员', scope: { level: 'grid' as const, id: 1, name: '第1网格' } };

  function serve(proxyReplies: Reply[]) {
    return mockApi(withMe(me, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/org/communities') return { status: 200, body: { items: communities } };
      if (route === 'GET /api/org/communities/1/buildings') return { status: 200, body: { items: buildings } };
      if (route === 'GET /api/org/buildings/12/units') return { status: 200, body: { items: [{ id: 121, name: '1单元' }, { id: 122, name: '2单元' }] } };
      if (route === 'POST /api/concerns/proxy') return proxyReplies.shift();
      return undefined;
    }));
  }

  beforeEach(() => {
    resetTaro();
    setToken();
  });

  async function chooseUnit() {
    render(<StaffProxyPage />);
    await tap(await screen.findByText('创业一社区'));
    await screen.findByText('2号楼');
    // Only the buildings of the worker's own grid.
    expect(screen.queryByText('4号楼')).toBeNull();
    expect(screen.getByText('1号楼')).toBeTruthy();
    await tap(screen.getByText('2号楼'));
    await tap(await screen.findByText('2单元'));
    expect(byId('proxy-unit').textContent).toBe('住址：创业一社区 2号楼 2单元');
  }

  it('unit within the worker’s grid → name, phone, category, text → POST /api/concerns/proxy with an Idempotency-Key', async () => {
    const sent = serve([{ status: 201, body: concernItem({ id: 31, proxyFor: '赵奶奶' }) }]);
    await chooseUnit();

    type('proxy-name', '赵奶奶');
    type('proxy-phone', '13800001111');
    fireEvent.click(screen.getByText('漏水'));
    type('proxy-text', '厨房天花板漏水');
    await tap(screen.getByText('代居民提交'));

    const post = sent.find((r) => routeOf(r) === 'POST /api/concerns/proxy')!;
    expect(post.data).toEqual({
      unitId: 122,
      residentName: '赵奶奶',
      residentPhone: '13800001111',
      category: 'leak',
      text: '厨房天花板漏水',
      photoIds: [],
      isPublic: false,
    });
    expect(post.header['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/concerns/detail/index?id=31' }));
  });

  it('checks the name and phone before sending, and retries a lost answer with the same key', async () => {
    const sent = serve(['network-error', { status: 201, body: concernItem({ id: 32 }) }]);
    await chooseUnit();
    const proxyPosts = () => sent.filter((r: SentRequest) => routeOf(r) === 'POST /api/concerns/proxy');

    await tap(screen.getByText('代居民提交'));
    expect(screen.getByText('请填写居民姓名')).toBeTruthy();
    type('proxy-name', '赵奶奶');
    type('proxy-phone', '12345');
    await tap(screen.getByText('代居民提交'));
    expect(screen.getByText('手机号应为 11 位数字，以 1 开头；没有可不填')).toBeTruthy();
    type('proxy-phone', '');
    fireEvent.click(screen.getByText('噪音扰民'));
    type('proxy-text', '楼上夜里很吵');
    expect(proxyPosts()).toHaveLength(0);

    await tap(screen.getByText('代居民提交'));
    expect(screen.getByText('网络连接失败，请检查网络后再试')).toBeTruthy();
    await tap(screen.getByText('代居民提交'));

    expect(proxyPosts()).toHaveLength(2);
    expect(proxyPosts()[1].header['idempotency-key']).toBe(proxyPosts()[0].header['idempotency-key']);
    expect(proxyPosts()[1].data).not.toHaveProperty('residentPhone');
  });
});

describe('category settings (community staff)', () => {
  const items = [
    { code: 'leak', label: '漏水', hint: null, emergencyNotice: null, resolveHours: 48, enabled: true },
    { code: 'safety_hazard', label: '安全隐患', hint: null, emergencyNotice: '闻到燃气味请拨打 119', resolveHours: 24, enabled: true },
  ];

  beforeEach(() => {
    resetTaro();
    setToken();
  });

  it('edits a category’s hint, emergency notice, hours and on/off with PUT /api/concerns/categories/:code', async () => {
    const sent = mockApi(withMe({ ...gridWorkerMe, role: 'community_staff' }, (req) => {
      const route = routeOf(req);
      if (route === 'GET /api/concerns/categories') return { status: 200, body: { items } };
      if (route === 'PUT /api/concerns/categories/leak') {
        return { status: 200, body: { items: [{ ...items[0], hint: '哪一层？还在漏吗？', resolveHours: 24, enabled: false }, items[1]] } };
      }
      return undefined;
    }));
    render(<StaffCategoriesPage />);
    expect(await screen.findByText('闻到燃气味请拨打 119')).toBeTruthy();
    expect(screen.getByText('48 小时（2 天）')).toBeTruthy();

    await tap(byId('category-edit-leak'));
    type('category-hint', '哪一层？还在漏吗？');
    type('category-hours', '0');
    await tap(screen.getByText('保存'));
    expect(screen.getByText('办理时限请填 1 到 2160 之间的整数（小时）')).toBeTruthy();
    type('category-hours', '24');
    fireEvent.click(byId('category-enabled'));
    await tap(screen.getByText('保存'));

    const put = sent.find((r) => routeOf(r) === 'PUT /api/concerns/categories/leak')!;
    expect(put.data).toEqual({ hint: '哪一层？还在漏吗？', emergencyNotice: null, resolveHours: 24, enabled: false });
    expect(screen.getByText('漏水（暂不受理）')).toBeTruthy();
    expect(screen.getByText('哪一层？还在漏吗？')).toBeTruthy();
  });

  it('other staff see the settings but cannot change them', async () => {
    mockApi(withMe(gridWorkerMe, (req) => (routeOf(req) === 'GET /api/concerns/categories' ? { status: 200, body: { items } } : undefined)));
    render(<StaffCategoriesPage />);
    await screen.findByText('安全隐患');
    expect(screen.queryByText('修改')).toBeNull();
  });
});
