import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { AuditEntry } from '@contracts/audit.contract';
import type { CreatedInvitation, InvitationItem, StaffAreasResponse, StaffMember } from '@contracts/staff.contract';
import StaffAuditPage from '@/packages/staff-admin/audit/index';
import StaffInvitePage from '@/packages/staff-admin/invite/index';
import StaffMembersPage from '@/packages/staff-admin/members/index';
import StaffRedeemPage from '@/packages/staff-admin/redeem/index';
import LoginPage from '@/pages/login/index';
import MePage from '@/pages/me/index';
import { posts, staffMe, type } from './deliberation-staff.fixtures';
import { byId, fail, ok, queryOf, serveRoutes, tap, text } from './deliberation.fixtures';
import { gridWorkerMe, mockApi, residentMe, resetTaro, routeOf, setToken } from './helpers';

// 人员与邀请 (issue 10): invite with a one-time code, redeem it, the staff list, 审计日志, the entries on 我的, dev 新用户.

/** Waits until the element with this id is on screen. */
const found = (id: string) => waitFor(() => {
  const el = byId(id);
  expect(el).not.toBeNull();
  return el;
});

const showModal = jest.fn(async (_o: { content: string }) => ({ confirm: true, cancel: false }));
Object.assign(Taro, { showModal });

const adminMe = { ...staffMe, id: 9, name: '尹宝峰', role: 'street_admin' as const, scope: { level: 'street' as const, id: 1, name: '会战道街道' } };

const areas: StaffAreasResponse = {
  roles: ['grid_worker', 'community_staff', 'street_admin', 'department'],
  street: { id: 1, name: '会战道街道' },
  communities: [
    { id: 3, name: '创业一社区', grids: [{ id: 7, name: '第1网格', workerName: '王网格员' }, { id: 8, name: '第4网格', workerName: null }] },
    { id: 4, name: '采一社区', grids: [] },
  ],
  departments: [{ id: 2, name: '城管局' }],
};

const invitation = (o: Partial<InvitationItem> = {}): InvitationItem => ({
  id: 41, role: 'grid_worker', roleLabel: '网格员', areaName: '创业一社区 第4网格', inviteeName: '王建华', note: null, createdBy: '尹宝峰',
  createdAt: '2030-11-20T02:00:00.000Z', expiresAt: '2030-11-27T02:00:00.000Z', status: 'pending', ...o,
});
const member = (o: Partial<StaffMember> = {}): StaffMember => ({
  id: 21, name: '王网格员', phoneMasked: '138****8100', role: 'grid_worker', roleLabel: '网格员', areaName: '创业一社区 第1网格',
  communityId: 3, gridId: 7, departmentId: null, self: false, manageable: true, ...o,
});

beforeEach(() => {
  resetTaro();
  setToken();
  showModal.mockClear();
});

