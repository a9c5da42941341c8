import { DIALECTS, startTestApp, type TestApp } from './support/test-app';
import { api } from './support/http';
import { FakeWechat } from './support/fake-wechat';
import { ownConfig } from './support/own-database';
import { appWithFreshArea } from './support/area-suite';
import { createSessionVia } from './support/deliberation-fixtures';
import { approveVolunteers } from './support/timebank-fixtures';
import { wish } from './support/volunteer-fixtures';
import { createUser } from '../factories/org.factory';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { ConcernEntity, ConcernEventEntity } from '../../server/src/modules/concerns/concern.entity';
import { AreaLeaderEntity } from '../../server/src/modules/registers/registers.entities';
import { DeliberationRegistrationEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { HelpRequestEntity, VolunteerEntity } from '../../server/src/modules/volunteers/volunteers.entities';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { AuditLogEntity } from '../../server/src/modules/audit/audit-log.entity';
import { DELETED_CONCERN_TEXT, DELETED_NAME } from '../../server/src/modules/privacy/account-deletion.service';
import type { MyDataResponse } from '../../contracts/privacy.contract';

// Issue 10 (PIPL): a resident sees what Linli holds about them, exports it and deletes their account; staff reads of
// their data are in the audit log, for the street and for the resident.
describe.each(DIALECTS)('personal data on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'privacy');
  const as = (u: { id: number }) => http.as(u);
  const del = async (who: { id: number }, body: unknown = { confirm: '注销' }) => http.call('DELETE', '/api/me', { token: await as(who), body });
  const myData = async (who: { id: number }) => (await http.get<MyDataResponse>('/api/me/data', await as(who)));
  const concern = async (who: { id: number }, text: string) => {
    const res = await http.post('/api/concerns', { category: 'facilities', text }, await as(who));
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  it('shows a resident everything held about them in plain sections, their full phone only to themselves', async () => {
    const me = area.residentA1;
    await concern(me, '三号楼门口路灯坏了好几天了，晚上很黑');
    const topic = await http.post('/api/deliberation/topics', { title: '路灯维修', problem: '路灯坏了', hope: '尽快修好', category: 'facilities' }, await as(me));
    expect(topic.status).toBe(201);
    const sessionId = await createSessionVia(http, t.ds, await as(area.staffA), 5);
    expect((await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(me))).status).toBe(201);
    await approveVolunteers(t.ds, [me], area.communityA, area.streetId, { skills: ['errands'] });
    expect((await http.post('/api/help-requests', wish(), await as(me))).status).toBe(201);

    const res = await myData(me);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.profile).toMatchObject({ id: me.id, name: '张大姐', phone: me.phone, role: 'resident', roleLabel: '居民', unitLabel: '甲社区 1号楼 1单元', unitConfirmed: true });
    expect(d.concerns.count).toBe(1);
    expect(d.concerns.items[0]).toMatchObject({ categoryLabel: expect.any(String), excerpt: '三号楼门口路灯坏了好几天了，晚上很黑', statusLabel: expect.any(String) });
    expect(d.topics).toMatchObject({ proposedCount: 1, supportedCount: 1 });
    expect(d.topics.proposed[0].title).toBe('路灯维修');
    expect(d.deliberation.registrationCount).toBe(1);
    expect(d.deliberation.registrations[0]).toMatchObject({ sessionId, statusLabel: '已报名', checkedIn: false });
    expect(d.volunteer).toMatchObject({ statusLabel: '已通过', skills: ['跑腿代办'] });
    expect(d.helpRequests.count).toBe(1);
    expect(d.timebank).toEqual({ balanceMinutes: 0, lines: [] });
    expect(d.notifications.count).toBe(await t.ds.manager.count(NotificationEntity, { where: { userId: me.id } }));
    expect(d.accessLog).toEqual([]);
    // /api/me still masks it: the full number appears only in the owner's data view.
    expect((await http.get('/api/me', await as(me))).body.phoneMasked).not.toBe(me.phone);
  });

  it('exports the same data as a UTF-8 JSON attachment and records the export', async () => {
    const me = area.residentA1;
    await concern(me, '垃圾桶满了');
    const res = await http.get('/api/me/data/export', await as(me));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="linli-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const file = res.body as MyDataResponse;
    expect(file.profile).toMatchObject({ id: me.id, name: '张大姐', phone: me.phone });
    expect(file.concerns.items[0].excerpt).toBe('垃圾桶满了');
    const audit = await t.ds.manager.find(AuditLogEntity, { where: { action: 'account.export', subjectUserId: me.id } });
    expect(audit).toHaveLength(1);
  });

  it('writes staff reads of a resident to the audit log: the street reads them, and so does the resident', async () => {
    const me = area.residentA1;
    const id = await concern(me, '楼上漏水');
    expect((await http.get(`/api/concerns/${id}`, await as(area.workerA1))).status).toBe(200);
    // Reading one's own concern is not a staff read.
    expect((await http.get(`/api/concerns/${id}`, await as(me))).status).toBe(200);
    await approveVolunteers(t.ds, [me], area.communityA, area.streetId);
    expect((await http.get('/api/volunteers', await as(area.staffA))).status).toBe(200);

    const street = await http.get('/api/audit?action=personal_data.read', await as(area.streetAdmin));
    expect(street.status).toBe(200);
    const aboutMe = street.body.items.filter((e: { subject: string }) => e.subject === '张大姐');
    expect(aboutMe.map((e: { actor: string }) => e.actor).sort()).toEqual(['甲社区干部（社区工作人员）', '甲网格员（网格员）']);

    const mine = (await myData(me)).body.accessLog;
    expect(mine).toHaveLength(2);
    expect(mine.every((e) => e.actionLabel === '查看个人信息')).toBe(true);
    expect(mine.find((e) => e.actor.startsWith('甲网格员'))!.detail).toContain(`问题详情 #${id}`);
  });

  it('deletes a resident: identity gone, tokens 401, concerns anonymised but still counted, seats released to the waiting list', async () => {
    const me = await createUser(t.ds, {
      role: 'resident', name: '要注销的孙先生', openid: 'wx-openid-sun', wxSessionKey: 'sk', streetId: area.streetId,
      communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date(),
    });
    const waiting = area.residentA1;
    const token = await as(me);
    const concernId = await concern(me, '孙先生家门口的下水道堵了');
    // Their own words in a timeline: a second concern withdrawn with a note.
    const withdrawnId = await concern(me, '楼下早点摊太吵');
    expect((await http.post(`/api/concerns/${withdrawnId}/withdraw`, { comment: '孙先生自己跟摊主谈妥了' }, token)).status).toBe(200);
    // And they serve as 楼栋长 of their building (name and phone in the register).
    const building = (await t.ds.manager.query('SELECT building_id AS b FROM units WHERE id = ?', [area.unitA1]))[0].b;
    await t.ds.manager.insert(AreaLeaderEntity, {
      level: 'building', areaId: Number(building), streetId: area.streetId, communityId: area.communityA, name: '孙先生', phone: '13900002222',
      userId: me.id, assignedBy: area.staffA.id, updatedAt: new Date(),
    });
    const before = (await http.get('/api/figures/concerns', await as(area.staffA))).body.received;
    const sessionId = await createSessionVia(http, t.ds, await as(area.staffA), 1);
    expect((await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, token)).body.status).toBe('confirmed');
    expect((await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(waiting))).body.status).toBe('waitlisted');
    await approveVolunteers(t.ds, [me], area.communityA, area.streetId);
    const wishRes = await http.post('/api/help-requests', wish(), await as(me));
    expect(wishRes.status).toBe(201);
    // And, as a volunteer, they hold a seat on a neighbour's wish (接单).
    const neighbourWish = await http.post('/api/help-requests', wish(), await as(waiting));
    expect((await http.post(`/api/help-requests/${neighbourWish.body.id}/claim`, {}, token)).status).toBe(200);

    expect((await del(me, { confirm: '好' })).status).toBe(400);
    const res = await del(me);
    expect(res.status).toBe(200);
    expect(res.body.deleted).toBe(true);

    const row = await t.ds.manager.findOneByOrFail(UserEntity, { id: me.id });
    expect(row).toMatchObject({ name: DELETED_NAME, phone: null, openid: null, wxSessionKey: null, unitId: null, communityId: null, unitConfirmed: false });
    expect(row.deletedAt).not.toBeNull();
    expect((await http.get('/api/me', token)).status).toBe(401);

    const c = await t.ds.manager.findOneByOrFail(ConcernEntity, { id: concernId });
    expect(c).toMatchObject({ text: DELETED_CONCERN_TEXT, category: 'facilities', communityId: area.communityA, submitterId: me.id });
    expect((await http.get('/api/figures/concerns', await as(area.staffA))).body.received).toBe(before);
    expect((await http.get(`/api/concerns/${concernId}`, await as(area.workerA1))).body.submitterName).toBe(DELETED_NAME);
    const notes = (await t.ds.manager.find(ConcernEventEntity, { where: { actorId: me.id } })).map((e) => e.note);
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.every((n) => n === null)).toBe(true);
    expect(await t.ds.manager.count(AreaLeaderEntity, { where: { userId: me.id } })).toBe(0);

    expect((await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { sessionId, userId: me.id })).status).toBe('cancelled');
    expect((await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { sessionId, userId: waiting.id })).status).toBe('confirmed');
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: waiting.id, type: 'deliberation.promoted' } })).toBe(1);
    expect((await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: wishRes.body.id })).status).toBe('cancelled');
    expect(await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: neighbourWish.body.id })).toMatchObject({ status: 'open', takenCount: 0 });
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: waiting.id, type: 'help.withdrawn' } })).toBe(1);
    expect((await t.ds.manager.findOneByOrFail(VolunteerEntity, { userId: me.id })).status).toBe('declined');
    expect(await t.ds.manager.count(NotificationEntity, { where: { userId: me.id } })).toBe(0);

    const audit = await http.get('/api/audit?action=account.delete', await as(area.streetAdmin));
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ subject: DELETED_NAME, actionLabel: '注销账号' });
    expect(audit.body.items[0].detail).toContain('取消议事报名 1 个');
    expect(audit.body.items[0].detail).toContain('退出微心愿 1 个');
  });

  it('refuses to delete staff (their role must be revoked first)', async () => {
    const res = await del(area.workerA1);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ACCOUNT_HAS_ROLE');
    expect((await t.ds.manager.findOneByOrFail(UserEntity, { id: area.workerA1.id })).deletedAt).toBeNull();
    expect((await http.get('/api/me', await as(area.workerA1))).status).toBe(200);
  });
});

