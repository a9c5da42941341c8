import { DIALECTS } from './support/test-app';
import { twoAppsWithFreshArea } from './support/area-suite';
import { approvedVolunteers, inHours } from './support/volunteer-fixtures';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { VolunteerEntity, VolunteerTeamEntity, VolunteerTeamMemberEntity } from '../../server/src/modules/volunteers/volunteers.entities';

/** 队长: staff appoint a team's leader (an approved member); the leader starts activities and sees their roster. */
describe.each(DIALECTS)('team leaders on %s', (dialect) => {
  const { t, http, httpB, area } = twoAppsWithFreshArea(dialect, 'teamlead');
  const as = (u: { id: number }) => http.as(u);
  const notes = (userId: number, type: string) => t.ds.manager.find(NotificationEntity, { where: { userId, type } });

  const team = async (name: string, communityId: number | null) => Number((await t.ds.manager.insert(VolunteerTeamEntity, {
    streetId: area.streetId, communityId, level: communityId === null ? 'street' : 'community', name, leaderUserId: null, createdAt: new Date(),
  })).identifiers[0].id);
  const join = (teamId: number, ...users: { id: number }[]) =>
    t.ds.manager.insert(VolunteerTeamMemberEntity, users.map((u) => ({ teamId, userId: u.id, createdAt: new Date() })));
  const appoint = async (teamId: number, userId: number | null, who: { id: number } = area.staffA) =>
    http.put(`/api/volunteers/teams/${teamId}/leader`, { userId }, await as(who));
  const activity = (teamId: number | null, extra: Record<string, unknown> = {}) => ({
    title: '陪老人聊天', place: '采一社区活动室', startsAt: inHours(24), endsAt: inHours(25), slots: 5, teamId, ...extra,
  });

  it('staff appoint an approved member as leader; a non-member or another area is refused; the profile and the teams list say who leads', async () => {
    const teamA = await team('守望相助情暖夕阳', area.communityA);
    const street = await team('银龄先锋在行动', null);
    const [v, w, x] = await approvedVolunteers(t, area, 3);
    await join(teamA, v, w);
    await join(street, x);

    const members = await http.get(`/api/volunteers/teams/${teamA}/members`, await as(area.staffA));
    expect(members.body.items.map((m: { userId: number; isLeader: boolean }) => [m.userId, m.isLeader]).sort()).toEqual([[v.id, false], [w.id, false]].sort());
    expect(await appoint(teamA, x.id)).toMatchObject({ status: 422, body: { code: 'TEAM_LEADER_NOT_MEMBER' } });
    expect(await appoint(teamA, v.id, area.staffB)).toMatchObject({ status: 404, body: { code: 'VOLUNTEER_TEAM_NOT_FOUND' } });
    expect(await appoint(street, x.id)).toMatchObject({ status: 404, body: { code: 'VOLUNTEER_TEAM_NOT_FOUND' } });
    expect((await appoint(teamA, v.id, area.residentA1)).status).toBe(403);
    expect((await http.put(`/api/volunteers/teams/${teamA}/leader`, {}, await as(area.staffA))).body.code).toBe('VALIDATION_FAILED');

    const res = await appoint(teamA, v.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: teamA, leader: { userId: v.id, active: true }, canAppoint: true, memberCount: 2 });
    expect((await notes(v.id, 'volunteer.team_leader'))[0]).toMatchObject({ title: '您已担任守望相助情暖夕阳队长' });
    expect((await http.get('/api/volunteers/me', v.token)).body.leads).toEqual([{ id: teamA, name: '守望相助情暖夕阳' }]);
    expect((await http.get('/api/volunteers/me', w.token)).body.leads).toEqual([]);
    // Residents (and grid workers) get the teams to apply to, not who leads them (nor whether that volunteer is suspended).
    for (const who of [area.residentA1, area.workerA1]) {
      const seen = (await http.get('/api/volunteers/teams', await as(who))).body.items;
      expect(seen).toEqual([
        { id: teamA, name: '守望相助情暖夕阳', level: 'community', communityId: area.communityA, memberCount: 2 },
        { id: street, name: '银龄先锋在行动', level: 'street', communityId: null, memberCount: 1 },
      ]);
    }
    const staffSeen = (await http.get('/api/volunteers/teams', await as(area.staffA))).body.items;
    expect(staffSeen.map((x2: any) => [x2.id, x2.leader?.userId ?? null, x2.canAppoint])).toEqual([[teamA, v.id, true], [street, null, false]]);
    expect((await http.get('/api/volunteers?status=approved', await as(area.staffA))).body.items.find((i: { userId: number }) => i.userId === v.id).leads)
      .toEqual([{ id: teamA, name: '守望相助情暖夕阳' }]);

    // The street admin appoints for the street-level team; community staff do not manage it.
    expect((await http.get('/api/volunteers/teams', await as(area.staffA))).body.items.find((i: { id: number }) => i.id === street).canAppoint).toBe(false);
    expect((await appoint(street, x.id, area.streetAdmin)).body).toMatchObject({ leader: { userId: x.id }, canAppoint: true });

    // A suspended member cannot be appointed (409), and a suspended leader shows as inactive.
    await t.ds.manager.update(VolunteerEntity, { userId: w.id }, { status: 'suspended' });
    expect(await appoint(teamA, w.id)).toMatchObject({ status: 409, body: { code: 'TEAM_LEADER_NOT_APPROVED' } });
    await t.ds.manager.update(VolunteerEntity, { userId: v.id }, { status: 'suspended' });
    expect((await http.get('/api/volunteers/teams', await as(area.staffA))).body.items[0].leader).toMatchObject({ userId: v.id, active: false });

    const cleared = await appoint(teamA, null);
    expect(cleared.body.leader).toBeNull();
    expect(await notes(v.id, 'volunteer.team_leader_ended')).toHaveLength(1);
  });

  it('the leader starts an activity for their team and sees its roster; check-in stays with staff; a former or suspended leader cannot', async () => {
    const teamA = await team('守望相助情暖夕阳', area.communityA);
    const teamB = await team('乙社区服务队', area.communityB);
    const [v, w, member] = await approvedVolunteers(t, area, 3);
    await join(teamA, v, w, member);
    expect((await http.post('/api/timebank/activities', activity(teamA), v.token)).status).toBe(403);
    await appoint(teamA, v.id);

    const created = await http.post('/api/timebank/activities', activity(teamA), v.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ teamId: teamA, teamName: '守望相助情暖夕阳', creditMinutes: 60, status: 'open' });
    expect(await http.post('/api/timebank/activities', activity(teamA, { creditMinutes: 300 }), v.token))
      .toMatchObject({ status: 422, body: { code: 'ACTIVITY_CREDIT_TOO_LONG' } });
    expect((await http.post('/api/timebank/activities', activity(null), v.token)).status).toBe(403);
    expect((await http.post('/api/timebank/activities', activity(teamB), v.token)).body.code).toBe('ACTIVITY_TEAM_INVALID');

    expect((await http.post(`/api/timebank/activities/${created.body.id}/sign-up`, {}, member.token)).status).toBe(201);
    const roster = await http.get(`/api/timebank/activities/${created.body.id}/attendees`, v.token);
    expect(roster.status).toBe(200);
    expect(roster.body.map((a: { userId: number; status: string }) => [a.userId, a.status])).toEqual([[member.id, 'signed_up']]);
    expect((await http.get(`/api/timebank/activities/${created.body.id}/attendees`, member.token)).status).toBe(403);
    expect((await http.post(`/api/timebank/activities/${created.body.id}/check-in`, { userId: member.id }, v.token)).status).toBe(403);
    expect((await http.post(`/api/timebank/activities/${created.body.id}/credit`, {}, v.token)).status).toBe(403);

    // Another leader is appointed: the former one can neither start an activity nor read the roster.
    await appoint(teamA, w.id);
    expect((await http.post('/api/timebank/activities', activity(teamA), v.token)).status).toBe(403);
    expect((await http.get(`/api/timebank/activities/${created.body.id}/attendees`, v.token)).status).toBe(403);
    expect((await http.get(`/api/timebank/activities/${created.body.id}/attendees`, w.token)).status).toBe(200);

    // A suspended leader cannot act as leader either.
    const row = await t.ds.manager.findOneByOrFail(VolunteerEntity, { userId: w.id });
    expect((await http.post(`/api/volunteers/${row.id}/suspend`, { reason: '暂时外出' }, await as(area.staffA))).status).toBe(200);
    expect((await http.post('/api/timebank/activities', activity(teamA), w.token)).status).toBe(403);
    expect((await http.get(`/api/timebank/activities/${created.body.id}/attendees`, w.token)).status).toBe(403);
  });

  it('two staff appointing at once: the leader before both is told once, the one replaced in between is told too', async () => {
    const staffToken = await as(area.staffA);
    const streetToken = await as(area.streetAdmin);
    for (let round = 0; round < 4; round++) {
      const teamId = await team(`第${round + 1}服务队`, area.communityA);
      const [old, x, y] = await approvedVolunteers(t, area, 3);
      await join(teamId, old, x, y);
      expect((await appoint(teamId, old.id)).status).toBe(200);
      const [a, b] = await Promise.all([
        http.put(`/api/volunteers/teams/${teamId}/leader`, { userId: x.id }, staffToken),
        httpB.put(`/api/volunteers/teams/${teamId}/leader`, { userId: y.id }, streetToken),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const final = Number((await t.ds.manager.findOneByOrFail(VolunteerTeamEntity, { id: teamId })).leaderUserId);
      const between = final === x.id ? y.id : x.id;
      expect(await notes(old.id, 'volunteer.team_leader_ended')).toHaveLength(1);
      expect(await notes(between, 'volunteer.team_leader_ended')).toHaveLength(1);
      expect(await notes(final, 'volunteer.team_leader_ended')).toHaveLength(0);
    }
  });
});