describe('邀请工作人员 (invite)', () => {
  it('picks role, community and grid, needs a name, then shows the code very large, as a QR, with what to do with it', async () => {
    const created: CreatedInvitation = { ...invitation(), code: 'K7QM-2XPA' };
    const sent = serveRoutes(adminMe, {
      'GET /api/staff/areas': () => ok(areas),
      'POST /api/staff/invitations': () => ({ status: 201, body: created }),
    });
    render(<StaffInvitePage />);
    await tap(await found('invite-role-grid_worker'));
    expect(byId('invite-grid-8')).toBeNull();
    await tap(byId('invite-community-3'));
    expect(text('invite-grid-7')).toBe('第1网格（现由王网格员负责）');
    await tap(byId('invite-grid-7'));
    expect(text('invite-replaces')).toContain('王网格员 将改为居民');
    await tap(byId('invite-grid-8'));
    expect(byId('invite-replaces')).toBeNull();
    await tap(byId('invite-create'));
    expect(text('invite-error')).toBe('请填写被邀请人的姓名');
    expect(posts(sent, 'POST /api/staff/invitations')).toHaveLength(0);
    type('invite-name', '王建华');
    await tap(byId('invite-create'));
    expect(posts(sent, 'POST /api/staff/invitations')[0].data).toEqual({ role: 'grid_worker', communityId: 3, gridId: 8, departmentId: null, inviteeName: '王建华', note: null });
    expect(text('invite-code')).toBe('K7QM-2XPA');
    expect(byId('invite-qr')?.querySelector('[aria-label="二维码：K7QM-2XPA"]')).not.toBeNull();
    expect(text('invite-share-hint')).toContain('我的 → 输入邀请码');
    expect(text('invite-expires')).toContain('只能使用一次');
    await tap(byId('invite-again'));
    expect(byId('invite-code')).toBeNull();
    expect(byId('invite-name')).not.toBeNull();
  });

  it('a street admin needs no area; a department liaison needs a department', async () => {
    const sent = serveRoutes(adminMe, {
      'GET /api/staff/areas': () => ok(areas),
      'POST /api/staff/invitations': () => ({ status: 201, body: { ...invitation({ role: 'street_admin', roleLabel: '街道管理员', areaName: '会战道街道' }), code: 'AAAA-BBBB' } }),
    });
    render(<StaffInvitePage />);
    await tap(await found('invite-role-department'));
    type('invite-name', '赵联络员');
    await tap(byId('invite-create'));
    expect(text('invite-error')).toBe('请选择职能部门');
    await tap(byId('invite-role-street_admin'));
    await tap(byId('invite-create'));
    expect(posts(sent, 'POST /api/staff/invitations')[0].data).toMatchObject({ role: 'street_admin', communityId: null, gridId: null, departmentId: null });
    expect(text('invite-code')).toBe('AAAA-BBBB');
  });

  it('tells a grid worker plainly that they cannot invite, and asks nothing of the server', async () => {
    const sent = serveRoutes(gridWorkerMe, {});
    render(<StaffInvitePage />);
    await screen.findByText('只有街道管理员和社区工作人员可以管理工作人员和邀请。');
    expect(sent.filter((r) => routeOf(r) !== 'GET /api/me')).toEqual([]);
  });
});

describe('输入邀请码 (redeem)', () => {
  it('sends the 8 letters whatever the case and dash, then offers the workbench', async () => {
    const sent = serveRoutes(residentMe, {
      'POST /api/staff/invitations/redeem': () => ok({ role: 'grid_worker', roleLabel: '网格员', areaName: '创业一社区 第4网格' }),
    });
    render(<StaffRedeemPage />);
    await waitFor(() => expect(byId('redeem-code')).not.toBeNull());
    type('redeem-code', 'k7q');
    await tap(byId('redeem-submit'));
    expect(text('redeem-error')).toContain('8 位');
    type('redeem-code', ' k7qm-2xpa ');
    await tap(byId('redeem-submit'));
    expect(posts(sent, 'POST /api/staff/invitations/redeem')[0].data).toEqual({ code: 'K7QM2XPA' });
    expect(text('redeem-done')).toContain('您现在是网格员');
    expect(text('redeem-done')).toContain('创业一社区 第4网格');
    // `me` is loaded again after redeeming.
    expect(posts(sent, 'GET /api/me').length).toBeGreaterThanOrEqual(2);
    await tap(byId('redeem-workbench'));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/packages/staff/inbox/index' });
  });

  it('shows the server’s reason for a used code', async () => {
    serveRoutes(residentMe, { 'POST /api/staff/invitations/redeem': () => fail(409, 'INVITATION_USED', '这个邀请码已经用过了，每个邀请码只能用一次') });
    render(<StaffRedeemPage />);
    await waitFor(() => expect(byId('redeem-code')).not.toBeNull());
    type('redeem-code', 'K7QM-2XPA');
    await tap(byId('redeem-submit'));
    expect(text('redeem-error')).toBe('这个邀请码已经用过了，每个邀请码只能用一次');
    expect(byId('redeem-done')).toBeNull();
  });

  it('on the phone, scans the QR code and redeems what it carries', async () => {
    const before = process.env.TARO_ENV;
    process.env.TARO_ENV = 'weapp';
    const scanCode = jest.fn(async () => ({ result: 'K7QM-2XPA' }));
    Object.assign(Taro, { scanCode });
    try {
      const sent = serveRoutes(residentMe, { 'POST /api/staff/invitations/redeem': () => ok({ role: 'community_staff', roleLabel: '社区工作人员', areaName: '采一社区' }) });
      render(<StaffRedeemPage />);
      await tap(await found('redeem-scan'));
      expect(scanCode).toHaveBeenCalled();
      expect(posts(sent, 'POST /api/staff/invitations/redeem')[0].data).toEqual({ code: 'K7QM2XPA' });
      expect(text('redeem-done')).toContain('您现在是社区工作人员');
    } finally {
      process.env.TARO_ENV = before;
    }
  });
});