describe.each(DIALECTS)('a deleted account and WeChat login on %s', (dialect) => {
  const fake = new FakeWechat();
  let t: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    await fake.start();
    t = await startTestApp(await ownConfig(dialect, 'privacywx', {
      WECHAT_APPID: 'wx1234567890abcdef', WECHAT_SECRET: 'fake-wechat-secret-42', WECHAT_API_BASE_URL: fake.baseUrl,
    }));
    http = api(t.app);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  it('starts a fresh account when the same WeChat user logs in after deleting theirs', async () => {
    fake.session('code-1', 'oUser_deleted_0001', 'SK_1').session('code-2', 'oUser_deleted_0001', 'SK_2');
    const first = await http.post('/api/auth/wechat', { code: 'code-1' });
    expect(first.status).toBe(200);
    const oldId = first.body.user.id as number;
    expect((await http.call('DELETE', '/api/me', { token: first.body.token, body: { confirm: '注销' } })).status).toBe(200);
    expect((await http.get('/api/me', first.body.token)).status).toBe(401);

    const again = await http.post('/api/auth/wechat', { code: 'code-2' });
    expect(again.status).toBe(200);
    expect(again.body.user.id).not.toBe(oldId);
    const me = await http.get('/api/me', again.body.token);
    expect(me.body).toMatchObject({ id: again.body.user.id, role: 'resident', unit: null });
    expect((await t.ds.manager.findOneByOrFail(UserEntity, { id: oldId })).openid).toBeNull();
  });
});
