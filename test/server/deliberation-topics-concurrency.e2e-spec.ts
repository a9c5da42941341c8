import { DIALECTS, type TestApp } from './support/test-app';
import type { api, Res } from './support/http';
import { startTwoApps } from './support/two-apps';
import { freshArea, fridaySeries } from './support/deliberation-fixtures';
import { buildUser, type TestArea } from '../factories/org.factory';
import { TokenService } from '../../server/src/common/auth/token.service';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import {
  DeliberationAgendaCounterEntity, DeliberationAgendaItemEntity, DeliberationTopicEntity, DeliberationTopicSupportEntity,
} from '../../server/src/modules/deliberation/deliberation-topics.entities';
import { DeliberationAgendaPlacement } from '../../server/src/modules/deliberation/deliberation-agenda.placement';

const TOPIC = { title: '文明养犬', problem: '遛狗不牵绳', hope: '定个养犬公约', category: 'pets' };

// Two app instances on ONE database stand for two server processes (SQLite: one temp file, WAL).
describe.each(DIALECTS)('deliberation topics under concurrency on %s', (dialect) => {
  let a: TestApp;
  let b: TestApp;
  let httpA: ReturnType<typeof api>;
  let httpB: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ a, b, httpA, httpB, stop } = await startTwoApps(dialect, 'topics_cc'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(a.ds, httpA, httpB);
  });

  /** Alternate requests between the two "processes". */
  const via = (i: number) => (i % 2 === 0 ? httpA : httpB);
  const staffToken = () => a.app.get(TokenService).issue(area.staffA.id, 'community_staff').token;

  /** `n` residents of community A with tokens (minted directly: logging in is not what is tested). */
  const residents = async (n: number): Promise<{ id: number; token: string }[]> => {
    const values = Array.from({ length: n }, () => buildUser({
      role: 'resident', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA2, unitId: area.unitA2, unitConfirmed: true, unitChosenAt: new Date(),
    }));
    await a.ds.manager.insert(UserEntity, values);
    const users = await a.ds.manager.find(UserEntity, { where: { role: 'resident', gridId: area.gridA2 }, order: { id: 'ASC' } });
    const tokens = a.app.get(TokenService);
    return users.filter((u) => u.id !== area.residentA2.id).slice(-n).map((u) => ({ id: u.id, token: tokens.issue(u.id, 'resident').token }));
  };
  const propose = async (token: string, http = httpA) => {
    const res = await http.post('/api/deliberation/topics', TOPIC, token);
    if (res.status !== 201) throw new Error(`propose -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as number;
  };
  const support = (i: number, id: number, token: string) => via(i).post(`/api/deliberation/topics/${id}/support`, {}, token);
  const withdraw = (i: number, id: number, token: string) => via(i).call('DELETE', `/api/deliberation/topics/${id}/support`, { token });
  const settings = async (supportThreshold: number, agendaSlots: number) => {
    expect((await httpA.put('/api/deliberation/settings', { supportThreshold, agendaSlots }, staffToken())).status).toBe(200);
  };
  const sessions = async (): Promise<number[]> => {
    const res = await httpA.post('/api/deliberation/series', fridaySeries(30, 5), staffToken());
    expect(res.status).toBe(201);
    return (await a.ds.manager.find(DeliberationSessionEntity, { where: { seriesId: res.body.id }, order: { startsAt: 'ASC' } })).map((s) => s.id);
  };
  const topic = (id: number) => a.ds.manager.findOneByOrFail(DeliberationTopicEntity, { id });
  const supportRows = (topicId: number) => a.ds.manager.count(DeliberationTopicSupportEntity, { where: { topicId } });
  const statuses = (answers: Res[]) => answers.map((r) => r.status).sort();

  /** No session holds more items than slots, positions are 1..n, each topic is on one agenda at most, counters agree. */
  const assertAgendasSound = async (slots: number) => {
    const items = await a.ds.manager.find(DeliberationAgendaItemEntity, { order: { sessionId: 'ASC', position: 'ASC' } });
    const bySession = new Map<number, number[]>();
    for (const i of items) bySession.set(i.sessionId, [...(bySession.get(i.sessionId) ?? []), i.position]);
    for (const positions of bySession.values()) {
      expect(positions.length).toBeLessThanOrEqual(slots);
      expect(positions).toEqual(positions.map((_, k) => k + 1));
    }
    const topicIds = items.map((i) => i.topicId).filter((x) => x !== null);
    expect(new Set(topicIds).size).toBe(topicIds.length);
    const counters = await a.ds.manager.find(DeliberationAgendaCounterEntity);
    for (const c of counters) expect(c.itemCount).toBe(bySession.get(c.sessionId)?.length ?? 0);
    const onAgenda = await a.ds.manager.count(DeliberationTopicEntity, { where: { status: 'on_agenda' } });
    expect(onAgenda).toBe(topicIds.length);
    return items;
  };

  it('one resident supporting 50 times at once through two processes: one support, 49 refused with a code, no 5xx', async () => {
    const [proposer, neighbour] = await residents(2);
    const id = await propose(proposer.token);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => support(i, id, neighbour.token)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(49);
    expect(refused.every((r) => r.status === 409 && r.body.code === 'TOPIC_ALREADY_SUPPORTED')).toBe(true);
    expect((await topic(id)).supportCount).toBe(2);
    expect(await supportRows(id)).toBe(2);
  });

  it('100 residents supporting at once: the count is exact (100 + the proposer), the topic queues once, one notice', async () => {
    const [proposer, ...people] = await residents(101);
    const id = await propose(proposer.token);
    const answers = await Promise.all(people.map((p, i) => support(i, id, p.token)));
    expect(statuses(answers)).toEqual(Array(100).fill(200));
    const row = await topic(id);
    expect(row.supportCount).toBe(101);
    expect(await supportRows(id)).toBe(101);
    expect(row.status).toBe('queued');
    expect(await a.ds.manager.count(NotificationEntity, { where: { userId: proposer.id, type: 'deliberation.topic_queued' } })).toBe(1);
  });

  it('supports and withdrawals racing each other leave the count equal to the support rows', async () => {
    await settings(1000, 3);
    const [proposer, ...people] = await residents(81);
    const id = await propose(proposer.token);
    const first = people.slice(0, 40);
    await Promise.all(first.map((p, i) => support(i, id, p.token)));
    // 40 withdraw while 40 others support, interleaved, and each of the 40 withdrawers withdraws twice.
    const mixed = await Promise.all([
      ...first.map((p, i) => withdraw(i, id, p.token)),
      ...people.slice(40).map((p, i) => support(i + 1, id, p.token)),
      ...first.map((p, i) => withdraw(i + 1, id, p.token)),
    ]);
    expect(mixed.every((r) => r.status === 200 || (r.status === 409 && r.body.code === 'TOPIC_NOT_SUPPORTED'))).toBe(true);
    expect(mixed.filter((r) => r.status === 200)).toHaveLength(80);
    expect((await topic(id)).supportCount).toBe(41);
    expect(await supportRows(id)).toBe(41);
  });

  it('20 topics reaching the threshold at once through two processes fill 4 sessions of 3 slots, never more', async () => {
    await settings(1, 3);
    const ids = await sessions();
    const people = await residents(20);
    // Threshold 1: each proposal queues at once and runs placement, all at the same time.
    const created = await Promise.all(people.map((p, i) => via(i).post('/api/deliberation/topics', TOPIC, p.token)));
    expect(statuses(created)).toEqual(Array(20).fill(201));
    // Whatever the interleaving, a later placement run fills any slot a lost race left free.
    await Promise.all([a.app.get(DeliberationAgendaPlacement).placeQueue(area.communityA, new Date()), b.app.get(DeliberationAgendaPlacement).placeQueue(area.communityA, new Date())]);
    const items = await assertAgendasSound(3);
    expect(items).toHaveLength(12);
    expect(new Set(items.map((i) => i.sessionId))).toEqual(new Set(ids));
    expect(await a.ds.manager.count(DeliberationTopicEntity, { where: { status: 'queued' } })).toBe(8);
  });

  it('the placement run by two processes at once places each queued topic once, in support order, within the slots', async () => {
    await settings(2, 2);
    const people = await residents(12);
    const topicIds: number[] = [];
    // 6 topics queued before any session exists, with 2..7 supports.
    for (let k = 0; k < 6; k++) {
      const id = await propose(people[k].token);
      for (let s = 0; s <= k; s++) expect((await support(s, id, people[6 + s].token)).status).toBe(200);
      topicIds.push(id);
    }
    const ids = await sessions();
    const placements = [a, b, a, b].map((app) => app.app.get(DeliberationAgendaPlacement).placeQueue(area.communityA, new Date()));
    const placed = await Promise.all(placements);
    expect(placed.reduce((x, y) => x + y, 0)).toBe(6);
    const items = await assertAgendasSound(2);
    expect(items.map((i) => [i.sessionId, i.topicId])).toEqual([
      [ids[0], topicIds[5]], [ids[0], topicIds[4]], [ids[1], topicIds[3]], [ids[1], topicIds[2]], [ids[2], topicIds[1]], [ids[2], topicIds[0]],
    ]);
    expect(await a.ds.manager.count(NotificationEntity, { where: { type: 'deliberation.topic_on_agenda' } })).toBe(6);
  });

  it('staff adding 10 items to one session at once through two processes: exactly the 3 slots, the rest AGENDA_FULL', async () => {
    const [session] = await sessions();
    const token = staffToken();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => via(i).post(`/api/deliberation/sessions/${session}/agenda`, { title: `议程${i}` }, token)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(3);
    expect(answers.filter((r) => r.status === 409 && r.body.code === 'AGENDA_FULL')).toHaveLength(7);
    const items = await assertAgendasSound(3);
    expect(items.map((i) => i.position)).toEqual([1, 2, 3]);
  });
});