describe('人员与邀请 (members)', () => {
  it('lists staff and pending invitations; revokes a role and 作废 an invitation after asking', async () => {
    const sent = serveRoutes(adminMe, {
      'GET /api/staff': () => ok({ items: posts(sent, 'POST /api/staff/21/revoke').length ? [member({ id: 9, name: '尹宝峰', self: true })] : [member(), member({ id: 9, name: '尹宝峰', role: 'street_admin', roleLabel: '街道管理员', areaName: '会战道街道', self: true })] }),
      'GET /api/staff/invitations': () => ok({ items: [invitation()] }),
      'POST /api/staff/21/revoke': () => ok(member({ role: 'resident', roleLabel: '居民', manageable: false })),
      'POST /api/staff/invitations/41/revoke': () => ok(invitation({ status: 'revoked' })),
    });
    render(<StaffMembersPage />);
    await screen.findByText('王网格员');
    expect(text('member-21-role')).toBe('网格员 · 创业一社区 第1网格');
    expect(text('member-9')).toContain('（本人）');
    expect(text('invitation-41')).toContain('王建华');
    await tap(byId('member-21-revoke'));
    expect(showModal.mock.calls[0][0].content).toContain('撤销 王网格员 的网格员身份？立即生效');
    await waitFor(() => expect(byId('member-21')).toBeNull());
    await tap(byId('invitation-41-revoke'));
    expect(showModal.mock.calls[1][0].content).toContain('作废给 王建华 的网格员邀请码');
    await waitFor(() => expect(byId('invitation-41')).toBeNull());
    expect(posts(sent, 'POST /api/staff/invitations/41/revoke')).toHaveLength(1);
  });

  it('changes a role: picks the new role and area, asks, sends it; the server’s refusal is shown', async () => {
    const sent = serveRoutes(adminMe, {
      'GET /api/staff': () => ok({ items: [member()] }),
      'GET /api/staff/invitations': () => ok({ items: [] }),
      'GET /api/staff/areas': () => ok(areas),
      'PUT /api/staff/21/role': () => fail(409, 'LAST_STREET_ADMIN', '街道至少要有一位街道管理员，请先邀请另一位街道管理员'),
    });
    render(<StaffMembersPage />);
    await screen.findByText('没有待使用的邀请码。');
    await tap(byId('member-21-change'));
    await tap(await found('member-21-role-community_staff'));
    await tap(byId('member-21-community-4'));
    await tap(byId('member-21-save'));
    expect(showModal.mock.calls[0][0].content).toContain('改为社区工作人员（采一社区）');
    expect(posts(sent, 'PUT /api/staff/21/role')[0].data).toEqual({ role: 'community_staff', communityId: 4, gridId: null, departmentId: null });
    expect(text('members-error')).toContain('街道至少要有一位街道管理员');
  });
});

