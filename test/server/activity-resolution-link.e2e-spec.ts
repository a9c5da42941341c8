import { DIALECTS } from './support/test-app';
import { approveVolunteers } from './support/timebank-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';
import { DeliberationResolutionEventEntity } from '../../server/src/modules/deliberation/deliberation-outcomes.entities';
import { ResolutionsRepository } from '../../server/src/modules/deliberation/deliberation-resolutions.repository';
import { TeamActivityEntity } from '../../server/src/modules/timebank/timebank.entities';
import { VolunteerTeamEntity } from '../../server/src/modules/volunteers/volunteers.entities';
import { outcomesSuite } from './deliberation-outcomes.fixtures';

/** A whole minute `h` hours from now (as the form sends it; MariaDB keeps no milliseconds). */
const hoursFromNow = (h: number) => new Date(Math.floor((Date.now() + h * 3600_000) / 60_000) * 60_000).toISOString();

/** 决议 → 志愿活动: a team activity started from a 议事亭 resolution; both sides show the link. */
describe.each(DIALECTS)('a resolution becomes volunteer work on %s', (dialect) => {
  const { t, http, area, f, as } = outcomesSuite(dialect, 'actlink');

  /** A resolution recorded by `staff` at a session of their community that has been held. */
  const resolution = async (staff: TestArea['staffA'], text: string) => {
    const sessionId = await f.upcomingSession(staff);
    await f.holdSession(sessionId);
    return f.resolve(staff, sessionId, { text });
  };
  const body = (title: string, extra: Record<string, unknown> = {}) => ({
    title, place: '小区凉亭', startsAt: hoursFromNow(24), endsAt: hoursFromNow(26), slots: 10, creditMinutes: 120, ...extra,
  });
  const create = async (who: { id: number }, b: Record<string, unknown>) => http.post('/api/timebank/activities', b, await as(who));
  const historyOf = (resolutionId: number) => t.ds.manager.find(DeliberationResolutionEventEntity, { where: { resolutionId }, order: { id: 'ASC' } });

  it('staff start an activity from a resolution: the activity names it, and the resolution lists the activity and says so in its history', async () => {
    const r = await resolution(area.staffA, '每月清理一次楼道堆物');
    const later = await create(area.staffA, body('楼道堆物清理（第二次）', { resolutionId: r.id, startsAt: hoursFromNow(48), endsAt: hoursFromNow(50) }));
    expect(later.status).toBe(201);
    const first = await create(area.staffA, body('楼道堆物清理', { resolutionId: r.id }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ title: '楼道堆物清理', resolution: { id: r.id, title: '每月清理一次楼道堆物' } });

    // Residents see where the activity comes from, on the list and on the activity itself.
    const mine = await as(area.residentA1);
    expect((await http.get(`/api/timebank/activities/${first.body.id}`, mine)).body.resolution).toEqual({ id: r.id, title: '每月清理一次楼道堆物' });
    const listed = (await http.get('/api/timebank/activities', mine)).body as { id: number; resolution: unknown }[];
    expect(listed.map((a) => [a.id, a.resolution])).toEqual([
      [later.body.id, { id: r.id, title: '每月清理一次楼道堆物' }],
      [first.body.id, { id: r.id, title: '每月清理一次楼道堆物' }],
    ]);

    // The resolution's public page: its activities, earliest first, and one history line per activity, by who started it.
    const detail = await http.get(`/api/deliberation/resolutions/${r.id}`, mine);
    expect(detail.status).toBe(200);
    expect(detail.body.activities).toEqual([
      { id: first.body.id, title: '楼道堆物清理', startsAt: first.body.startsAt, status: 'open' },
      { id: later.body.id, title: '楼道堆物清理（第二次）', startsAt: later.body.startsAt, status: 'open' },
    ]);
    expect(detail.body.history.map((h: any) => [h.kind, h.note, h.by.id, h.toStatus])).toEqual([
      ['created', null, area.staffA.id, 'planned'],
      ['note', '发起志愿活动：楼道堆物清理（第二次）', area.staffA.id, 'planned'],
      ['note', '发起志愿活动：楼道堆物清理', area.staffA.id, 'planned'],
    ]);
    // The street sees the same on its side; other resolutions list nothing.
    expect((await http.get(`/api/deliberation/resolutions/${r.id}`, await as(area.streetAdmin))).body.activities).toHaveLength(2);
    const other = await f.resolve(area.staffA, detail.body.sessionId, { text: '增设分类垃圾桶' });
    expect((await http.get(`/api/deliberation/resolutions/${other.id}`, mine)).body.activities).toEqual([]);
  });

  it("reads every resolution's activities in one grouped query", async () => {
    const a = await resolution(area.staffA, '修缮凉亭顶棚');
    const b = await f.resolve(area.staffA, (await http.get(`/api/deliberation/resolutions/${a.id}`, await as(area.staffA))).body.sessionId, { text: '加装路灯' });
    const x = await create(area.staffA, body('凉亭清扫', { resolutionId: a.id }));
    const y = await create(area.staffA, body('路灯巡查', { resolutionId: b.id }));
    const z = await create(area.staffA, body('凉亭刷漆', { resolutionId: a.id, startsAt: hoursFromNow(30), endsAt: hoursFromNow(31) }));
    const query = jest.spyOn(t.ds.manager, 'query');
    try {
      const grouped = await t.app.get(ResolutionsRepository).activities([a.id, b.id, 999999]);
      expect(query).toHaveBeenCalledTimes(1);
      expect([...grouped.keys()].sort()).toEqual([a.id, b.id].sort());
      expect(grouped.get(a.id)!.map((i) => i.id)).toEqual([x.body.id, z.body.id]);
      expect(grouped.get(b.id)!.map((i) => i.id)).toEqual([y.body.id]);
    } finally {
      query.mockRestore();
    }
  });

  it("another community's resolution, or none, is 404 RESOLUTION_NOT_FOUND and nothing is written", async () => {
    const theirs = await resolution(area.staffB, '乙社区的决议');
    const before = await historyOf(theirs.id);
    for (const resolutionId of [theirs.id, 999999]) {
      const res = await create(area.staffA, body('越界的活动', { resolutionId }));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'RESOLUTION_NOT_FOUND', message: '没有找到这项决议' });
    }
    expect(await t.ds.manager.count(TeamActivityEntity)).toBe(0);
    expect(await historyOf(theirs.id)).toEqual(before);
    // Their own staff may.
    const ok = await create(area.staffB, body('乙社区的活动', { resolutionId: theirs.id }));
    expect(ok.status).toBe(201);
    expect(ok.body.resolution).toEqual({ id: theirs.id, title: '乙社区的决议' });
  });

  it('rejects unknown fields and a bad resolution id with 400; without a link the activity has resolution null', async () => {
    const r = await resolution(area.staffA, '文明养犬');
    const cases: [Record<string, unknown>, string][] = [
      [{ resolutionId: 'abc' }, '决议编号不正确'], [{ resolutionId: 0 }, '决议编号不正确'], [{ resolutionId: -3 }, '决议编号不正确'],
      [{ resolutionId: 1.5 }, '决议编号不正确'], [{ resolutionId: null }, '决议编号不正确'], [{ resolutionId: 2147483648 }, '决议编号不正确'],
      [{ resolution: { id: r.id } }, '不认识的字段：resolution'], [{ resolutionTitle: '文明养犬' }, '不认识的字段：resolutionTitle'],
    ];
    for (const [extra, says] of cases) {
      const res = await create(area.staffA, body('文明养犬宣传', extra));
      expect([JSON.stringify(extra), res.status, res.body.code, res.body.message.includes(says)]).toEqual([JSON.stringify(extra), 400, 'VALIDATION_FAILED', true]);
    }
    expect(await t.ds.manager.count(TeamActivityEntity)).toBe(0);
    const plain = await create(area.staffA, body('文明养犬宣传'));
    expect(plain.status).toBe(201);
    expect(plain.body.resolution).toBeNull();
    expect((await http.get(`/api/timebank/activities/${plain.body.id}`, await as(area.residentA1))).body.resolution).toBeNull();
    const detail = (await http.get(`/api/deliberation/resolutions/${r.id}`, await as(area.residentA1))).body;
    expect(detail.activities).toEqual([]);
    expect(detail.history.map((h: any) => h.kind)).toEqual(['created']);
  });

  it("a team leader of the community may start one from a resolution; a resident who leads nothing may not (and no history line)", async () => {
    const r = await resolution(area.staffA, '关爱独居老人');
    const leader = await createUser(t.ds, {
      role: 'resident', name: '王队长', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true,
    });
    await approveVolunteers(t.ds, [leader], area.communityA, area.streetId);
    const team = Number((await t.ds.manager.insert(VolunteerTeamEntity, {
      streetId: area.streetId, communityId: area.communityA, level: 'community', name: '守望相助情暖夕阳', leaderUserId: leader.id, createdAt: new Date(),
    })).identifiers[0].id);

    const refused = await create(area.residentA1, body('陪老人聊天', { resolutionId: r.id, teamId: team, creditMinutes: undefined }));
    expect(refused.status).toBe(403);
    const led = await create(leader, body('陪老人聊天', { resolutionId: r.id, teamId: team, creditMinutes: undefined }));
    expect(led.status).toBe(201);
    expect(led.body).toMatchObject({ teamId: team, resolution: { id: r.id, title: '关爱独居老人' } });
    const detail = (await http.get(`/api/deliberation/resolutions/${r.id}`, await as(area.staffA))).body;
    expect(detail.activities.map((a: { id: number }) => a.id)).toEqual([led.body.id]);
    expect(detail.history.slice(1).map((h: any) => [h.note, h.by])).toEqual([['发起志愿活动：陪老人聊天', { id: leader.id, name: '王队长' }]]);
  });
});
