import { DIALECTS } from './support/test-app';
import { appWithFreshArea } from './support/area-suite';
import { createSessionVia } from './support/deliberation-fixtures';
import { createUser } from '../factories/org.factory';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import {
  DeliberationRegistrationEntity, DeliberationRepresentativeEntity, DeliberationSessionEntity,
} from '../../server/src/modules/deliberation/deliberation.entities';
import { AuditLogEntity } from '../../server/src/modules/audit/audit-log.entity';

const TOPIC = { title: '楼道灯不亮', problem: '晚上楼道太黑', hope: '换成声控灯', category: 'facilities' };
const NOT_CONFIRMED = { code: 'UNIT_NOT_CONFIRMED', message: '您的住址还没有经网格员确认，确认后才能投票' };

// Issue 10: a resident whose unit nobody confirmed may raise concerns, but not vote, support or propose topics, or take
// a reserved (居民代表) seat; confirmation by the grid worker lifts that; moving unit takes it away again.
describe.each(DIALECTS)('unit confirmation gates deliberation on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'unitconf');
  const as = (u: { id: number }) => http.as(u);

  /** A newcomer in community A (grid A1, which has a worker) who chose a unit nobody confirmed yet. */
  const newcomer = () => createUser(t.ds, {
    role: 'resident', name: '新搬来的赵姐', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1b,
    unitConfirmed: false, unitChosenAt: new Date(),
  });
  const confirm = async (resident: { id: number }) => {
    const res = await http.post(`/api/org/residents/${resident.id}/confirm`, {}, await as(area.workerA1));
    expect(res.status).toBe(200);
  };
  const proposeTopic = async (who: { id: number }) =>
    http.post('/api/deliberation/topics', TOPIC, await as(who), { 'idempotency-key': `k-${who.id}-${Date.now()}-${Math.random()}` });
  /** A session of community A with an open vote for everyone in the community; returns the ids. */
  const openVote = async (reserved = 0) => {
    const sessionId = await createSessionVia(http, t.ds, await as(area.staffA), 10, reserved);
    const item = await http.post(`/api/deliberation/sessions/${sessionId}/agenda`, { title: '楼道照明' }, await as(area.staffA));
    expect(item.status).toBe(201);
    const vote = await http.post(`/api/deliberation/agenda-items/${item.body.id}/votes`, {
      question: '换声控灯吗？', options: ['换', '不换'], eligibility: 'community', closesAt: new Date(Date.now() + 3600_000).toISOString(),
    }, await as(area.staffA));
    expect(vote.status).toBe(201);
    return { sessionId, voteId: vote.body.id as number, optionId: vote.body.options[0].id as number };
  };

  it('refuses an unconfirmed resident a vote, a support and a new topic with 403, but takes their concern', async () => {
    const who = await newcomer();
    const { voteId, optionId } = await openVote();
    const ballot = await http.post(`/api/deliberation/votes/${voteId}/ballot`, { optionIds: [optionId] }, await as(who));
    expect(ballot.status).toBe(403);
    expect(ballot.body).toMatchObject(NOT_CONFIRMED);

    const topic = await proposeTopic(area.residentA1);
    expect(topic.status).toBe(201);
    const support = await http.post(`/api/deliberation/topics/${topic.body.id}/support`, {}, await as(who));
    expect(support.status).toBe(403);
    expect(support.body).toMatchObject(NOT_CONFIRMED);
    const own = await proposeTopic(who);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('UNIT_NOT_CONFIRMED');

    const concern = await http.post('/api/concerns', { category: 'facilities', text: '楼道灯坏了' }, await as(who));
    expect(concern.status).toBe(201);
    expect(concern.body.unconfirmed).toBe(true);
  });

  it('lets the same resident vote, support and propose once their grid worker confirmed the unit (audited as unit.confirm)', async () => {
    const who = await newcomer();
    const { voteId, optionId } = await openVote();
    const topic = await proposeTopic(area.residentA1);
    await confirm(who);
    expect((await http.get('/api/me', await as(who))).body.unit.confirmed).toBe(true);
    expect((await http.post(`/api/deliberation/votes/${voteId}/ballot`, { optionIds: [optionId] }, await as(who))).status).toBe(201);
    expect((await http.post(`/api/deliberation/topics/${topic.body.id}/support`, {}, await as(who))).status).toBe(200);
    expect((await proposeTopic(who)).status).toBe(201);
    const audit = await t.ds.manager.find(AuditLogEntity, { where: { action: 'unit.confirm', subjectUserId: who.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].actorId).toBe(area.workerA1.id);
  });

  it('gives an unconfirmed representative an open seat, never a reserved one; confirmed, the reserved seat is theirs', async () => {
    const rep = await newcomer();
    const confirmedRep = area.residentA1;
    for (const r of [rep, confirmedRep]) {
      expect((await http.post('/api/deliberation/representatives', { userId: r.id }, await as(area.staffA))).status).toBe(200);
    }
    const { sessionId } = await openVote(2);
    const mine = await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(rep));
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ status: 'confirmed', seatKind: 'open' });
    const theirs = await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(confirmedRep));
    expect(theirs.body).toMatchObject({ status: 'confirmed', seatKind: 'reserved' });
    const session = await t.ds.manager.findOneByOrFail(DeliberationSessionEntity, { id: sessionId });
    expect(session.reservedTaken).toBe(1);

    // After confirmation, signing up again (after cancelling) takes a reserved seat.
    await confirm(rep);
    expect((await http.post(`/api/deliberation/sessions/${sessionId}/withdraw`, {}, await as(rep))).status).toBe(200);
    const again = await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(rep));
    expect(again.body).toMatchObject({ status: 'confirmed', seatKind: 'reserved' });
  });

  it('makes a resident unconfirmed again when they move, and releases their seats and representative flag in the old community', async () => {
    const mover = area.residentA1;
    const stays = await createUser(t.ds, {
      role: 'resident', name: '等候的钱叔', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true,
    });
    expect((await http.post('/api/deliberation/representatives', { userId: mover.id }, await as(area.staffA))).status).toBe(200);
    const sessionId = await createSessionVia(http, t.ds, await as(area.staffA), 1, 0);
    expect((await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(mover))).body.status).toBe('confirmed');
    expect((await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(stays))).body.status).toBe('waitlisted');

    // Within the community: unconfirmed again, cannot vote; the registration in their own community stays.
    const moved = await http.put('/api/me/unit', { unitId: area.unitA1b }, await as(mover));
    expect(moved.body.unit).toMatchObject({ unitId: area.unitA1b, confirmed: false });
    const { voteId, optionId } = await openVote();
    const refused = await http.post(`/api/deliberation/votes/${voteId}/ballot`, { optionIds: [optionId] }, await as(mover));
    expect(refused.body.code).toBe('UNIT_NOT_CONFIRMED');
    expect((await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { sessionId, userId: mover.id })).status).toBe('confirmed');

    // To another community: the old community's seat goes to the waiting resident, the representative flag is gone.
    const away = await http.put('/api/me/unit', { unitId: area.unitB1 }, await as(mover));
    expect(away.body.unit).toMatchObject({ communityId: area.communityB, confirmed: false });
    expect((await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { sessionId, userId: mover.id })).status).toBe('cancelled');
    expect((await t.ds.manager.findOneByOrFail(DeliberationRegistrationEntity, { sessionId, userId: stays.id })).status).toBe('confirmed');
    expect(await t.ds.manager.count(DeliberationRepresentativeEntity, { where: { userId: mover.id } })).toBe(0);
    const row = await t.ds.manager.findOneByOrFail(UserEntity, { id: mover.id });
    expect(row).toMatchObject({ communityId: area.communityB, unitConfirmed: false, unitConfirmedBy: null });
  });

  it('lets staff see and confirm unconfirmed residents, each read written to the audit log about that resident', async () => {
    const who = await newcomer();
    const list = await http.get('/api/org/residents/unconfirmed', await as(area.workerA1));
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([who.id]);
    const reads = await t.ds.manager.find(AuditLogEntity, { where: { action: 'personal_data.read', subjectUserId: who.id } });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorId: area.workerA1.id, streetId: area.streetId });
  });
});