describe('审计日志 (audit)', () => {
  const entry = (id: number, o: Partial<AuditEntry> = {}): AuditEntry => ({
    id, at: '2030-11-20T02:00:00.000Z', action: 'role.revoke', actionLabel: '撤销身份', actor: '尹宝峰（街道管理员）', subject: '王网格员', detail: '网格员 → 居民', ...o,
  });

  it('reads the street’s log, filters by action and loads more', async () => {
    const sent = serveRoutes(adminMe, {
      'GET /api/audit': (req) => {
        const q = queryOf(req);
        if (q.action === 'role.change') return ok({ items: [entry(5, { action: 'role.change', actionLabel: '调整身份', detail: '居民 → 网格员（第4网格）' })], nextBefore: null });
        return ok(q.before ? { items: [entry(1)], nextBefore: null } : { items: [entry(3)], nextBefore: 3 });
      },
    });
    render(<StaffAuditPage />);
    await waitFor(() => expect(byId('audit-3')).not.toBeNull());
    expect(text('audit-3')).toContain('撤销身份');
    expect(text('audit-3')).toContain('网格员 → 居民');
    await tap(byId('audit-more'));
    expect(byId('audit-1')).not.toBeNull();
    expect(byId('audit-more')).toBeNull();
    expect(queryOf(posts(sent, 'GET /api/audit')[1]).before).toBe('3');
    await tap(byId('audit-filter-role.change'));
    await waitFor(() => expect(byId('audit-5')).not.toBeNull());
    expect(byId('audit-3')).toBeNull();
    expect(queryOf(posts(sent, 'GET /api/audit')[2]).action).toBe('role.change');
  });

  it('community staff are told it is for the street admin', async () => {
    serveRoutes(staffMe, {});
    render(<StaffAuditPage />);
    await screen.findByText('只有街道管理员可以查看审计日志。');
  });
});

describe('entries on 我的 and the dev 新用户 login', () => {
  const entries = () => ['me-redeem', 'me-staff', 'me-audit'].filter((id) => byId(id));
  it.each([
    ['a resident', residentMe, ['me-redeem']],
    ['a grid worker', gridWorkerMe, ['me-redeem']],
    ['community staff', staffMe, ['me-redeem', 'me-staff']],
    ['the street admin', adminMe, ['me-redeem', 'me-staff', 'me-audit']],
  ])('%s sees their own entries', async (_who, me, ids) => {
    serveRoutes(me, {});
    render(<MePage />);
    await waitFor(() => expect(text('me-name')).toBe(me.name));
    expect(entries()).toEqual(ids);
  });

  it.each([['a resident', residentMe], ['a grid worker', gridWorkerMe]])('输入邀请码 opens the redeem page for %s', async (_who, me) => {
    serveRoutes(me, {});
    render(<MePage />);
    await tap(await found('me-redeem'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff-admin/redeem/index' });
  });

  it('a grid worker on the redeem page is told their role will be replaced', async () => {
    serveRoutes(gridWorkerMe, {});
    render(<StaffRedeemPage />);
    await waitFor(() => expect(byId('redeem-staff-warning')).not.toBeNull());
    expect(text('redeem-staff-warning')).toContain('原来的身份会换成邀请里的身份');
  });

  it('以新用户身份登录（演示） creates a fresh resident and logs in as them', async () => {
    const sent = mockApi((req) => {
      switch (routeOf(req)) {
        case 'GET /api/auth/options': return { status: 200, body: { wechat: false, devLogin: true } };
        case 'GET /api/auth/demo-users': return { status: 200, body: { items: [] } };
        case 'POST /api/auth/dev-new-user': return { status: 200, body: { token: 'tok-new', expiresAt: '2030-12-01T00:00:00Z', user: { ...residentMe, name: '新用户31' } } };
        default: return undefined;
      }
    });
    render(<LoginPage />);
    const button = await screen.findByText('以新用户身份登录（演示）');
    expect(button.closest('#login-new-user') ?? byId('login-new-user')).not.toBeNull();
    await act(async () => {
      fireEvent.click(byId('login-new-user')!);
    });
    expect(sent.filter((r) => routeOf(r) === 'POST /api/auth/dev-new-user')).toHaveLength(1);
    expect(Taro.getStorageSync('linli.token')).toBe('tok-new');
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
