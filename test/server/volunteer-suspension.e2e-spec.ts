import { DIALECTS } from './support/test-app';
import { twoAppsWithFreshArea } from './support/area-suite';
import { holdRows, lockWaits } from './support/lock-waits';
import { approvedVolunteers, inHours, wish } from './support/volunteer-fixtures';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { HelpRequestAssignmentEntity, HelpRequestEntity, HelpRequestEventEntity, VolunteerEntity } from '../../server/src/modules/volunteers/volunteers.entities';
import { TeamActivityEntity, TeamActivitySignupEntity } from '../../server/src/modules/timebank/timebank.entities';
import { TimebankService } from '../../server/src/modules/timebank/timebank.service';

/** 暂停 / 恢复 a 小红帽 volunteer: who may, what the volunteer is told, and what a suspended volunteer can no longer do. */
describe.each(DIALECTS)('suspending and reinstating volunteers on %s', (dialect) => {
  const { t, http, httpB, area } = twoAppsWithFreshArea(dialect, 'volsuspend');
  const as = (u: { id: number }) => http.as(u);
  const notes = (userId: number, type: string) => t.ds.manager.find(NotificationEntity, { where: { userId, type } });
  const rowOf = (userId: number) => t.ds.manager.findOneByOrFail(VolunteerEntity, { userId });

  const post = async (body = wish()) => {
    const res = await http.post('/api/help-requests', body, await as(area.residentA1));
    if (res.status !== 201) throw new Error(`post -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number };
  };
  const act = async (who: { id: number }, id: number, action: string, body: unknown = {}) => http.post(`/api/help-requests/${id}/${action}`, body, await as(who));
  const suspend = async (volunteerId: number, reason: string, who: { id: number } = area.staffA) =>
    http.post(`/api/volunteers/${volunteerId}/suspend`, { reason }, await as(who));

  it('staff suspend an approved volunteer with a reason the volunteer is told; a street admin reinstates; each step is in the history', async () => {
    const [v] = await approvedVolunteers(t, area, 1);
    const row = await rowOf(v.id);
    expect((await http.post(`/api/volunteers/${row.id}/suspend`, {}, await as(area.staffA))).body.code).toBe('VALIDATION_FAILED');
    expect(await suspend(row.id, '多次爽约', area.staffB)).toMatchObject({ status: 404, body: { code: 'VOLUNTEER_NOT_FOUND' } });
    expect((await suspend(row.id, '多次爽约', area.residentA1)).status).toBe(403);
    expect((await suspend(row.id, '多次爽约', area.workerA1)).status).toBe(403);
    expect((await rowOf(v.id)).status).toBe('approved');

    const res = await suspend(row.id, '多次爽约');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'suspended', statusLabel: '已暂停', suspendReason: '多次爽约', version: row.version + 1 });
    const [note] = await notes(v.id, 'volunteer.suspended');
    expect(note.title).toBe('您的志愿服务已暂停');
    expect(note.body).toContain('原因：多次爽约');
    expect(note.body).toContain('已经接下的任务请照常完成');
    expect((await http.get('/api/volunteers/me', v.token)).body).toMatchObject({ status: 'suspended', suspendReason: '多次爽约' });
    expect((await http.get('/api/volunteers?status=suspended', await as(area.staffA))).body.items.map((x: { userId: number }) => x.userId)).toEqual([v.id]);

    const again = await suspend(row.id, '又一次');
    expect(again).toMatchObject({ status: 409, body: { code: 'VOLUNTEER_ILLEGAL_TRANSITION', status: 'suspended' } });
    expect(again.body.message).toBe('这位志愿者现在是“已暂停”，不能暂停');

    expect((await http.post(`/api/volunteers/${row.id}/reinstate`, {}, await as(area.staffB))).status).toBe(404);
    const back = await http.post(`/api/volunteers/${row.id}/reinstate`, { note: '已谈话' }, await as(area.streetAdmin));
    expect(back.body).toMatchObject({ status: 'approved', suspendReason: null });
    expect((await notes(v.id, 'volunteer.reinstated'))[0].body).toContain('可以继续接单、报名活动了');
    expect((await http.post(`/api/volunteers/${row.id}/reinstate`, {}, await as(area.staffA))).body.code).toBe('VOLUNTEER_ILLEGAL_TRANSITION');

    const history = await http.get(`/api/volunteers/${row.id}/history`, await as(area.staffA));
    expect(history.body.items.map((e: any) => [e.type, e.typeLabel, e.fromStatus, e.toStatus, e.actorName, e.note])).toEqual([
      ['suspended', '暂停服务', 'approved', 'suspended', '甲社区干部', '多次爽约'],
      ['reinstated', '恢复服务', 'suspended', 'approved', '街道管理员', '已谈话'],
    ]);
    expect((await http.get(`/api/volunteers/${row.id}/history`, await as(area.staffB))).status).toBe(404);
  });

  it('refuses to suspend an applicant (409 with the status) and a stale version (409 VOLUNTEER_STATE_CONFLICT)', async () => {
    const applied = await http.post('/api/volunteers/apply', { skills: ['errands'], availability: ['weekday_evening'] }, await as(area.residentA1));
    const res = await suspend(applied.body.id, '测试原因');
    expect(res).toMatchObject({ status: 409, body: { code: 'VOLUNTEER_ILLEGAL_TRANSITION', status: 'applied' } });
    const [v] = await approvedVolunteers(t, area, 1);
    const row = await rowOf(v.id);
    const stale = await http.post(`/api/volunteers/${row.id}/suspend`, { reason: '多次爽约', version: row.version - 1 }, await as(area.staffA));
    expect(stale).toMatchObject({ status: 409, body: { code: 'VOLUNTEER_STATE_CONFLICT' } });
    // The application and approval are in the history too.
    await http.post(`/api/volunteers/${applied.body.id}/approve`, {}, await as(area.staffA));
    const history = await http.get(`/api/volunteers/${applied.body.id}/history`, await as(area.staffA));
    expect(history.body.items.map((e: any) => e.type)).toEqual(['applied', 'approved']);
  });

  it('a suspended volunteer cannot claim, be dispatched, accept a dispatch, enter the hall or sign up; the task in hand stays theirs and is credited', async () => {
    const [v, w] = await approvedVolunteers(t, area, 2);
    const held = await post(wish(2, 4));
    const dispatched = await post(wish(5, 6));
    const open = await post(wish(7, 8));
    expect((await act(v, held.id, 'claim')).status).toBe(200);
    expect((await act(area.workerA1, dispatched.id, 'dispatch', { volunteerUserId: v.id })).body).toMatchObject({ status: 'filled' });
    const activity = await http.post('/api/timebank/activities', {
      title: '楼道清理', place: '3 号楼下', startsAt: inHours(24), endsAt: inHours(26), slots: 5, creditMinutes: 120,
    }, await as(area.staffA));
    expect(activity.status).toBe(201);
    const row = await rowOf(v.id);
    const before = (await http.get('/api/volunteers?status=approved', await as(area.staffA))).body.items.find((x: { userId: number }) => x.userId === v.id);
    expect(before).toMatchObject({ tasksInHand: 1, pendingDispatches: 1 });

    const res = await suspend(row.id, '家中有事，暂停一段时间');
    expect(res.body).toMatchObject({ status: 'suspended', tasksInHand: 1, pendingDispatches: 0 });
    // The dispatch not yet accepted is taken back: the request reopens and whoever dispatched it is told.
    const seat = await t.ds.manager.findOneByOrFail(HelpRequestAssignmentEntity, { requestId: dispatched.id, volunteerId: v.id });
    expect(seat.status).toBe('released');
    const reopened = await http.get(`/api/help-requests/${dispatched.id}`, await as(area.staffA));
    expect(reopened.body).toMatchObject({ status: 'open', takenCount: 0, volunteers: [] });
    const [ev] = await t.ds.manager.find(HelpRequestEventEntity, { where: { requestId: dispatched.id, type: 'released' } });
    expect(ev).toMatchObject({ actorId: area.staffA.id, fromStatus: 'filled', toStatus: 'open' });
    expect(ev.note).toContain('志愿服务已暂停，派单已收回，请重新派单');
    expect(await notes(area.workerA1.id, 'help.released')).toHaveLength(1);

    // Tapping 接受 on the old notice: told why (the dispatch was taken back because of the suspension), not "illegal step".
    const accepted = await act(v, dispatched.id, 'accept');
    expect(accepted).toMatchObject({ status: 403, body: { code: 'VOLUNTEER_NOT_APPROVED' } });
    expect(accepted.body.message).toContain('派单已收回');
    expect(await act(v, open.id, 'claim')).toMatchObject({ status: 403, body: { code: 'VOLUNTEER_NOT_APPROVED' } });
    expect(await act(area.staffA, open.id, 'dispatch', { volunteerUserId: v.id })).toMatchObject({ status: 422, body: { code: 'VOLUNTEER_NOT_APPROVED' } });
    const suggested = await http.get(`/api/help-requests/${open.id}/suggestions`, await as(area.staffA));
    expect(suggested.body.items.map((s: { userId: number }) => s.userId)).toEqual([w.id]);
    expect((await http.get('/api/help-requests/hall', v.token)).body.code).toBe('VOLUNTEER_NOT_APPROVED');
    expect(await http.post(`/api/timebank/activities/${activity.body.id}/sign-up`, {}, v.token)).toMatchObject({ status: 403, body: { code: 'TIMEBANK_NOT_VOLUNTEER' } });

    // The task already accepted: still theirs to finish, credited on confirmation.
    expect((await http.get('/api/help-requests/tasks', v.token)).body.items.find((i: { id: number }) => i.id === held.id)).toMatchObject({ mySeat: 'accepted', actions: ['withdraw', 'done'] });
    expect((await act(v, held.id, 'done')).body.status).toBe('done');
    expect((await act(area.residentA1, held.id, 'confirm', { rating: 5 })).body).toMatchObject({ status: 'confirmed', creditedMinutes: 120 });
    expect(await t.app.get(TimebankService).balanceMinutes(t.ds.manager, area.communityA, v.id)).toBe(120);

    // Reinstated, they may claim again.
    await http.post(`/api/volunteers/${row.id}/reinstate`, {}, await as(area.staffA));
    expect((await act(v, open.id, 'claim')).body).toMatchObject({ status: 'filled', mySeat: 'accepted' });
  });

  it('the volunteer declining a dispatch while it is being taken back: no deadlock, the seat is given back once', async () => {
    const [v] = await approvedVolunteers(t, area, 1);
    const r = await post();
    expect((await act(area.workerA1, r.id, 'dispatch', { volunteerUserId: v.id })).status).toBe(200);
    const seat = await t.ds.manager.findOneByOrFail(HelpRequestAssignmentEntity, { requestId: r.id, volunteerId: v.id });
    const row = await rowOf(v.id);
    const [token, staffToken] = [await as(v), await as(area.staffA)];
    const suspending = () => http.post(`/api/volunteers/${row.id}/suspend`, { reason: '多次爽约' }, staffToken);
    const declining = () => httpB.post(`/api/help-requests/${r.id}/decline`, {}, token);
    let suspended;
    let declined;
    if (dialect === 'mariadb') {
      // Line them up behind a lock on the seat: the suspension reaches the seat first, then the volunteer's 谢绝
      // (request row, then seat). Taking the seat before the request row, the suspension would deadlock with it.
      const hold = await holdRows(t.ds, `SELECT id FROM help_request_assignments WHERE id = ? FOR UPDATE`, [seat.id]);
      const s = suspending();
      await lockWaits(t.ds, 1);
      const d = declining();
      await lockWaits(t.ds, 2);
      await hold.commit();
      [suspended, declined] = await Promise.all([s, d]);
    } else {
      [suspended, declined] = await Promise.all([suspending(), declining()]);
    }
    expect(suspended.status).toBe(200);
    expect([200, 409]).toContain(declined.status);
    expect(await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: r.id })).toMatchObject({ status: 'open', takenCount: 0 });
    const now = await t.ds.manager.findOneByOrFail(HelpRequestAssignmentEntity, { id: seat.id });
    expect(now.status).toBe(declined.status === 200 ? 'declined' : 'released');
    const given = await t.ds.manager.find(HelpRequestEventEntity, { where: [{ requestId: r.id, type: 'declined' }, { requestId: r.id, type: 'released' }] });
    expect(given.map((e) => e.type)).toEqual([now.status]);
  });

  it('a claim racing a suspension: the seat row is written only while the volunteer is approved (403, nothing taken)', async () => {
    const [v] = await approvedVolunteers(t, area, 1);
    const r = await post();
    const row = await rowOf(v.id);
    const token = await as(v);
    let claimed;
    if (dialect === 'mariadb') {
      // The claim reads "approved" before its transaction; hold the volunteer's row so its seat INSERT…SELECT waits,
      // then suspend in that held transaction. The seat's SELECT sees the suspension and writes nothing.
      const hold = await holdRows(t.ds, 'SELECT id FROM volunteers WHERE id = ? FOR UPDATE', [row.id]);
      const claiming = http.post(`/api/help-requests/${r.id}/claim`, {}, token);
      await lockWaits(t.ds, 1);
      await hold.query("UPDATE volunteers SET status = 'suspended' WHERE id = ?", [row.id]);
      await hold.commit();
      claimed = await claiming;
    } else {
      // SQLite runs one writer at a time: the suspension is either wholly before the claim or wholly after.
      await t.ds.query("UPDATE volunteers SET status = 'suspended' WHERE id = ?", [row.id]);
      claimed = await http.post(`/api/help-requests/${r.id}/claim`, {}, token);
    }
    expect(claimed.status).toBe(403);
    expect(claimed.body.code).toBe('VOLUNTEER_NOT_APPROVED');
    expect(await t.ds.manager.findOneByOrFail(HelpRequestEntity, { id: r.id })).toMatchObject({ status: 'open', takenCount: 0 });
    expect(await t.ds.manager.count(HelpRequestAssignmentEntity, { where: { requestId: r.id } })).toBe(0);
  });

  it('suspension cancels the sign-ups for activities not started yet and reopens their slots; an activity under way keeps its sign-up', async () => {
    const [v, w] = await approvedVolunteers(t, area, 2);
    const create = async (title: string) => {
      const res = await http.post('/api/timebank/activities', {
        title, place: '3 号楼下', startsAt: inHours(24), endsAt: inHours(26), slots: 1, creditMinutes: 120,
      }, await as(area.staffA));
      expect(res.status).toBe(201);
      return Number(res.body.id);
    };
    const later = await create('楼道清理');
    const underway = await create('陪老人聊天');
    for (const id of [later, underway]) expect((await http.post(`/api/timebank/activities/${id}/sign-up`, {}, v.token)).status).toBe(201);
    expect(await http.post(`/api/timebank/activities/${later}/sign-up`, {}, w.token)).toMatchObject({ status: 409, body: { code: 'ACTIVITY_FULL' } });
    // The second one has started by now (and v was checked in).
    await t.ds.manager.update(TeamActivityEntity, { id: underway }, { startsAt: new Date(Date.now() - 3600_000) });
    expect((await http.post(`/api/timebank/activities/${underway}/check-in`, { userId: v.id }, await as(area.staffA))).status).toBe(200);
    const row = await rowOf(v.id);
    const listed = (await http.get('/api/volunteers?status=approved', await as(area.staffA))).body.items.find((x: { userId: number }) => x.userId === v.id);
    expect(listed).toMatchObject({ upcomingSignUps: 1 });
    const before = await t.ds.manager.count(NotificationEntity);

    const res = await suspend(row.id, '多次爽约');
    expect(res.body).toMatchObject({ status: 'suspended', upcomingSignUps: 0 });
    const signUp = (activityId: number) => t.ds.manager.findOneByOrFail(TeamActivitySignupEntity, { activityId, userId: v.id });
    expect((await signUp(later)).status).toBe('cancelled');
    expect((await signUp(underway)).status).toBe('signed_up');
    expect(await t.ds.manager.findOneByOrFail(TeamActivityEntity, { id: later })).toMatchObject({ taken: 0 });
    expect(await t.ds.manager.findOneByOrFail(TeamActivityEntity, { id: underway })).toMatchObject({ taken: 1 });
    // Only the volunteer is told, in the one suspension notice; the organiser is not sent a line per sign-up.
    const [note] = await notes(v.id, 'volunteer.suspended');
    expect(note.body).toContain('您报名的 1 个还没开始的活动已取消报名');
    expect(await t.ds.manager.count(NotificationEntity)).toBe(before + 1);
    // They cannot be checked in (or credited) for it; the slot is someone else's to take.
    expect(await http.post(`/api/timebank/activities/${later}/check-in`, { userId: v.id }, await as(area.staffA)))
      .toMatchObject({ status: 404, body: { code: 'ACTIVITY_SIGNUP_NOT_FOUND' } });
    expect((await http.post(`/api/timebank/activities/${later}/sign-up`, {}, w.token)).status).toBe(201);
  });
});
