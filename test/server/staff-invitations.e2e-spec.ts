import { createHash } from 'node:crypto';
import { DIALECTS } from './support/test-app';
import { appWithFreshArea } from './support/area-suite';
import { createDepartment, createUser } from '../factories/org.factory';
import { AuditLogEntity } from '../../server/src/modules/audit/audit-log.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { GridEntity } from '../../server/src/modules/org/org.entities';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { StaffInvitationEntity } from '../../server/src/modules/staff/staff.entities';
import { RedeemAttempts, REDEEM_MAX_WRONG } from '../../server/src/modules/staff/redeem-attempts';
import { issueInvitation } from '../../server/src/modules/staff/staff-invitation.issue';

const CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

/** Issue 10: staff invitations 人员邀请 (one-time codes), role changes and revocations taking effect on the next request. */
describe.each(DIALECTS)('staff invitations and roles on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'staffinv');
  const newUser = async (name?: string) => {
    const res = await http.post('/api/auth/dev-new-user', name ? { name } : {});
    expect(res.status).toBe(200);
    return { id: res.body.user.id as number, token: res.body.token as string };
  };
  const invite = async (token: string, body: Record<string, unknown>) => {
    const res = await http.post('/api/staff/invitations', { inviteeName: '新同志', ...body }, token);
    expect(res.status).toBe(201);
    return res.body as { id: number; code: string; areaName: string; status: string; expiresAt: string };
  };
  const redeem = (token: string, code: string) => http.post('/api/staff/invitations/redeem', { code }, token);
  const auditOf = (action: string) => t.ds.manager.find(AuditLogEntity, { where: { action: action as never }, order: { id: 'ASC' } });
  const user = (id: number) => t.ds.manager.findOneByOrFail(UserEntity, { id });
  const grid = (id: number) => t.ds.manager.findOneByOrFail(GridEntity, { id });
  beforeEach(() => t.app.get(RedeemAttempts).clear());

  it('a street admin invites a grid worker; a new user redeems the code once (any case, with or without the dash) and is the grid worker at once', async () => {
    const admin = await http.as(area.streetAdmin);
    const inv = await invite(admin, { role: 'grid_worker', gridId: area.gridA2, note: '接替退休的网格员' });
    expect(inv).toMatchObject({ areaName: '甲社区 甲二网格', status: 'pending', createdBy: '街道管理员', roleLabel: '网格员' });
    expect(inv.code).toMatch(CODE);
    expect(new Date(inv.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    // The database keeps a SHA-256 of the code, never the code.
    const row = await t.ds.manager.findOneByOrFail(StaffInvitationEntity, { id: inv.id });
    expect(row.codeHash).toBe(createHash('sha256').update(inv.code.replace('-', '')).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(inv.code.replace('-', ''));

    const invitee = await newUser('王新');
    expect((await http.get('/api/concerns/inbox', invitee.token)).status).toBe(403);
    const res = await redeem(invitee.token, ` ${inv.code.replace('-', '').toLowerCase()} `);
    expect(res).toMatchObject({ status: 200, body: { role: 'grid_worker', roleLabel: '网格员', areaName: '甲社区 甲二网格' } });
    expect((await http.get('/api/me', invitee.token)).body).toMatchObject({ role: 'grid_worker', scope: { level: 'grid', id: area.gridA2 } });
    expect((await http.get('/api/concerns/inbox', invitee.token)).status).toBe(200);
    expect(await user(invitee.id)).toMatchObject({ role: 'grid_worker', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA2, unitId: null });
    expect((await grid(area.gridA2)).gridWorkerId).toBe(invitee.id);

    expect(await redeem(invitee.token, inv.code)).toMatchObject({ status: 409, body: { code: 'INVITATION_USED' } });
    const other = await newUser();
    expect(await redeem(other.token, inv.code)).toMatchObject({ status: 409, body: { code: 'INVITATION_USED' } });
    expect(await redeem(other.token, 'ABCD-EFGH')).toMatchObject({ status: 404, body: { code: 'INVITATION_NOT_FOUND' } });
    expect((await user(other.id)).role).toBe('resident');

    expect((await auditOf('invitation.create'))[0]).toMatchObject({ actorId: area.streetAdmin.id, targetId: inv.id, detail: '邀请 新同志 担任网格员（甲社区 甲二网格）' });
    expect((await auditOf('invitation.redeem'))[0]).toMatchObject({ actorId: invitee.id, subjectUserId: invitee.id, streetId: area.streetId });
    expect((await auditOf('role.change'))[0]).toMatchObject({ subjectUserId: invitee.id, detail: '居民 → 网格员（甲社区 甲二网格）' });
    const told = await t.ds.manager.find(NotificationEntity, { where: { userId: area.streetAdmin.id, type: 'invitation.redeemed' } });
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('王新');
    const pending = await http.get('/api/staff/invitations', admin);
    expect(pending.body.items).toEqual([]);
  });

  it('an expired or revoked code is refused with its reason; 作废 only while pending; the pending list shows only live invitations', async () => {
    const admin = await http.as(area.streetAdmin);
    const old = await invite(admin, { role: 'community_staff', communityId: area.communityB });
    const gone = await invite(admin, { role: 'department', departmentId: (await createDepartment(t.ds, area.streetId)).id });
    const live = await invite(admin, { role: 'street_admin', inviteeName: '副主任' });
    await t.ds.manager.update(StaffInvitationEntity, { id: old.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await http.post(`/api/staff/invitations/${gone.id}/revoke`, {}, admin)).toMatchObject({ status: 200, body: { status: 'revoked' } });
    expect(await http.post(`/api/staff/invitations/${gone.id}/revoke`, {}, admin)).toMatchObject({ status: 410, body: { code: 'INVITATION_REVOKED' } });
    const invitee = await newUser();
    expect(await redeem(invitee.token, old.code)).toMatchObject({ status: 410, body: { code: 'INVITATION_EXPIRED' } });
    expect(await redeem(invitee.token, gone.code)).toMatchObject({ status: 410, body: { code: 'INVITATION_REVOKED' } });
    expect((await user(invitee.id)).role).toBe('resident');
    const pending = await http.get('/api/staff/invitations', admin);
    expect(pending.body.items.map((i: { id: number }) => i.id)).toEqual([live.id]);
    expect(pending.body.items[0]).toMatchObject({ roleLabel: '街道管理员', areaName: '测试街道', inviteeName: '副主任' });
    expect(pending.body.items[0]).not.toHaveProperty('code');
    expect((await auditOf('invitation.revoke'))[0]).toMatchObject({ actorId: area.streetAdmin.id, targetId: gone.id });
    // Another community's staff cannot see or revoke it.
    expect(await http.post(`/api/staff/invitations/${live.id}/revoke`, {}, await http.as(area.staffA))).toMatchObject({ status: 404, body: { code: 'INVITATION_NOT_FOUND' } });
  });

  it('scope: community staff invite only to their own community; areas must exist, be in the street and not retired; others may not invite', async () => {
    const staffA = await http.as(area.staffA);
    await invite(staffA, { role: 'grid_worker', gridId: area.gridA2 });
    await invite(staffA, { role: 'community_staff', communityId: area.communityA });
    const post = (token: string, body: Record<string, unknown>) => http.post('/api/staff/invitations', { inviteeName: '某人', ...body }, token);
    expect(await post(staffA, { role: 'grid_worker', gridId: area.gridB1 })).toMatchObject({ status: 404, body: { code: 'STAFF_AREA_NOT_FOUND' } });
    expect(await post(staffA, { role: 'community_staff', communityId: area.communityB })).toMatchObject({ status: 404, body: { code: 'STAFF_AREA_NOT_FOUND' } });
    expect(await post(staffA, { role: 'street_admin' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const admin = await http.as(area.streetAdmin);
    expect(await post(admin, { role: 'grid_worker' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await post(admin, { role: 'grid_worker', gridId: 99999 })).toMatchObject({ status: 404, body: { code: 'STAFF_AREA_NOT_FOUND' } });
    expect(await post(admin, { role: 'resident' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const elsewhere = await createDepartment(t.ds, area.streetId + 50, '别街道部门');
    expect(await post(admin, { role: 'department', departmentId: elsewhere.id })).toMatchObject({ status: 404, body: { code: 'STAFF_AREA_NOT_FOUND' } });
    await t.ds.manager.update(GridEntity, { id: area.gridA2 }, { retiredAt: new Date() } as never);
    expect(await post(admin, { role: 'grid_worker', gridId: area.gridA2 })).toMatchObject({ status: 409, body: { code: 'AREA_RETIRED' } });
    for (const who of [area.workerA1, area.residentA1]) {
      expect((await post(await http.as(who), { role: 'grid_worker', gridId: area.gridA1 })).status).toBe(403);
    }
    // The area pickers: community staff see their community's active grids and the roles they may give.
    const areas = await http.get('/api/staff/areas', staffA);
    expect(areas.body).toMatchObject({ roles: ['grid_worker', 'community_staff'], street: { id: area.streetId }, departments: [] });
    expect(areas.body.communities).toEqual([{ id: area.communityA, name: '甲社区', grids: [{ id: area.gridA1, name: '甲一网格', workerName: '甲网格员' }] }]);
  });

  it('an invitation whose grid was retired after it was sent is not redeemed (and stays unused)', async () => {
    const inv = await invite(await http.as(area.streetAdmin), { role: 'grid_worker', gridId: area.gridA2 });
    await t.ds.manager.update(GridEntity, { id: area.gridA2 }, { retiredAt: new Date() } as never);
    const invitee = await newUser();
    expect(await redeem(invitee.token, inv.code)).toMatchObject({ status: 409, body: { code: 'AREA_RETIRED' } });
    expect(await t.ds.manager.findOneByOrFail(StaffInvitationEntity, { id: inv.id })).toMatchObject({ redeemedBy: null });
    expect((await user(invitee.id)).role).toBe('resident');
  });

  it('staff lists: the street admin sees the street, community staff their community, phones masked; only managers may list', async () => {
    const street = await http.get('/api/staff', await http.as(area.streetAdmin));
    expect(street.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['乙社区干部', '乙网格员', '甲社区干部', '甲网格员', '街道管理员'].sort());
    for (const s of street.body.items) expect(s.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(street.body.items.find((s: { name: string }) => s.name === '甲网格员')).toMatchObject({ areaName: '甲社区 甲一网格', roleLabel: '网格员', manageable: true, self: false });
    const community = await http.get('/api/staff', await http.as(area.staffA));
    expect(community.body.items.map((s: { name: string; manageable: boolean }) => [s.name, s.manageable])).toEqual([['甲社区干部', false], ['甲网格员', true]]);
    expect((await http.get('/api/staff', await http.as(area.workerA1))).status).toBe(403);
  });

  it('a revoked grid worker’s existing token gets 403 on the inbox at the very next request; audit "网格员 → 居民", the person is told', async () => {
    const worker = await http.as(area.workerA1);
    expect((await http.get('/api/concerns/inbox', worker)).status).toBe(200);
    const res = await http.post(`/api/staff/${area.workerA1.id}/revoke`, {}, await http.as(area.staffA));
    expect(res).toMatchObject({ status: 200, body: { role: 'resident', manageable: false } });
    expect(await http.get('/api/concerns/inbox', worker)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await user(area.workerA1.id)).toMatchObject({ role: 'resident', gridId: null, communityId: null, streetId: null });
    expect((await grid(area.gridA1)).gridWorkerId).toBeNull();
    expect((await auditOf('role.revoke'))[0]).toMatchObject({ actorId: area.staffA.id, actorRole: 'community_staff', subjectUserId: area.workerA1.id, detail: '网格员 → 居民', streetId: area.streetId });
    expect(await t.ds.manager.findOneBy(NotificationEntity, { userId: area.workerA1.id, type: 'role.revoked' })).not.toBeNull();
    // Community staff manage only their own community's grid workers.
    const staffA = await http.as(area.staffA);
    expect(await http.post(`/api/staff/${area.workerB1.id}/revoke`, {}, staffA)).toMatchObject({ status: 404, body: { code: 'STAFF_NOT_FOUND' } });
    expect(await http.post(`/api/staff/${area.staffB.id}/revoke`, {}, staffA)).toMatchObject({ status: 404, body: { code: 'STAFF_NOT_FOUND' } });
    expect(await http.post(`/api/staff/${area.residentA1.id}/revoke`, {}, await http.as(area.streetAdmin))).toMatchObject({ status: 404, body: { code: 'STAFF_NOT_FOUND' } });
  });

  it('a role change moves the person (grid released, audit, notice); a lowered street admin loses /api/audit at once; the last admin cannot go', async () => {
    const admin = await http.as(area.streetAdmin);
    const res = await http.put(`/api/staff/${area.workerA1.id}/role`, { role: 'community_staff', communityId: area.communityB }, admin);
    expect(res).toMatchObject({ status: 200, body: { role: 'community_staff', areaName: '乙社区' } });
    expect((await grid(area.gridA1)).gridWorkerId).toBeNull();
    expect((await auditOf('role.change'))[0]).toMatchObject({ subjectUserId: area.workerA1.id, detail: '网格员 → 社区工作人员（乙社区）' });
    expect(await t.ds.manager.findOneBy(NotificationEntity, { userId: area.workerA1.id, type: 'role.changed' })).not.toBeNull();

    expect(await http.post(`/api/staff/${area.streetAdmin.id}/revoke`, {}, admin)).toMatchObject({ status: 409, body: { code: 'LAST_STREET_ADMIN' } });
    expect(await http.put(`/api/staff/${area.streetAdmin.id}/role`, { role: 'community_staff', communityId: area.communityA }, admin)).toMatchObject({ status: 409, body: { code: 'LAST_STREET_ADMIN' } });
    expect((await user(area.streetAdmin.id)).role).toBe('street_admin');

    const second = await createUser(t.ds, { role: 'street_admin', name: '副主任', streetId: area.streetId });
    const secondToken = await http.as(second);
    expect((await http.get('/api/audit', secondToken)).status).toBe(200);
    expect((await http.put(`/api/staff/${second.id}/role`, { role: 'community_staff', communityId: area.communityA }, admin)).status).toBe(200);
    expect(await http.get('/api/audit', secondToken)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await auditOf('role.change'))[1]).toMatchObject({ subjectUserId: second.id, detail: '街道管理员 → 社区工作人员（甲社区）' });
  });

  it('one worker per grid: a new grid worker replaces the old one, who is back to 居民, told, and in the audit log', async () => {
    const inv = await invite(await http.as(area.streetAdmin), { role: 'grid_worker', gridId: area.gridA1 });
    const invitee = await newUser('接班人');
    expect((await redeem(invitee.token, inv.code)).status).toBe(200);
    expect((await grid(area.gridA1)).gridWorkerId).toBe(invitee.id);
    expect(await user(area.workerA1.id)).toMatchObject({ role: 'resident', gridId: null });
    const revoked = await auditOf('role.revoke');
    expect(revoked.map((a) => [a.subjectUserId, a.detail])).toEqual([[area.workerA1.id, '网格员 → 居民（甲社区 甲一网格改由 接班人 负责）']]);
    expect(await t.ds.manager.findOneBy(NotificationEntity, { userId: area.workerA1.id, type: 'role.revoked' })).not.toBeNull();
  });

  it(`after ${REDEEM_MAX_WRONG} wrong codes a user must wait (429), even with a right one; other users are not affected`, async () => {
    const inv = await invite(await http.as(area.streetAdmin), { role: 'grid_worker', gridId: area.gridA2 });
    const guesser = await newUser();
    for (let i = 0; i < REDEEM_MAX_WRONG; i++) expect((await redeem(guesser.token, 'ZZZZ-ZZZZ')).status).toBe(404);
    expect(await redeem(guesser.token, inv.code)).toMatchObject({ status: 429, body: { code: 'INVITATION_TOO_MANY_ATTEMPTS' } });
    const honest = await newUser();
    expect((await redeem(honest.token, inv.code)).status).toBe(200);
  });

  it('two users redeeming one code at the same moment: exactly one becomes staff', async () => {
    const inv = await invite(await http.as(area.streetAdmin), { role: 'grid_worker', gridId: area.gridA2 });
    const people = await Promise.all([1, 2, 3, 4].map(() => newUser()));
    const results = await Promise.all(people.map((p) => redeem(p.token, inv.code)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const roles = await Promise.all(people.map((p) => user(p.id).then((u) => u.role)));
    expect(roles.filter((r) => r === 'grid_worker')).toHaveLength(1);
    expect(await auditOf('invitation.redeem')).toHaveLength(1);
    const winner = people[results.findIndex((r) => r.status === 200)];
    expect((await grid(area.gridA2)).gridWorkerId).toBe(winner.id);
  });

  it('two street admins lowering each other at the same moment: one is refused, the street keeps an admin', async () => {
    const second = await createUser(t.ds, { role: 'street_admin', name: '副主任', streetId: area.streetId });
    const [a, b] = [await http.as(area.streetAdmin), await http.as(second)];
    const results = await Promise.all([
      http.post(`/api/staff/${second.id}/revoke`, {}, a),
      http.post(`/api/staff/${area.streetAdmin.id}/revoke`, {}, b),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // The loser is refused either as the last admin (409) or, having lost the role first, by the guard (403).
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const admins = await t.ds.manager.countBy(UserEntity, { streetId: area.streetId, role: 'street_admin' });
    expect(admins).toBe(1);
  });

  // S1: an invitation is only as good as its maker's standing.
  const invitation = (id: number) => t.ds.manager.findOneByOrFail(StaffInvitationEntity, { id });

  it('revoking or lowering a staff member voids the invitations they made (audit says why); a change to the same role keeps them', async () => {
    const staffA = await http.as(area.staffA);
    const colleague = await invite(staffA, { role: 'community_staff', communityId: area.communityA, inviteeName: '甲同事' });
    const worker = await invite(staffA, { role: 'grid_worker', gridId: area.gridA2, inviteeName: '甲二网格员' });
    const staffB = await http.as(area.staffB);
    const fromB = await invite(staffB, { role: 'community_staff', communityId: area.communityB });
    const admin = await http.as(area.streetAdmin);
    expect((await http.put(`/api/staff/${area.staffB.id}/role`, { role: 'community_staff', communityId: area.communityB }, admin)).status).toBe(200);
    expect(await invitation(fromB.id)).toMatchObject({ revokedAt: null });

    expect((await http.post(`/api/staff/${area.staffA.id}/revoke`, {}, admin)).status).toBe(200);
    for (const id of [colleague.id, worker.id]) expect((await invitation(id)).revokedBy).toBe(area.streetAdmin.id);
    const voided = (await auditOf('invitation.revoke')).filter((a) => a.subjectUserId === area.staffA.id);
    expect(voided.map((a) => [a.targetId, a.actorId, a.detail])).toEqual([
      [colleague.id, area.streetAdmin.id, '作废给 甲同事 的社区工作人员邀请（甲社区）：邀请人身份已变更，邀请作废'],
      [worker.id, area.streetAdmin.id, '作废给 甲二网格员 的网格员邀请（甲社区 甲二网格）：邀请人身份已变更，邀请作废'],
    ]);
    // The revoked staff member cannot get the role back with their own earlier code, nor can anyone else use it.
    expect(await redeem(staffA, colleague.code)).toMatchObject({ status: 403, body: { code: 'INVITATION_OWN_CODE' } });
    expect(await user(area.staffA.id)).toMatchObject({ role: 'resident', communityId: null });
    const other = await newUser();
    expect(await redeem(other.token, worker.code)).toMatchObject({ status: 410, body: { code: 'INVITATION_REVOKED' } });
    expect((await user(other.id)).role).toBe('resident');

    // Lowered (community staff → grid worker): the same.
    expect((await http.put(`/api/staff/${area.staffB.id}/role`, { role: 'grid_worker', gridId: area.gridB1 }, admin)).status).toBe(200);
    expect(await invitation(fromB.id)).toMatchObject({ revokedBy: area.streetAdmin.id, redeemedBy: null });
    expect((await http.get('/api/staff/invitations', admin)).body.items).toEqual([]);
  });

  it('a grid worker displaced from their grid: invitations they made earlier are voided in the same transaction', async () => {
    // Made while they could still invite (before this rule, or by hand): the displacement voids it.
    const { row } = await issueInvitation(t.ds.manager, {
      grant: { role: 'grid_worker', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA2 }, inviteeName: '旧邀请', createdBy: area.workerA1.id,
    });
    const inv = await invite(await http.as(area.streetAdmin), { role: 'grid_worker', gridId: area.gridA1 });
    expect((await redeem((await newUser('接班人')).token, inv.code)).status).toBe(200);
    expect(await user(area.workerA1.id)).toMatchObject({ role: 'resident' });
    expect((await invitation(row.id)).revokedAt).not.toBeNull();
    const voided = (await auditOf('invitation.revoke')).find((a) => a.targetId === row.id);
    expect(voided).toMatchObject({ subjectUserId: area.workerA1.id, detail: expect.stringContaining('邀请人身份已变更，邀请作废') });
  });

  it('redeeming checks that the inviter could still give the invitation now (moved or revoked behind the role path → 410)', async () => {
    const inv = await invite(await http.as(area.staffA), { role: 'community_staff', communityId: area.communityA });
    const invitee = await newUser();
    // Changed directly in the database, as data from before role changes voided invitations.
    await t.ds.manager.update(UserEntity, { id: area.staffA.id }, { communityId: area.communityB });
    const moved = await redeem(invitee.token, inv.code);
    expect(moved).toMatchObject({ status: 410, body: { code: 'INVITATION_REVOKED' } });
    expect(moved.body.message).toContain('邀请人已不再负责这个范围');
    await t.ds.manager.update(UserEntity, { id: area.staffA.id }, { role: 'resident', streetId: null, communityId: null });
    expect(await redeem(invitee.token, inv.code)).toMatchObject({ status: 410, body: { code: 'INVITATION_REVOKED' } });
    expect(await invitation(inv.id)).toMatchObject({ redeemedBy: null });
    expect((await user(invitee.id)).role).toBe('resident');
    // Back in place, the same code works (the check is about the inviter, not the code).
    await t.ds.manager.update(UserEntity, { id: area.staffA.id }, { role: 'community_staff', streetId: area.streetId, communityId: area.communityA });
    expect(await redeem(invitee.token, inv.code)).toMatchObject({ status: 200, body: { role: 'community_staff' } });
  });

  it('nobody redeems their own invitation (403 INVITATION_OWN_CODE); it stays pending for the invitee', async () => {
    const staffA = await http.as(area.staffA);
    const inv = await invite(staffA, { role: 'community_staff', communityId: area.communityA });
    const own = await redeem(staffA, inv.code);
    expect(own).toMatchObject({ status: 403, body: { code: 'INVITATION_OWN_CODE' } });
    expect(own.body.message).toContain('不能使用自己生成的邀请码');
    const admin = await http.as(area.streetAdmin);
    const adminInv = await invite(admin, { role: 'grid_worker', gridId: area.gridA2 });
    expect(await redeem(admin, adminInv.code)).toMatchObject({ status: 403, body: { code: 'INVITATION_OWN_CODE' } });
    expect(await user(area.streetAdmin.id)).toMatchObject({ role: 'street_admin' });
    expect(await invitation(inv.id)).toMatchObject({ redeemedBy: null, revokedAt: null });
    expect(await auditOf('invitation.redeem')).toEqual([]);
    expect((await redeem((await newUser()).token, inv.code)).status).toBe(200);
  });

  it('an inviter revoked at the same moment their code is redeemed, 4 rounds: the redeem comes wholly before (200) or is refused (410), never a 500', async () => {
    const admin = await http.as(area.streetAdmin);
    for (let round = 0; round < 4; round++) {
      const maker = await createUser(t.ds, { role: 'community_staff', name: `第${round}位干部`, streetId: area.streetId, communityId: area.communityA });
      const inv = await invite(await http.as(maker), { role: 'community_staff', communityId: area.communityA });
      const invitee = await newUser();
      const [revoked, redeemed] = await Promise.all([http.post(`/api/staff/${maker.id}/revoke`, {}, admin), redeem(invitee.token, inv.code)]);
      expect(revoked.status).toBe(200);
      expect([200, 410]).toContain(redeemed.status);
      const row = await invitation(inv.id);
      if (redeemed.status === 200) {
        expect(row).toMatchObject({ redeemedBy: invitee.id, revokedAt: null });
        expect((await user(invitee.id)).role).toBe('community_staff');
        // Wholly before: the redeem's entry precedes the maker's revocation in the log.
        const taken = (await auditOf('invitation.redeem')).find((a) => a.targetId === inv.id)!;
        const gone = (await auditOf('role.revoke')).find((a) => a.subjectUserId === maker.id)!;
        expect(taken.id).toBeLessThan(gone.id);
      } else {
        expect(redeemed.body.code).toBe('INVITATION_REVOKED');
        expect(row).toMatchObject({ redeemedBy: null, revokedBy: area.streetAdmin.id });
        expect((await user(invitee.id)).role).toBe('resident');
      }
      expect((await user(maker.id)).role).toBe('resident');
    }
  });

  // C1: one grid worker per grid holds when two invitations for one grid are redeemed at the same moment.
  it('two invitations for one grid redeemed at once by two users, 6 rounds: one grid worker, the same as grids.grid_worker_id', async () => {
    const admin = await http.as(area.streetAdmin);
    const everyone: number[] = [area.workerA1.id];
    for (let round = 0; round < 6; round++) {
      const invs = [await invite(admin, { role: 'grid_worker', gridId: area.gridA1 }), await invite(admin, { role: 'grid_worker', gridId: area.gridA1 })];
      const people = [await newUser(`第${round}轮甲`), await newUser(`第${round}轮乙`)];
      everyone.push(...people.map((p) => p.id));
      const results = await Promise.all(people.map((p, i) => redeem(p.token, invs[i].code)));
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const holders = await t.ds.manager.find(UserEntity, { where: { role: 'grid_worker', gridId: area.gridA1 } });
      expect(holders).toHaveLength(1);
      expect((await grid(area.gridA1)).gridWorkerId).toBe(holders[0].id);
      // The other one was displaced by the later redeem: back to 居民, told, and in the log.
      const loser = people.find((p) => p.id !== holders[0].id)!;
      expect(await user(loser.id)).toMatchObject({ role: 'resident', gridId: null, communityId: null });
      expect(await t.ds.manager.findOneBy(NotificationEntity, { userId: loser.id, type: 'role.revoked' })).not.toBeNull();
      expect((await auditOf('role.revoke')).filter((a) => a.subjectUserId === loser.id)).toHaveLength(1);
    }
    const workers = await t.ds.manager.find(UserEntity, { where: { role: 'grid_worker', gridId: area.gridA1 } });
    expect(workers).toHaveLength(1);
    expect(everyone).toContain(workers[0].id);
  });
});
