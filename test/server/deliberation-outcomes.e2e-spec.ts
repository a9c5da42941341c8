import { DIALECTS } from './support/test-app';
import { createUser } from '../factories/org.factory';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationAgendaItemEntity } from '../../server/src/modules/deliberation/deliberation-topics.entities';
import { DeliberationResolutionEntity, DeliberationResolutionEventEntity } from '../../server/src/modules/deliberation/deliberation-outcomes.entities';
import { StreetEntity, CommunityEntity } from '../../server/src/modules/org/org.entities';
import { chinaDayIn, DAY, HOUR, outcomesSuite } from './deliberation-outcomes.fixtures';

describe.each(DIALECTS)('deliberation minutes, resolutions and the board on %s', (dialect) => {
  const { t, http, area, f, as } = outcomesSuite(dialect, 'outcomes');
  const notices = (userId: number, type: string) => t.ds.manager.find(NotificationEntity, { where: { userId, type }, order: { id: 'ASC' } });

  describe('minutes', () => {
    it('are recorded once the session has started, with the attendee count from check-in; once per session', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      const [a, b] = [await f.residentOf(area.communityA, '赵一'), await f.residentOf(area.communityA, '钱二')];
      for (const r of [area.residentA1, a, b]) await f.signUp(r, sessionId);
      const staff = await as(area.staffA);
      const url = `/api/deliberation/sessions/${sessionId}/minutes`;

      const early = await http.post(url, { text: '纪要' }, staff);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('SESSION_NOT_HELD_YET');

      await f.holdSession(sessionId);
      await f.checkIn(sessionId, [area.residentA1, b]);
      expect((await http.post(url, { text: '纪要' }, await as(area.residentA1))).status).toBe(403);
      expect((await http.post(url, { text: '纪要' }, await as(area.staffB))).body.code).toBe('SESSION_NOT_FOUND');
      expect((await http.post(url, { text: '  ' }, staff)).body.code).toBe('VALIDATION_FAILED');
      expect((await http.post(url, { text: '纪要', attendees: 99 }, staff)).body.code).toBe('VALIDATION_FAILED');

      const created = await http.post(url, { text: '讨论了文明养犬，形成七条公约。' }, staff);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        sessionId, text: '讨论了文明养犬，形成七条公约。', attendeeCount: 2, confirmedCount: 3, version: 1,
        recordedBy: { id: area.staffA.id, name: '甲社区干部' }, updatedBy: { id: area.staffA.id },
      });
      const again = await http.post(url, { text: '第二份' }, staff);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('MINUTES_ALREADY_RECORDED');

      // Check-in is live: a late check-in shows in the count.
      await f.checkIn(sessionId, [a]);
      const outcome = await http.get(`/api/deliberation/sessions/${sessionId}/outcome`, await as(area.residentA1));
      expect(outcome.status).toBe(200);
      expect(outcome.body).toMatchObject({ sessionId, minutes: { text: '讨论了文明养犬，形成七条公约。', attendeeCount: 3 }, resolutions: [] });
      expect((await http.get(`/api/deliberation/sessions/${sessionId}/outcome`, await as(area.residentB1))).body.code).toBe('SESSION_NOT_FOUND');
      expect((await http.get(`/api/deliberation/sessions/${sessionId}/outcome`, await as(area.streetAdmin))).status).toBe(200);
    });

    it('are edited with the version last read; a stale version is 409 with the current minutes', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      await f.holdSession(sessionId);
      const staff = await as(area.staffA);
      const url = `/api/deliberation/sessions/${sessionId}/minutes`;
      expect((await http.call('PATCH', url, { body: { text: '无', version: 1 }, token: staff })).body.code).toBe('MINUTES_NOT_FOUND');
      await http.post(url, { text: '初稿' }, staff);
      const edited = await http.call('PATCH', url, { body: { text: '定稿', version: 1 }, token: staff });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: '定稿', version: 2 });
      const stale = await http.call('PATCH', url, { body: { text: '旧稿上改', version: 1 }, token: staff });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'MINUTES_STATE_CONFLICT', current: { text: '定稿', version: 2 } });
    });

    it('are refused for a cancelled session', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      await t.ds.manager.update(DeliberationSessionEntity, { id: sessionId }, { status: 'cancelled', cancelReason: '下雨', startsAt: new Date(Date.now() - HOUR) });
      const res = await http.post(`/api/deliberation/sessions/${sessionId}/minutes`, { text: '纪要' }, await as(area.staffA));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SESSION_CANCELLED');
    });
  });

  describe('resolutions', () => {
    it('are recorded per agenda item; the item says how it is carried out; bad agenda item or owner is 422', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      const { topicId, agendaItemId } = await f.topicOnAgenda(area.residentA1, sessionId, '文明养犬');
      await f.holdSession(sessionId);
      const staff = await as(area.staffA);
      const url = `/api/deliberation/sessions/${sessionId}/resolutions`;
      const due = chinaDayIn(14);

      const first = await http.post(url, { text: '遛狗必须牵绳', agendaItemId, ownerName: '物业公司', ownerUserId: area.workerA1.id, dueDate: due }, staff);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        sessionId, communityId: area.communityA, communityName: '甲社区', agendaItemId, topicId, topicTitle: '文明养犬', text: '遛狗必须牵绳',
        owner: { name: '物业公司', user: { id: area.workerA1.id, name: '甲网格员' } }, dueDate: due, status: 'planned', overdue: false,
        escalationReason: null, doneAt: null, version: 1, followers: 0, following: false,
        history: [expect.objectContaining({ kind: 'created', fromStatus: null, toStatus: 'planned', by: { id: area.staffA.id, name: '甲社区干部' } })],
      });
      await f.resolve(area.staffA, sessionId, { text: '犬只粪便随手清理', agendaItemId });
      const item = await t.ds.manager.findOneByOrFail(DeliberationAgendaItemEntity, { id: agendaItemId });
      expect(item.carriedOutText).toBe('1. 遛狗必须牵绳\n2. 犬只粪便随手清理');

      // Editing the text rewrites it too, and the edit is in the history.
      const edited = await http.call('PATCH', `/api/deliberation/resolutions/${first.body.id}`, { body: { text: '遛狗一律牵绳', dueDate: chinaDayIn(20), version: 1 }, token: staff });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: '遛狗一律牵绳', dueDate: chinaDayIn(20), version: 2 });
      expect(edited.body.history.map((h: any) => h.kind)).toEqual(['created', 'edited']);
      expect(edited.body.history[1].note).toContain(`完成期限：${due} → ${chinaDayIn(20)}`);
      expect((await t.ds.manager.findOneByOrFail(DeliberationAgendaItemEntity, { id: agendaItemId })).carriedOutText).toBe('1. 遛狗一律牵绳\n2. 犬只粪便随手清理');

      const other = await f.upcomingSession(area.staffB);
      const foreign = await f.topicOnAgenda(area.residentB1, other, '停车');
      const bad = await http.post(url, { text: 'x', agendaItemId: foreign.agendaItemId, ownerName: '物业', dueDate: due }, staff);
      expect(bad.status).toBe(422);
      expect(bad.body.code).toBe('RESOLUTION_AGENDA_ITEM_INVALID');
      const badOwner = await http.post(url, { text: 'x', ownerName: '物业', ownerUserId: area.residentA1.id, dueDate: due }, staff);
      expect(badOwner.body.code).toBe('RESOLUTION_OWNER_INVALID');
      expect((await http.post(url, { text: 'x', ownerName: '物业', dueDate: '2026-02-30' }, staff)).body.code).toBe('VALIDATION_FAILED');
      expect(await t.ds.manager.count(DeliberationResolutionEntity)).toBe(2);
    });

    it('move planned → in progress → escalated (with a reason, the street is told and sees it) → done by the street; illegal steps are 409; reopening needs a note', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      await f.holdSession(sessionId);
      const r = await f.resolve(area.staffA, sessionId, { text: '修缮凉亭顶棚' });
      const id = r.id;

      let res = await f.setStatus(area.staffA, id, 'in_progress', 1);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'in_progress', version: 2 });
      res = await f.setStatus(area.staffA, id, 'planned', 2);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('RESOLUTION_ILLEGAL_TRANSITION');
      res = await f.setStatus(area.staffA, id, 'escalated', 2);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      res = await f.setStatus(area.staffA, id, 'done', 1);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'RESOLUTION_STATE_CONFLICT', current: { id, status: 'in_progress', version: 2 } });
      // The street cannot act on what was not escalated to it; residents and grid workers cannot act at all.
      expect((await f.setStatus(area.streetAdmin, id, 'done', 2)).body.code).toBe('RESOLUTION_ILLEGAL_TRANSITION');
      expect((await f.setStatus(area.residentA1, id, 'done', 2)).status).toBe(403);
      expect((await f.setStatus(area.workerA1, id, 'done', 2)).status).toBe(403);
      expect((await f.setStatus(area.staffB, id, 'done', 2)).body.code).toBe('RESOLUTION_NOT_FOUND');

      res = await f.setStatus(area.staffA, id, 'escalated', 2, '需要街道协调维修资金');
      expect(res.body).toMatchObject({ status: 'escalated', escalationReason: '需要街道协调维修资金', version: 3 });
      expect(await notices(area.streetAdmin.id, 'deliberation.resolution_escalated')).toHaveLength(1);
      const board = await http.get('/api/deliberation/resolutions?status=escalated', await as(area.streetAdmin));
      expect(board.body.items.map((i: any) => i.id)).toEqual([id]);

      const note = await http.post(`/api/deliberation/resolutions/${id}/notes`, { note: '已联系城建科' }, await as(area.streetAdmin));
      expect(note.status).toBe(201);
      res = await f.setStatus(area.streetAdmin, id, 'done', 3, '维修完成');
      expect(res.body).toMatchObject({ status: 'done', escalationReason: null, version: 4 });
      expect(res.body.doneAt).not.toBeNull();
      expect((await f.setStatus(area.staffA, id, 'escalated', 4, '再报')).body.code).toBe('RESOLUTION_ILLEGAL_TRANSITION');
      res = await f.setStatus(area.staffA, id, 'in_progress', 4);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('RESOLUTION_NOTE_REQUIRED');
      res = await f.setStatus(area.staffA, id, 'in_progress', 4, '顶棚又漏雨了');
      expect(res.body).toMatchObject({ status: 'in_progress', doneAt: null, version: 5 });

      const history = res.body.history.map((h: any) => [h.kind, h.fromStatus, h.toStatus, h.note, h.by.id]);
      expect(history).toEqual([
        ['created', null, 'planned', null, area.staffA.id],
        ['status', 'planned', 'in_progress', null, area.staffA.id],
        ['status', 'in_progress', 'escalated', '需要街道协调维修资金', area.staffA.id],
        ['note', 'escalated', 'escalated', '已联系城建科', area.streetAdmin.id],
        ['status', 'escalated', 'done', '维修完成', area.streetAdmin.id],
        ['status', 'done', 'in_progress', '顶棚又漏雨了', area.staffA.id],
      ]);
      // Another street's staff see nothing of it.
      const otherStreet = Number((await t.ds.manager.insert(StreetEntity, { name: '别的街道' })).identifiers[0].id);
      await t.ds.manager.insert(CommunityEntity, { streetId: otherStreet, name: '丙社区' });
      const stranger = await createUser(t.ds, { role: 'street_admin', name: '别的街道管理员', streetId: otherStreet });
      expect((await http.get(`/api/deliberation/resolutions/${id}`, await as(stranger))).body.code).toBe('RESOLUTION_NOT_FOUND');
      expect((await http.get('/api/deliberation/resolutions', await as(stranger))).body.items).toEqual([]);
    });

    it('followers and the topic proposer are told of every status change (not the one who made it); follow is one per person', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      const { agendaItemId } = await f.topicOnAgenda(area.residentA2, sessionId, '楼道堆物');
      await f.holdSession(sessionId);
      const r = await f.resolve(area.staffA, sessionId, { text: '清理楼道堆物', agendaItemId });
      const follower = area.residentA1;
      const url = `/api/deliberation/resolutions/${r.id}/follow`;

      expect((await http.post(url, {}, await as(follower))).body).toEqual({ resolutionId: r.id, following: true, followers: 1 });
      expect((await http.post(url, {}, await as(follower))).body).toEqual({ resolutionId: r.id, following: true, followers: 1 });
      expect((await http.post(url, {}, await as(area.workerA1))).body).toMatchObject({ following: true, followers: 2 });
      expect((await http.post(url, {}, await as(area.residentB1))).body.code).toBe('RESOLUTION_NOT_FOUND');
      expect((await http.post(url, {}, await as(area.streetAdmin))).status).toBe(403);
      expect((await http.call('DELETE', url, { token: await as(area.workerA1) })).body).toMatchObject({ following: false, followers: 1 });
      expect((await http.call('DELETE', url, { token: await as(area.workerA1) })).body).toMatchObject({ following: false, followers: 1 });

      await f.setStatus(area.staffA, r.id, 'in_progress', 1);
      await f.setStatus(area.staffA, r.id, 'done', 2, '已清理完毕');
      const told = await notices(follower.id, 'deliberation.resolution_status');
      expect(told.map((n) => n.body)).toEqual(['决议“清理楼道堆物”状态更新为：落实中', '决议“清理楼道堆物”已完成（已清理完毕）']);
      expect(told[0].link).toBe(`/packages/deliberation/resolution/index?id=${r.id}`);
      expect(await notices(area.residentA2.id, 'deliberation.resolution_status')).toHaveLength(2);
      expect(await notices(area.workerA1.id, 'deliberation.resolution_status')).toHaveLength(0);
      expect(await notices(area.staffA.id, 'deliberation.resolution_status')).toHaveLength(0);
      const detail = await http.get(`/api/deliberation/resolutions/${r.id}`, await as(follower));
      expect(detail.body).toMatchObject({ following: true, followers: 1, status: 'done' });
    });
  });

  describe('the board', () => {
    it('lists what is not done (earliest due first, overdue marked), then what was done in the last 30 days; pages by cursor; other communities see nothing', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      await f.holdSession(sessionId);
      const overdue = await f.resolve(area.staffA, sessionId, { text: '逾期的', dueDate: chinaDayIn(-2) });
      const dueToday = await f.resolve(area.staffA, sessionId, { text: '今天到期', dueDate: chinaDayIn(0) });
      const later = await f.resolve(area.staffA, sessionId, { text: '下月的', dueDate: chinaDayIn(30) });
      const doneRecently = await f.resolve(area.staffA, sessionId, { text: '刚办完', dueDate: chinaDayIn(5) });
      const doneLongAgo = await f.resolve(area.staffA, sessionId, { text: '早办完', dueDate: chinaDayIn(-40) });
      const doneYesterday = await f.resolve(area.staffA, sessionId, { text: '昨天办完', dueDate: chinaDayIn(-1) });
      await f.setStatus(area.staffA, later.id, 'escalated', 1, '需要街道');
      for (const r of [doneRecently, doneLongAgo, doneYesterday]) await f.setStatus(area.staffA, r.id, 'done', 1);
      await t.ds.manager.update(DeliberationResolutionEntity, { id: doneLongAgo.id }, { doneAt: new Date(Date.now() - 31 * DAY) });
      await t.ds.manager.update(DeliberationResolutionEntity, { id: doneYesterday.id }, { doneAt: new Date(Date.now() - DAY) });
      const otherSession = await f.upcomingSession(area.staffB);
      await f.holdSession(otherSession);
      await f.resolve(area.staffB, otherSession, { text: '乙社区的' });

      const token = await as(area.residentA1);
      const all = await http.get('/api/deliberation/resolutions', token);
      expect(all.status).toBe(200);
      expect(all.body.items.map((i: any) => [i.text, i.status, i.overdue])).toEqual([
        ['逾期的', 'planned', true],
        ['今天到期', 'planned', false],
        ['下月的', 'escalated', false],
        ['刚办完', 'done', false],
        ['昨天办完', 'done', false],
      ]);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items[2].escalationReason).toBe('需要街道');

      // Two at a time: the pages join up exactly, across the not-done and the done runs.
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: any = await http.get(`/api/deliberation/resolutions?limit=2${cursor ? `&cursor=${cursor}` : ''}`, token);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i: any) => i.text));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(seen).toEqual(['逾期的', '今天到期', '下月的', '刚办完', '昨天办完']);
      expect(pages).toBe(3);
      const exact = await http.get('/api/deliberation/resolutions?limit=3', token);
      expect(exact.body.items).toHaveLength(3);
      const rest = await http.get(`/api/deliberation/resolutions?limit=3&cursor=${exact.body.nextCursor}`, token);
      expect(rest.body.items.map((i: any) => i.text)).toEqual(['刚办完', '昨天办完']);
      expect(rest.body.nextCursor).toBeNull();

      expect((await http.get('/api/deliberation/resolutions?overdue=true', token)).body.items.map((i: any) => i.text)).toEqual(['逾期的']);
      expect((await http.get('/api/deliberation/resolutions?status=done', token)).body.items.map((i: any) => i.text)).toEqual(['刚办完', '昨天办完', '早办完']);
      expect((await http.get('/api/deliberation/resolutions?cursor=bm9wZQ', token)).body.code).toBe('VALIDATION_FAILED');
      expect((await http.get(`/api/deliberation/resolutions?communityId=${area.communityB}`, token)).body.code).toBe('AREA_NOT_FOUND');
      expect((await http.get(`/api/deliberation/resolutions/${overdue.id}`, await as(area.residentB1))).body.code).toBe('RESOLUTION_NOT_FOUND');
      expect((await http.get(`/api/deliberation/resolutions/${dueToday.id}`, token)).body).toMatchObject({ text: '今天到期', overdue: false });

      // The street sees every community of its street, or one of them.
      const street = await http.get('/api/deliberation/resolutions?limit=100', await as(area.streetAdmin));
      expect(street.body.items.map((i: any) => i.communityName).sort()).toEqual(['乙社区', '甲社区', '甲社区', '甲社区', '甲社区', '甲社区']);
      const onlyB = await http.get(`/api/deliberation/resolutions?communityId=${area.communityB}`, await as(area.streetAdmin));
      expect(onlyB.body.items.map((i: any) => i.text)).toEqual(['乙社区的']);
      expect((await http.get('/api/deliberation/resolutions', await as(area.residentNoUnit))).body.code).toBe('UNIT_REQUIRED');
    });
  });

  it('history rows are never changed by later steps (append only)', async () => {
    const sessionId = await f.upcomingSession(area.staffA);
    await f.holdSession(sessionId);
    const r = await f.resolve(area.staffA, sessionId, { text: '安装路灯' });
    await f.setStatus(area.staffA, r.id, 'in_progress', 1);
    const before = await t.ds.manager.find(DeliberationResolutionEventEntity, { where: { resolutionId: r.id }, order: { id: 'ASC' } });
    await f.setStatus(area.staffA, r.id, 'done', 2, '已安装');
    const after = await t.ds.manager.find(DeliberationResolutionEventEntity, { where: { resolutionId: r.id }, order: { id: 'ASC' } });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(3);
  });
});
