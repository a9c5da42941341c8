import { DIALECTS } from './support/test-app';
import { twoAppsWithFreshArea } from './support/area-suite';
import { approveVolunteers, checkLedger, SOUND_LEDGER } from './support/timebank-fixtures';
import { createUser } from '../factories/org.factory';
import { TeamActivityEntity } from '../../server/src/modules/timebank/timebank.entities';
import { VolunteerTeamEntity } from '../../server/src/modules/volunteers/volunteers.entities';

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe.each(DIALECTS)('team activities on %s', (dialect) => {
  const { t: a, http, httpB: http2, area } = twoAppsWithFreshArea(dialect, 'tbact');

  const volunteers = async (n: number) => {
    const users = [];
    for (let i = 0; i < n; i++) {
      users.push(await createUser(a.ds, { role: 'resident', name: `志愿者${i}`, streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true }));
    }
    await approveVolunteers(a.ds, users, area.communityA, area.streetId);
    return users;
  };
  const createActivity = async (slots: number, creditMinutes = 120) => {
    const res = await http.post('/api/timebank/activities', {
      title: '小区垃圾清理', description: '戴好小红帽、红马甲', place: '采一社区广场', startsAt: hoursFromNow(2), endsAt: hoursFromNow(4), slots, creditMinutes,
    }, await http.as(area.staffA));
    expect(res.status).toBe(201);
    return res.body as { id: number };
  };
  const start = (id: number) => a.ds.manager.update(TeamActivityEntity, { id }, { startsAt: new Date(Date.now() - 3600_000) });

  it('fills exactly the slots when 40 volunteers sign up at once (two processes)', async () => {
    const act = await createActivity(7);
    const vs = await volunteers(40);
    const res = await Promise.all(vs.map(async (v, i) => (i % 2 ? http2 : http).post(`/api/timebank/activities/${act.id}/sign-up`, {}, await (i % 2 ? http2 : http).as(v))));
    expect(res.filter((r) => r.status === 201)).toHaveLength(7);
    expect(res.filter((r) => r.status === 409).every((r) => r.body.code === 'ACTIVITY_FULL')).toBe(true);
    const [row] = await a.ds.query('SELECT taken FROM team_activities WHERE id = ?', [act.id]);
    expect(Number(row.taken)).toBe(7);
    const [count] = await a.ds.query("SELECT COUNT(*) AS c FROM team_activity_signups WHERE activity_id = ? AND status = 'signed_up'", [act.id]);
    expect(Number(count.c)).toBe(7);
  });

  it('lets only approved volunteers sign up, once each; a withdrawal frees the slot', async () => {
    const act = await createActivity(1);
    const [v, w] = await volunteers(2);
    expect((await http.post(`/api/timebank/activities/${act.id}/sign-up`, {}, await http.as(area.residentA1))).body.code).toBe('TIMEBANK_NOT_VOLUNTEER');
    expect((await http.post(`/api/timebank/activities/${act.id}/sign-up`, {}, await http.as(v))).status).toBe(201);
    expect((await http.post(`/api/timebank/activities/${act.id}/sign-up`, {}, await http.as(v))).body.code).toBe('ACTIVITY_FULL');
    expect((await http.post(`/api/timebank/activities/${act.id}/withdraw`, {}, await http.as(v))).status).toBe(200);
    expect((await http.post(`/api/timebank/activities/${act.id}/sign-up`, {}, await http.as(w))).status).toBe(201);
    expect((await http.get(`/api/timebank/activities/${act.id}`, await http.as(w))).body).toMatchObject({ taken: 1, signedUp: true });
    const team = Number((await a.ds.manager.insert(VolunteerTeamEntity, { streetId: area.streetId, communityId: area.communityA, level: 'community', name: '守望相助情暖夕阳', leaderUserId: null, createdAt: new Date() })).identifiers[0].id);
    const teamAct = (await http.post('/api/timebank/activities', {
      title: '陪老人聊天', place: '采一社区', startsAt: hoursFromNow(5), endsAt: hoursFromNow(6), slots: 3, creditMinutes: 60, teamId: team,
    }, await http.as(area.staffA))).body as { id: number };
    const listed = async (who: { id: number }) =>
      (await http.get('/api/timebank/activities', await http.as(who))).body.map((x: { id: number; teamName: string | null; signedUp: boolean }) => [x.id, x.teamName, x.signedUp]);
    expect(await listed(w)).toEqual([[teamAct.id, '守望相助情暖夕阳', false], [act.id, null, true]]);
    expect(await listed(v)).toEqual([[teamAct.id, '守望相助情暖夕阳', false], [act.id, null, false]]);
    expect((await http.post('/api/timebank/activities', {
      title: '走访老人', place: '采一社区', startsAt: hoursFromNow(3), endsAt: hoursFromNow(2), slots: 3, creditMinutes: 60,
    }, await http.as(area.staffA))).body.code).toBe('ACTIVITY_TIME_INVALID');
    expect((await http.post('/api/timebank/activities', {
      title: '走访老人', place: '采一社区', startsAt: hoursFromNow(2), endsAt: hoursFromNow(3), slots: 3, creditMinutes: 60,
    }, await http.as(v))).status).toBe(403);
  });

  it('credits every checked-in attendee once, records no-shows, and a second credit (even at once) credits nobody again', async () => {
    const act = await createActivity(5, 150);
    const vs = await volunteers(4);
    for (const v of vs) expect((await http.post(`/api/timebank/activities/${act.id}/sign-up`, {}, await http.as(v))).status).toBe(201);
    await start(act.id);
    const staff = await http.as(area.staffA);
    for (const v of vs.slice(0, 3)) expect((await http.post(`/api/timebank/activities/${act.id}/check-in`, { userId: v.id }, staff)).body.checkedInAt).not.toBeNull();
    expect((await http.post(`/api/timebank/activities/${act.id}/check-out`, { userId: vs[3].id }, staff)).body.code).toBe('ACTIVITY_STATE_CONFLICT');
    expect((await http.post(`/api/timebank/activities/${act.id}/check-out`, { userId: vs[0].id }, staff)).body.checkedOutAt).not.toBeNull();
    const both = await Promise.all([http, http2].map(async (h) => h.post(`/api/timebank/activities/${act.id}/credit`, {}, await h.as(area.staffA))));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const fresh = both.flatMap((r) => r.body.credited).filter((c: { duplicate: boolean }) => !c.duplicate);
    expect(fresh.map((c: { userId: number }) => c.userId).sort((x: number, y: number) => x - y)).toEqual(vs.slice(0, 3).map((v) => v.id));
    expect(fresh.every((c: { creditedMinutes: number }) => c.creditedMinutes === 150)).toBe(true);
    expect(both[0].body.noShows).toEqual([vs[3].id]);
    for (const v of vs.slice(0, 3)) expect((await http.get('/api/timebank/me', await http.as(v))).body.balanceMinutes).toBe(150);
    expect((await http.get('/api/timebank/me', await http.as(vs[3]))).body.balanceMinutes).toBe(0);
    const att = (await http.get(`/api/timebank/activities/${act.id}/attendees`, staff)).body;
    expect(att.map((x: { attendance: string }) => x.attendance)).toEqual(['attended', 'attended', 'attended', 'no_show']);
    expect(await checkLedger(a.ds)).toEqual(SOUND_LEDGER);
  });
});
