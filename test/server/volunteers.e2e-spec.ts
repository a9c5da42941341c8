import { DIALECTS, type TestApp } from './support/test-app';
import type { api } from './support/http';
import { startTwoApps } from './support/two-apps';
import { freshArea } from './support/deliberation-fixtures';
import { approvedVolunteers, wish } from './support/volunteer-fixtures';
import type { TestArea } from '../factories/org.factory';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { HelpRequestAssignmentEntity, HelpRequestEntity, HelpRequestEventEntity, VolunteerTeamEntity } from '../../server/src/modules/volunteers/volunteers.entities';
import { HelpRequestsJobs } from '../../server/src/modules/volunteers/help-requests.jobs';
import { slotOf } from '../../server/src/modules/volunteers/help-request-lifecycle';
import { TimebankService } from '../../server/src/modules/timebank/timebank.service';

describe.each(DIALECTS)('volunteers and help requests on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;
  const as = (u: { id: number }) => http.as(u);
  const notes = (userId: number, type: string) => t.ds.manager.find(NotificationEntity, { where: { userId, type } });
  const balance = (communityId: number, userId: number) => t.app.get(TimebankService).balanceMinutes(t.ds.manager, communityId, userId);

  beforeAll(async () => {
    ({ a: t, httpA: http, stop } = await startTwoApps(dialect, 'volunteers'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(t.ds, http);
  });

  const post = async (who: { id: number }, body = wish(), key?: string) => {
    const res = await http.post('/api/help-requests', body, await as(who), key ? { 'idempotency-key': key } : undefined);
    if (res.status !== 201) throw new Error(`post -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; version: number };
  };
  const act = async (who: { id: number } | { token: string }, id: number, action: string, body: unknown = {}) =>
    http.post(`/api/help-requests/${id}/${action}`, body, 'token' in who ? who.token : await as(who));

  describe('applying to volunteer', () => {
    it('a resident applies with teams, skills and times; staff approve; the applicant is told and can enter the hall', async () => {
      const team = Number((await t.ds.manager.insert(VolunteerTeamEntity, { streetId: area.streetId, communityId: area.communityA, level: 'community', name: '守望相助情暖夕阳', leaderUserId: null, createdAt: new Date() })).identifiers[0].id);
      const teams = await http.get('/api/volunteers/teams', await as(area.residentA1));
      expect(teams.body.items.map((x: any) => x.name)).toEqual(['守望相助情暖夕阳']);
      const applied = await http.post('/api/volunteers/apply', { teamIds: [team], skills: ['digital_help', 'companionship'], availability: ['weekend_morning'], intro: '退休教师' }, await as(area.residentA1));
      expect(applied.status).toBe(201);
      expect(applied.body).toMatchObject({ status: 'applied', skills: ['digital_help', 'companionship'], availability: ['weekend_morning'], teams: [{ id: team, name: '守望相助情暖夕阳' }] });
      expect(await notes(area.staffA.id, 'volunteer.applied')).toHaveLength(1);
      const again = await http.post('/api/volunteers/apply', { skills: ['errands'], availability: ['weekend_morning'] }, await as(area.residentA1));
      expect(again).toMatchObject({ status: 409, body: { code: 'VOLUNTEER_ALREADY_APPLIED' } });
      const hallBefore = await http.get('/api/help-requests/hall', await as(area.residentA1));
      expect(hallBefore).toMatchObject({ status: 403, body: { code: 'VOLUNTEER_NOT_APPROVED' } });
      // Staff of another community do not see the application.
      expect((await http.post(`/api/volunteers/${applied.body.id}/approve`, {}, await as(area.staffB))).status).toBe(404);
      const approved = await http.post(`/api/volunteers/${applied.body.id}/approve`, {}, await as(area.staffA));
      expect(approved.body).toMatchObject({ status: 'approved', statusLabel: '已通过' });
      expect(await notes(area.residentA1.id, 'volunteer.approved')).toHaveLength(1);
      expect((await http.post(`/api/volunteers/${applied.body.id}/decline`, { reason: '晚了' }, await as(area.staffA))).body.code).toBe('VOLUNTEER_STATE_CONFLICT');
      expect((await http.get('/api/help-requests/hall', await as(area.residentA1))).status).toBe(200);
      expect((await http.get('/api/volunteers/teams', await as(area.residentA1))).body.items[0].memberCount).toBe(1);
    });

    it('a declined applicant is told the reason and may apply again; a team of another community is refused', async () => {
      const other = Number((await t.ds.manager.insert(VolunteerTeamEntity, { streetId: area.streetId, communityId: area.communityB, level: 'community', name: '银龄先锋在行动', leaderUserId: null, createdAt: new Date() })).identifiers[0].id);
      const bad = await http.post('/api/volunteers/apply', { teamIds: [other], skills: ['errands'], availability: ['weekday_evening'] }, await as(area.residentA1));
      expect(bad).toMatchObject({ status: 422, body: { code: 'VOLUNTEER_TEAM_INVALID' } });
      const applied = await http.post('/api/volunteers/apply', { skills: ['errands'], availability: ['weekday_evening'] }, await as(area.residentA1));
      expect((await http.post(`/api/volunteers/${applied.body.id}/decline`, {}, await as(area.staffA))).body.code).toBe('VALIDATION_FAILED');
      const declined = await http.post(`/api/volunteers/${applied.body.id}/decline`, { reason: '请先参加培训' }, await as(area.staffA));
      expect(declined.body).toMatchObject({ status: 'declined', declineReason: '请先参加培训' });
      const [note] = await notes(area.residentA1.id, 'volunteer.declined');
      expect(note.body).toContain('请先参加培训');
      const again = await http.post('/api/volunteers/apply', { skills: ['errands', 'tutoring'], availability: ['weekday_evening'] }, await as(area.residentA1));
      expect(again.body).toMatchObject({ status: 'applied', declineReason: null, skills: ['errands', 'tutoring'] });
      expect((await http.get('/api/volunteers?status=applied', await as(area.staffA))).body.items.map((v: any) => v.userId)).toEqual([area.residentA1.id]);
    });
  });

  describe('posting', () => {
    it('a resident posts a request at their unit; a retried submission with the same key makes one record; staff are told', async () => {
      const body = wish(2, 4, { volunteersNeeded: 2 });
      const first = await http.post('/api/help-requests', body, await as(area.residentA1), { 'idempotency-key': 'wish-key-0001' });
      const retry = await http.post('/api/help-requests', body, await as(area.residentA1), { 'idempotency-key': 'wish-key-0001' });
      expect(first.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
      expect(first.body).toMatchObject({ status: 'open', volunteersNeeded: 2, takenCount: 0, placeLabel: '甲社区 1号楼 1单元', requesterName: '张大姐', proxyFor: null, actions: ['cancel'] });
      expect(await t.ds.manager.count(HelpRequestEntity)).toBe(1);
      expect(await notes(area.staffA.id, 'help.posted')).toHaveLength(1);
      const bad = await http.post('/api/help-requests', wish(4, 2), await as(area.residentA1));
      expect(bad).toMatchObject({ status: 422, body: { code: 'HELP_REQUEST_WINDOW_INVALID' } });
      expect((await http.post('/api/help-requests', wish(2, 4, { volunteersNeeded: 6 }), await as(area.residentA1))).body.code).toBe('VALIDATION_FAILED');
    });

    it('a grid worker posts for a resident of their grid (代办), not for another grid', async () => {
      const res = await http.post('/api/help-requests/proxy', { ...wish(), unitId: area.unitA1b, residentName: '陈文信' }, await as(area.workerA1));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ proxyFor: '陈文信', requesterName: '陈文信', placeLabel: '甲社区 1号楼 2单元' });
      const other = await http.post('/api/help-requests/proxy', { ...wish(), unitId: area.unitB1, residentName: '王阿姨' }, await as(area.workerA1));
      expect(other).toMatchObject({ status: 404, body: { code: 'UNIT_NOT_FOUND' } });
      const [ev] = await t.ds.manager.find(HelpRequestEventEntity, { where: { requestId: res.body.id } });
      expect(ev).toMatchObject({ type: 'posted', actorId: area.workerA1.id, note: '网格员代办，居民：陈文信' });
    });
  });

  describe('dispatch (派单)', () => {
    it('suggests matching volunteers free at that time first, then the fewest recent tasks; the dispatched volunteer declines and the request reopens, the next accepts', async () => {
      const r = await post(area.residentA1, wish(26, 28));
      const slot = slotOf(new Date((await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: r.id })).windowFrom));
      const otherSlot = slot.startsWith('weekday') ? 'weekend_evening' : 'weekday_evening';
      const [busy] = await approvedVolunteers(t, area, 1, { availability: [slot] });
      const [fresh] = await approvedVolunteers(t, area, 1, { availability: [slot] });
      const [offTime] = await approvedVolunteers(t, area, 1, { availability: [otherSlot] });
      await approvedVolunteers(t, area, 1, { skills: ['small_repairs'], availability: [slot] });
      const now = new Date();
      for (const requestId of [9001, 9002]) {
        await t.ds.manager.insert(HelpRequestAssignmentEntity, { requestId, volunteerId: busy.id, communityId: area.communityA, status: 'accepted', via: 'claim', dispatchedBy: null, createdAt: now, updatedAt: now });
      }
      const sug = await http.get(`/api/help-requests/${r.id}/suggestions`, await as(area.staffA));
      expect(sug.body.items.map((s: any) => [s.userId, s.matchesTime, s.recentTasks])).toEqual([[fresh.id, true, 0], [busy.id, true, 2], [offTime.id, false, 0]]);
      expect((await http.get(`/api/help-requests/${r.id}/suggestions`, await as(area.staffB))).status).toBe(404);

      const sent = await act(area.staffA, r.id, 'dispatch', { volunteerUserId: fresh.id });
      expect(sent.body).toMatchObject({ status: 'filled', takenCount: 1, volunteers: [{ userId: fresh.id, status: 'dispatched' }] });
      expect(await notes(fresh.id, 'help.dispatched')).toHaveLength(1);
      const declined = await act(fresh, r.id, 'decline', { note: '那天不在家' });
      expect(declined.body).toMatchObject({ status: 'open', takenCount: 0, volunteers: [], mySeat: 'declined' });
      expect(await notes(area.staffA.id, 'help.declined')).toHaveLength(1);
      expect((await act(area.staffA, r.id, 'dispatch', { volunteerUserId: fresh.id })).body.code).toBe('ALREADY_ON_REQUEST');
      await act(area.staffA, r.id, 'dispatch', { volunteerUserId: busy.id });
      const accepted = await act(busy, r.id, 'accept');
      expect(accepted.body).toMatchObject({ status: 'filled', mySeat: 'accepted', actions: ['withdraw', 'done'] });
      expect((await act(busy, r.id, 'accept')).status).toBe(409);
      const detail = await http.get(`/api/help-requests/${r.id}`, await as(area.residentA1));
      expect(detail.body.events.map((e: any) => e.type)).toEqual(['posted', 'dispatched', 'declined', 'dispatched', 'accepted']);
    });
  });

  describe('claim, withdraw, done and confirm', () => {
    it('a volunteer claims; a full request answers REQUEST_TAKEN; a withdrawal due within 24 h reopens it and alerts team and staff', async () => {
      const team = Number((await t.ds.manager.insert(VolunteerTeamEntity, { streetId: area.streetId, communityId: area.communityA, level: 'community', name: '守望相助情暖夕阳', leaderUserId: null, createdAt: new Date() })).identifiers[0].id);
      const [v1, v2, mate] = await approvedVolunteers(t, area, 3);
      for (const v of [v1, mate]) await t.ds.manager.query(`INSERT INTO volunteer_team_members (team_id, user_id, created_at) VALUES (?, ?, ?)`, [team, v.id, t.db.dateParam(new Date())]);
      const r = await post(area.residentA1, wish(3, 5));
      const hall = await http.get('/api/help-requests/hall', v1.token);
      expect(hall.body.items.map((i: any) => [i.id, i.actions])).toEqual([[r.id, ['claim']]]);
      expect((await act(v1, r.id, 'claim')).body).toMatchObject({ status: 'filled', mySeat: 'accepted' });
      expect((await act(v2, r.id, 'claim'))).toMatchObject({ status: 409, body: { code: 'REQUEST_TAKEN' } });
      expect((await act(area.residentA1, r.id, 'claim')).body.code).toBe('VOLUNTEER_NOT_APPROVED');
      const left = await act(v1, r.id, 'withdraw', { note: '临时有事' });
      expect(left.body).toMatchObject({ status: 'open', takenCount: 0, mySeat: 'withdrawn' });
      expect(await notes(area.staffA.id, 'help.drop_out')).toHaveLength(1);
      expect(await notes(mate.id, 'help.drop_out_team')).toHaveLength(1);
      expect(await notes(v2.id, 'help.drop_out_team')).toHaveLength(0);
      expect((await act(v1, r.id, 'claim')).body.code).toBe('ALREADY_ON_REQUEST');
      expect((await act(v2, r.id, 'claim')).status).toBe(200);
    });

    it('a withdrawal days ahead reopens the request without alerting staff', async () => {
      const [v1] = await approvedVolunteers(t, area, 1);
      const r = await post(area.residentA1, wish(72, 74));
      await act(v1, r.id, 'claim');
      expect((await act(v1, r.id, 'withdraw')).body.status).toBe('open');
      expect(await notes(area.staffA.id, 'help.drop_out')).toHaveLength(0);
      expect(await notes(area.residentA1.id, 'help.withdrawn')).toHaveLength(1);
    });

    it('the volunteer marks it done, the requester confirms and rates, and the hours (window, max 4 h) are credited once', async () => {
      const [v1, v2] = await approvedVolunteers(t, area, 2);
      const r = await post(area.residentA1, wish(1, 2.5, { volunteersNeeded: 2 }));
      await act(v1, r.id, 'claim');
      expect((await act(area.residentA1, r.id, 'confirm', { rating: 5 })).body.code).toBe('HELP_REQUEST_ILLEGAL_TRANSITION');
      expect((await act(v2, r.id, 'done')).body.code).toBe('NOT_ON_REQUEST');
      await act(v2, r.id, 'claim');
      const done = await act(v1, r.id, 'done', { note: '教会了，步骤写在纸上' });
      expect(done.body).toMatchObject({ status: 'done' });
      expect(await notes(area.residentA1.id, 'help.done')).toHaveLength(1);
      expect((await act(area.residentA1, r.id, 'confirm', { rating: 6 })).body.code).toBe('VALIDATION_FAILED');
      const ok = await act(area.residentA1, r.id, 'confirm', { rating: 5, comment: '学会了视频通话' });
      expect(ok.body).toMatchObject({ status: 'confirmed', rating: 5, ratingComment: '学会了视频通话', creditedMinutes: 90, actions: [] });
      expect(await balance(area.communityA, v1.id)).toBe(90);
      expect(await balance(area.communityA, v2.id)).toBe(90);
      expect((await act(area.residentA1, r.id, 'confirm', { rating: 5 })).body.code).toBe('HELP_REQUEST_ILLEGAL_TRANSITION');
      expect((await act(area.residentA1, r.id, 'cancel')).body.code).toBe('HELP_REQUEST_ILLEGAL_TRANSITION');
    });

    it('the claim and confirm answers are the request exactly as a fresh read shows it to the same caller', async () => {
      const [v1, v2] = await approvedVolunteers(t, area, 2);
      const r = await post(area.residentA1, wish(1, 2.5, { volunteersNeeded: 2 }));
      const fresh = async (who: { id: number } | { token: string }) => (await http.get(`/api/help-requests/${r.id}`, 'token' in who ? who.token : await as(who))).body;
      const first = await act(v1, r.id, 'claim');
      expect(first.body).toMatchObject({ status: 'open', takenCount: 1, version: 2, mySeat: 'accepted', actions: ['withdraw', 'done'] });
      expect(first.body).toEqual(await fresh(v1));
      const second = await act(v2, r.id, 'claim');
      expect(second.body).toMatchObject({ status: 'filled', takenCount: 2, version: 3, volunteers: [{ userId: v1.id }, { userId: v2.id }] });
      expect(second.body.events.map((e: any) => [e.type, e.toStatus])).toEqual([['posted', 'open'], ['claimed', 'open'], ['claimed', 'filled']]);
      expect(second.body).toEqual(await fresh(v2));
      const done = await act(v1, r.id, 'done');
      const ok = await act(area.residentA1, r.id, 'confirm', { rating: 4, comment: '谢谢', version: done.body.version });
      expect(ok.body).toMatchObject({ status: 'confirmed', version: done.body.version + 1, creditedMinutes: 90, actions: [] });
      expect(ok.body).toEqual(await fresh(area.residentA1));

      const proxied = (await http.post('/api/help-requests/proxy', { ...wish(1, 3), unitId: area.unitA1b, residentName: '陈文信' }, await as(area.workerA1))).body.id as number;
      await act(v1, proxied, 'claim');
      await act(v1, proxied, 'done');
      const onBehalf = await act(area.workerA1, proxied, 'confirm-on-behalf', { minutes: 75 });
      expect(onBehalf.body).toMatchObject({ status: 'confirmed', requesterName: '陈文信', creditedMinutes: 75, rating: null });
      expect(onBehalf.body).toEqual((await http.get(`/api/help-requests/${proxied}`, await as(area.workerA1))).body);
    });

    it('staff confirm for a proxy requester with their own figure; the requester cannot cancel what is done', async () => {
      const [v1] = await approvedVolunteers(t, area, 1);
      const res = await http.post('/api/help-requests/proxy', { ...wish(1, 9), unitId: area.unitA1b, residentName: '陈文信' }, await as(area.workerA1));
      const id = res.body.id;
      await act(v1, id, 'claim');
      await act(v1, id, 'done');
      expect((await act(area.workerA1, id, 'cancel')).body.code).toBe('HELP_REQUEST_ILLEGAL_TRANSITION');
      expect((await act(area.staffB, id, 'confirm-on-behalf', {})).status).toBe(404);
      const ok = await act(area.workerA1, id, 'confirm-on-behalf', { minutes: 60, rating: 4 });
      expect(ok.body).toMatchObject({ status: 'confirmed', creditedMinutes: 60, rating: 4 });
      expect(await balance(area.communityA, v1.id)).toBe(60);
    });

    it('the requester cancels; seated volunteers are told', async () => {
      const [v1] = await approvedVolunteers(t, area, 1);
      const r = await post(area.residentA1, wish(5, 6));
      await act(v1, r.id, 'claim');
      const res = await act(area.residentA1, r.id, 'cancel', { note: '孩子回来了' });
      expect(res.body).toMatchObject({ status: 'cancelled', volunteers: [] });
      expect(await notes(v1.id, 'help.cancelled')).toHaveLength(1);
      expect((await act(v1, r.id, 'withdraw')).status).toBe(409);
    });
  });

  describe('lists', () => {
    it('staff see the board of their own area only; the requester sees hers under mine, the volunteer his under tasks', async () => {
      const [v1] = await approvedVolunteers(t, area, 1);
      const a1 = await post(area.residentA1);
      const proxied = (await http.post('/api/help-requests/proxy', { ...wish(), unitId: area.unitA1b, residentName: '陈文信' }, await as(area.workerA1))).body.id as number;
      const b1 = (await http.post('/api/help-requests', wish(), await as(area.residentB1))).body.id as number;
      await act(v1, a1.id, 'claim');
      const ids = async (path: string, who: { id: number } | { token: string }) =>
        (await http.get(path, 'token' in who ? who.token : await as(who))).body.items.map((i: any) => i.id);
      expect(await ids('/api/help-requests/board', area.workerA1)).toEqual([proxied, a1.id]);
      expect(await ids('/api/help-requests/board', area.staffA)).toEqual([proxied, a1.id]);
      expect(await ids('/api/help-requests/board', area.workerB1)).toEqual([b1]);
      expect(await ids('/api/help-requests/board', area.streetAdmin)).toEqual([b1, proxied, a1.id]);
      expect(await ids('/api/help-requests/mine', area.residentA1)).toEqual([a1.id]);
      expect(await ids('/api/help-requests/mine', area.workerA1)).toEqual([proxied]);
      expect(await ids('/api/help-requests/tasks', v1)).toEqual([a1.id]);
      const board = await http.get('/api/help-requests/board', await as(area.staffA));
      expect(board.body.items.find((i: any) => i.id === proxied).actions).toEqual(['dispatch']);
    });
  });

  describe('expiry job', () => {
    it('expires an unclaimed request whose window passed and tells requester and staff; a claimed one stays', async () => {
      const [v1] = await approvedVolunteers(t, area, 1);
      const lonely = await post(area.residentA1, wish(1, 2));
      const taken = await post(area.residentA1, wish(1, 2));
      await act(v1, taken.id, 'claim');
      const out = await t.app.get(HelpRequestsJobs).expire(new Date(Date.now() + 3 * 3600_000));
      expect(out).toBe('expired 1');
      expect((await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: lonely.id })).status).toBe('expired');
      expect((await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: taken.id })).status).toBe('filled');
      expect(await notes(area.residentA1.id, 'help.expired')).toHaveLength(1);
      expect(await notes(area.staffA.id, 'help.expired')).toHaveLength(1);
      expect(await t.app.get(HelpRequestsJobs).expire(new Date(Date.now() + 3 * 3600_000))).toBe('expired 0');
    });
  });
});
