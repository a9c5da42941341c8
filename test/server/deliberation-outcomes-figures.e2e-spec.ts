import { DIALECTS } from './support/test-app';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationTopicEntity } from '../../server/src/modules/deliberation/deliberation-topics.entities';
import { DeliberationResolutionEntity } from '../../server/src/modules/deliberation/deliberation-outcomes.entities';
import { DeliberationReminderJobs } from '../../server/src/modules/deliberation/deliberation-reminders.jobs';
import { reminderWindow } from '../../server/src/modules/deliberation/deliberation-reminders.time';
import { SchedulerService } from '../../server/src/modules/scheduler/scheduler.service';
import { icsDateTime } from '../../server/src/modules/deliberation/ics';
import { chinaDayIn, DAY, FRIDAY, HOUR, outcomesSuite } from './deliberation-outcomes.fixtures';

describe.each(DIALECTS)('deliberation figures, reminders and calendar on %s', (dialect) => {
  const { t, http, area, f, as } = outcomesSuite(dialect, 'outcomes_fig');

  describe('figures', () => {
    /** Community A: 3 topics this month (+1 old), one held session (3 confirmed, 2 checked in), 5 resolutions. Community B: 1 topic, 1 held session. */
    const scenario = async () => {
      const s1 = await f.upcomingSession(area.staffA);
      const [a2, a3] = [await f.residentOf(area.communityA, '赵一'), await f.residentOf(area.communityA, '钱二')];
      for (const r of [area.residentA1, a2, a3]) await f.signUp(r, s1);
      const t1 = await f.topicOnAgenda(area.residentA1, s1, '文明养犬');
      const t2 = await f.topicOnAgenda(area.residentA2, s1, '楼道堆物');
      await t.ds.manager.update(DeliberationTopicEntity, { id: t2.topicId }, { status: 'discussed' });
      const t3 = await f.topicOnAgenda(a2, s1, '还在征集');
      await t.ds.manager.update(DeliberationTopicEntity, { id: t3.topicId }, { status: 'proposed' });
      const old = await f.topicOnAgenda(a3, s1, '两个月前的');
      await t.ds.manager.update(DeliberationTopicEntity, { id: old.topicId }, { createdAt: new Date(Date.now() - 60 * DAY) });
      await f.holdSession(s1);
      await f.checkIn(s1, [area.residentA1, a2]);
      // A cancelled session in the past is not "held".
      const list = await http.get('/api/deliberation/sessions', await as(area.staffA));
      await t.ds.manager.update(DeliberationSessionEntity, { id: list.body[0].id }, { status: 'cancelled', startsAt: new Date(Date.now() - 30 * HOUR), endsAt: new Date(Date.now() - 29 * HOUR) });

      const r1 = await f.resolve(area.staffA, s1, { text: '牵绳', agendaItemId: t1.agendaItemId, dueDate: chinaDayIn(-5) });
      const r2 = await f.resolve(area.staffA, s1, { text: '清粪', agendaItemId: t1.agendaItemId, dueDate: chinaDayIn(-3) });
      const r3 = await f.resolve(area.staffA, s1, { text: '清楼道', agendaItemId: t2.agendaItemId, dueDate: chinaDayIn(-1) });
      await f.resolve(area.staffA, s1, { text: '装路灯', dueDate: chinaDayIn(10) });
      const r5 = await f.resolve(area.staffA, s1, { text: '修围墙', dueDate: chinaDayIn(5) });
      await f.setStatus(area.staffA, r1.id, 'done', 1);
      await t.ds.manager.update(DeliberationResolutionEntity, { id: r1.id }, { doneAt: new Date(Date.now() - 6 * DAY) });
      await f.setStatus(area.staffA, r2.id, 'done', 1);
      await f.setStatus(area.staffA, r3.id, 'in_progress', 1);
      await f.setStatus(area.staffA, r5.id, 'escalated', 1, '需要街道出资');

      const sB = await f.upcomingSession(area.staffB);
      await f.signUp(area.residentB1, sB);
      await f.topicOnAgenda(area.residentB1, sB, '停车难');
      await f.holdSession(sB);
      await f.checkIn(sB, [area.residentB1]);
    };

    const A = {
      topicsProposed: 3, topicsOnAgenda: 2, topicsResolved: 1, sessionsHeld: 1, registered: 3, checkedIn: 2, attendanceRate: 0.6667,
      resolutionsDue: 3, resolutionsDoneOnTime: 1, onTimeRate: 0.3333, resolutionsOpen: 3, resolutionsOverdue: 1, resolutionsEscalated: 1,
    };
    const B = {
      topicsProposed: 1, topicsOnAgenda: 1, topicsResolved: 0, sessionsHeld: 1, registered: 1, checkedIn: 1, attendanceRate: 1,
      resolutionsDue: 0, resolutionsDoneOnTime: 0, onTimeRate: null, resolutionsOpen: 0, resolutionsOverdue: 0, resolutionsEscalated: 0,
    };

    it('community staff see their community: topics proposed / on an agenda / resolved, sessions held, attendance, resolutions done on time, in plain words', async () => {
      await scenario();
      const res = await http.get('/api/deliberation/figures', await as(area.staffA));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ area: { level: 'community', id: area.communityA, name: '甲社区' }, period: { from: chinaDayIn(-29), to: chinaDayIn(0) }, ...A });
      expect(res.body.plain).toBe(
        '提出议题 3 个，其中 2 个已上会、1 个已全部落实；举行议事 1 场，报名 3 人，到场签到 2 人（67%）；到期决议 3 项，按期完成 1 项（33%）；正在落实的决议 3 项，其中逾期 1 项、上报街道 1 项',
      );
      expect(res.body.perCommunity).toEqual([expect.objectContaining({ communityId: area.communityA, name: '甲社区', ...A })]);
      const staff = await as(area.staffA);
      expect((await http.get(`/api/deliberation/figures?level=street&id=${area.streetId}`, staff)).body.code).toBe('AREA_NOT_FOUND');
      expect((await http.get(`/api/deliberation/figures?level=community&id=${area.communityB}`, staff)).body.code).toBe('AREA_NOT_FOUND');
      expect((await http.get('/api/deliberation/figures', await as(area.residentA1))).status).toBe(403);
      expect((await http.get('/api/deliberation/figures', await as(area.workerA1))).status).toBe(403);
    });

    it('the street sees a row per community that adds up to its totals, or one community; a period before everything counts nothing but what is open now', async () => {
      await scenario();
      const token = await as(area.streetAdmin);
      const res = await http.get('/api/deliberation/figures', token);
      expect(res.body).toMatchObject({
        area: { level: 'street', id: area.streetId, name: '测试街道' },
        topicsProposed: 4, topicsOnAgenda: 3, topicsResolved: 1, sessionsHeld: 2, registered: 4, checkedIn: 3, attendanceRate: 0.75,
        resolutionsDue: 3, resolutionsDoneOnTime: 1, resolutionsOpen: 3,
      });
      expect(res.body.perCommunity).toEqual([
        expect.objectContaining({ communityId: area.communityA, name: '甲社区', ...A }),
        expect.objectContaining({ communityId: area.communityB, name: '乙社区', ...B }),
      ]);
      const one = await http.get(`/api/deliberation/figures?level=community&id=${area.communityB}`, token);
      expect(one.body).toMatchObject({ area: { level: 'community', id: area.communityB }, ...B });

      const before = await http.get(`/api/deliberation/figures?from=${chinaDayIn(-200)}&to=${chinaDayIn(-100)}`, token);
      expect(before.body).toMatchObject({ topicsProposed: 0, sessionsHeld: 0, registered: 0, attendanceRate: null, resolutionsDue: 0, onTimeRate: null, resolutionsOpen: 3 });
      // The old topic counts when its day is in the period.
      expect((await http.get(`/api/deliberation/figures?from=${chinaDayIn(-61)}&to=${chinaDayIn(-59)}`, token)).body.topicsProposed).toBe(1);
      expect((await http.get(`/api/deliberation/figures?from=${chinaDayIn(0)}&to=${chinaDayIn(-1)}`, token)).body.code).toBe('VALIDATION_FAILED');
      expect((await http.get('/api/deliberation/figures?level=street', token)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('reminders', () => {
    it('confirmed registrants are reminded the day before at 18:00 and 2 hours before, once each; not the waiting list; a moved session reminds again at its new time', async () => {
      const sessionId = await f.upcomingSession(area.staffA, { ...FRIDAY, seats: 1 });
      await f.signUp(area.residentA1, sessionId);
      const waiting = await f.residentOf(area.communityA, '候补');
      expect((await f.signUp(waiting, sessionId)).status).toBe('waitlisted');
      const jobs = t.app.get(DeliberationReminderJobs);
      expect(t.app.get(SchedulerService).registered()).toContain('deliberation.reminders');
      const session = await t.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id: sessionId });
      const start = new Date(session.startsAt);
      const reminders = (userId: number) => t.ds.manager.find(NotificationEntity, { where: { userId }, order: { id: 'ASC' } }).then((ns) => ns.filter((n) => n.type.startsWith('deliberation.reminder')));

      const dayBefore = reminderWindow('day_before', start).from;
      expect(await jobs.sendDue(new Date(dayBefore.getTime() - 60_000))).toBe('sent 0');
      expect(await jobs.sendDue(new Date(dayBefore.getTime() + 60_000))).toBe('sent 1');
      expect(await jobs.sendDue(new Date(dayBefore.getTime() + 10 * 60_000))).toBe('sent 0');
      expect(await jobs.sendDue(new Date(start.getTime() - 90 * 60_000))).toBe('sent 1');
      expect(await jobs.sendDue(new Date(start.getTime() - 30 * 60_000))).toBe('sent 0');
      const mine = await reminders(area.residentA1.id);
      expect(mine.map((n) => [n.type, n.title])).toEqual([['deliberation.reminder_day_before', '议事提醒'], ['deliberation.reminder_2h', '议事即将开始']]);
      expect(mine[0].body).toMatch(/^您报名的周五议事亭将于\d\d月\d\d日 17:00在小区凉亭举行/);
      expect(mine[0].link).toBe(`/packages/deliberation/session/index?id=${sessionId}`);
      expect(await reminders(waiting.id)).toEqual([]);

      // Staff move it a day later: the new start is reminded again.
      const newStart = new Date(start.getTime() + DAY);
      const moved = await http.post(`/api/deliberation/sessions/${sessionId}/move`, { startsAt: newStart.toISOString() }, await as(area.staffA));
      expect(moved.status).toBe(200);
      expect(await jobs.sendDue(new Date(reminderWindow('day_before', newStart).from.getTime() + 60_000))).toBe('sent 1');
      expect((await reminders(area.residentA1.id)).map((n) => n.type)).toEqual(['deliberation.reminder_day_before', 'deliberation.reminder_2h', 'deliberation.reminder_day_before']);
    });

    it('a cancelled session reminds nobody', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      await f.signUp(area.residentA1, sessionId);
      const session = await t.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id: sessionId });
      expect((await http.post(`/api/deliberation/sessions/${sessionId}/cancel`, { reason: '暴雨' }, await as(area.staffA))).status).toBe(200);
      const jobs = t.app.get(DeliberationReminderJobs);
      expect(await jobs.sendDue(new Date(new Date(session.startsAt).getTime() - 90 * 60_000))).toBe('sent 0');
      expect(await t.ds.manager.count(NotificationEntity, { where: { userId: area.residentA1.id, type: 'deliberation.reminder_2h' } })).toBe(0);
    });
  });

  describe('calendar', () => {
    it('members download the session as an RFC 5545 .ics file with a stable UID, UTC times and an alarm an hour before; moving it keeps the UID', async () => {
      const sessionId = await f.upcomingSession(area.staffA);
      const session = await t.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id: sessionId });
      const url = `/api/deliberation/sessions/${sessionId}/calendar.ics`;
      const res = await http.get(url, await as(area.residentA1));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="deliberation-session-${sessionId}.ics"`);
      const body = res.body as string;
      expect(body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(body.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true);
      for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      const unfolded = body.replace(/\r\n /g, '');
      expect(unfolded).toContain(`\r\nUID:deliberation-session-${sessionId}@linli\r\n`);
      expect(unfolded).toContain(`\r\nDTSTART:${icsDateTime(new Date(session.startsAt))}\r\n`);
      expect(unfolded).toContain(`\r\nDTEND:${icsDateTime(new Date(session.endsAt))}\r\n`);
      expect(unfolded).toContain('\r\nSUMMARY:周五议事亭\r\n');
      expect(unfolded).toContain('\r\nLOCATION:小区凉亭\r\n');
      expect(unfolded).toContain('\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:周五议事亭\r\nTRIGGER:-PT60M\r\nEND:VALARM\r\n');

      expect((await http.get(url, await as(area.residentB1))).status).toBe(404);
      expect((await http.get(url, await as(area.streetAdmin))).status).toBe(403);
      expect((await http.get(url)).status).toBe(401);

      const newStart = new Date(new Date(session.startsAt).getTime() + 2 * HOUR);
      await new Promise((r) => setTimeout(r, 1100));
      await http.post(`/api/deliberation/sessions/${sessionId}/move`, { startsAt: newStart.toISOString(), place: '社区议事厅' }, await as(area.staffA));
      const again = ((await http.get(url, await as(area.residentA1))).body as string).replace(/\r\n /g, '');
      expect(again).toContain(`\r\nUID:deliberation-session-${sessionId}@linli\r\n`);
      expect(again).toContain(`\r\nDTSTART:${icsDateTime(newStart)}\r\n`);
      expect(again).toContain('\r\nLOCATION:社区议事厅\r\n');
      const seq = (s: string) => Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(s)![1]);
      expect(seq(again)).toBeGreaterThan(seq(unfolded));
    });
  });
});
