import { DIALECTS, startTestApp, type TestApp } from './support/test-app';
import { ownConfig } from './support/own-database';
import { api } from './support/http';
import { freshArea, fridaySeries } from './support/deliberation-fixtures';
import { createUser, type TestArea } from '../factories/org.factory';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import {
  DeliberationAgendaCounterEntity, DeliberationAgendaItemEntity, DeliberationTopicEntity, DeliberationTopicSupportEntity,
} from '../../server/src/modules/deliberation/deliberation-topics.entities';
import { DeliberationTopicsJobs } from '../../server/src/modules/deliberation/deliberation-topics.jobs';

const HOUR = 3600_000;
const FRIDAY = fridaySeries(30, 5);
const TOPIC = { title: '文明养犬', problem: '小区里遛狗不牵绳，孩子被吓到', hope: '大家一起定个养犬公约', category: 'pets' };

describe.each(DIALECTS)('deliberation topics, triage and agendas on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let area: TestArea;
  const as = (user: { id: number }) => http.as(user);
  let n = 0;
  const resident = (community: 'A' | 'B' = 'A') =>
    createUser(t.ds, {
      role: 'resident', name: `居民${++n}`, streetId: area.streetId, unitConfirmed: true, unitChosenAt: new Date(),
      ...(community === 'A'
        ? { communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1 }
        : { communityId: area.communityB, gridId: area.gridB1, unitId: area.unitB1 }),
    });
  const residents = async (k: number) => {
    const out = [];
    for (let i = 0; i < k; i++) out.push(await resident());
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp(await ownConfig(dialect, 'topics'));
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    area = await freshArea(t.ds, http);
    // Issue 10: only a confirmed resident supports topics; the neighbour who supports here has had their unit confirmed.
    await t.ds.manager.update(UserEntity, { id: area.residentA2.id }, { unitConfirmed: true, unitConfirmedBy: area.staffA.id });
  });

  const propose = async (who: { id: number }, extra: Record<string, unknown> = {}) => {
    const res = await http.post('/api/deliberation/topics', { ...TOPIC, ...extra }, await as(who));
    if (res.status !== 201) throw new Error(`propose -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; [k: string]: any };
  };
  const support = async (who: { id: number }, id: number) => http.post(`/api/deliberation/topics/${id}/support`, {}, await as(who));
  const withdraw = async (who: { id: number }, id: number) => http.call('DELETE', `/api/deliberation/topics/${id}/support`, { token: await as(who) });
  const detail = async (who: { id: number }, id: number) => http.get(`/api/deliberation/topics/${id}`, await as(who));
  const staff = async (path: string, body: unknown, who: { id: number } = area.staffA) => http.post(`/api/deliberation/topics/${path}`, body, await as(who));
  const settings = async (supportThreshold: number, agendaSlots: number) => {
    const res = await http.put('/api/deliberation/settings', { supportThreshold, agendaSlots }, await as(area.staffA));
    expect(res.status).toBe(200);
  };
  /** The community's series: 4 upcoming Friday sessions; their ids soonest first. */
  const sessions = async (): Promise<number[]> => {
    const res = await http.post('/api/deliberation/series', FRIDAY, await as(area.staffA));
    expect(res.status).toBe(201);
    const rows = await t.ds.manager.find(DeliberationSessionEntity, { where: { seriesId: res.body.id }, order: { startsAt: 'ASC' } });
    return rows.map((s) => s.id);
  };
  const agenda = async (sessionId: number, who: { id: number } = area.residentA1) => http.get(`/api/deliberation/sessions/${sessionId}/agenda`, await as(who));
  const runJob = () => t.app.get(DeliberationTopicsJobs).run(new Date());
  const notices = (userId: number, type: string) => t.ds.manager.find(NotificationEntity, { where: { userId, type }, order: { id: 'ASC' } });
  const concern = async (who: { id: number }, isPublic: boolean, text: string) => {
    const res = await http.post('/api/concerns', { category: 'pets', text, isPublic }, await as(who));
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  describe('settings', () => {
    it('defaults to a threshold of 5 and 3 agenda slots; staff change them for their own community only', async () => {
      const get = await http.get('/api/deliberation/settings', await as(area.staffA));
      expect(get.body).toEqual({ communityId: area.communityA, supportThreshold: 5, agendaSlots: 3, customised: false });
      const put = await http.put('/api/deliberation/settings', { supportThreshold: 2, agendaSlots: 4 }, await as(area.staffA));
      expect(put.body).toEqual({ communityId: area.communityA, supportThreshold: 2, agendaSlots: 4, customised: true });
      // Saved again (the row exists): updated, not duplicated.
      expect((await http.put('/api/deliberation/settings', { supportThreshold: 3, agendaSlots: 4 }, await as(area.staffA))).body.supportThreshold).toBe(3);
      expect((await http.get('/api/deliberation/settings', await as(area.staffB))).body).toMatchObject({ communityId: area.communityB, supportThreshold: 5, customised: false });
      // Residents read the threshold through topic answers.
      expect((await http.get('/api/deliberation/topics', await as(area.residentA1))).body.threshold).toBe(3);
    });

    it('rejects bad settings with VALIDATION_FAILED and residents with 403', async () => {
      const token = await as(area.staffA);
      for (const bad of [{ supportThreshold: 0, agendaSlots: 3 }, { supportThreshold: 5, agendaSlots: 21 }, { supportThreshold: 5 }, { supportThreshold: 5, agendaSlots: 3, x: 1 }, { supportThreshold: 2.5, agendaSlots: 3 }]) {
        const res = await http.put('/api/deliberation/settings', bad, token);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
      expect((await http.put('/api/deliberation/settings', { supportThreshold: 2, agendaSlots: 3 }, await as(area.residentA1))).status).toBe(403);
      expect((await http.get('/api/deliberation/settings', await as(area.residentA1))).status).toBe(403);
    });
  });

  describe('proposing', () => {
    it('a resident proposes a topic: proposed, their own support counts, shared by its in-app path', async () => {
      const topic = await propose(area.residentA1);
      expect(topic).toMatchObject({
        title: '文明养犬', problem: TOPIC.problem, hope: TOPIC.hope, category: 'pets', categoryText: '宠物', status: 'proposed', statusText: '征集支持中',
        supportCount: 1, threshold: 5, supportedByMe: true, mine: true, proposerName: '张大姐', agenda: null, linkedConcerns: [], mergedInto: null,
        mergedFrom: [], declineReason: null, autoPlace: true, sharePath: `/packages/deliberation/topic/index?id=${topic.id}`,
      });
      const neighbour = await detail(area.residentA2, topic.id);
      expect(neighbour.body).toMatchObject({ supportedByMe: false, mine: false, supportCount: 1 });
    });

    it('rejects invalid topics with VALIDATION_FAILED naming the field, and callers who may not propose', async () => {
      const token = await as(area.residentA1);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...TOPIC, title: '  ' }, 'title'],
        [{ ...TOPIC, title: 'x'.repeat(51) }, 'title'],
        [{ ...TOPIC, problem: '' }, 'problem'],
        [{ ...TOPIC, hope: undefined }, 'hope'],
        [{ ...TOPIC, category: 'weather' }, 'category'],
        [{ ...TOPIC, concernIds: [1, 1] }, 'concernIds'],
        [{ ...TOPIC, concernIds: Array.from({ length: 11 }, (_, i) => i + 1) }, 'concernIds'],
        [{ ...TOPIC, concernIds: [0] }, 'concernIds.0'],
        [{ ...TOPIC, extra: true }, ''],
      ];
      for (const [body, path] of cases) {
        const res = await http.post('/api/deliberation/topics', body, token);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
        expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect((await http.post('/api/deliberation/topics', TOPIC, await as(area.staffA))).status).toBe(403);
      const noUnit = await http.post('/api/deliberation/topics', TOPIC, await as(area.residentNoUnit));
      expect({ status: noUnit.status, code: noUnit.body.code }).toEqual({ status: 422, code: 'UNIT_REQUIRED' });
      expect(await t.ds.manager.count(DeliberationTopicEntity)).toBe(0);
    });

    it('links only concerns of the own community the proposer can see: their own or public ones', async () => {
      const own = await concern(area.residentA1, false, '我家楼下总有狗叫');
      const publicOne = await concern(area.residentA2, true, '草坪上狗粪没人清理');
      const othersPrivate = await concern(area.residentA2, false, '邻居家的狗半夜叫');
      const otherCommunity = await concern(area.residentB1, true, '乙社区的狗');
      for (const ids of [[othersPrivate], [otherCommunity], [own, 999999]]) {
        const res = await http.post('/api/deliberation/topics', { ...TOPIC, concernIds: ids }, await as(area.residentA1));
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'TOPIC_CONCERN_INVALID' });
      }
      const topic = await propose(area.residentA1, { concernIds: [own, publicOne] });
      expect(topic.linkedConcerns).toEqual([
        { id: own, title: '我家楼下总有狗叫', category: 'pets' },
        { id: publicOne, title: '草坪上狗粪没人清理', category: 'pets' },
      ]);
      // A neighbour sees the public concern only; staff see both.
      expect((await detail(await resident(), topic.id)).body.linkedConcerns.map((c: { id: number }) => c.id)).toEqual([publicOne]);
      expect((await detail(area.staffA, topic.id)).body.linkedConcerns.map((c: { id: number }) => c.id)).toEqual([own, publicOne]);
    });

    it('a double tap with one Idempotency-Key creates one topic and answers the same', async () => {
      const token = await as(area.residentA1);
      const headers = { 'idempotency-key': 'topic-key-0001' };
      const first = await http.post('/api/deliberation/topics', TOPIC, token, headers);
      const second = await http.post('/api/deliberation/topics', TOPIC, token, headers);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body.id).toBe(first.body.id);
      expect(await t.ds.manager.count(DeliberationTopicEntity)).toBe(1);
      const reused = await http.post('/api/deliberation/topics', { ...TOPIC, title: '别的议题' }, token, headers);
      expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    });
  });

  describe('lists and access', () => {
    it('lists my community only, filtered by status and mine, sorted by support or newest, page by page', async () => {
      const [r1, r2, r3] = await residents(3);
      const a = await propose(r1, { title: '议题甲' });
      const b = await propose(r2, { title: '议题乙' });
      const c = await propose(r3, { title: '议题丙' });
      await propose(area.residentB1, { title: '乙社区议题' });
      for (const who of [r1, r3]) expect((await support(who, b.id)).status).toBe(200);
      expect((await support(r1, c.id)).status).toBe(200);
      await staff(`${a.id}/decline`, { reason: '已由物业处理' });

      const token = await as(r1);
      const bySupport = (await http.get('/api/deliberation/topics', token)).body;
      expect(bySupport.items.map((i: { id: number }) => i.id)).toEqual([b.id, c.id, a.id]);
      expect(bySupport.items[0]).toMatchObject({ supportCount: 3, supportedByMe: true, mine: false, threshold: 5, proposerName: r2.name });
      expect(bySupport.items[2]).toMatchObject({ status: 'declined', statusText: '未采纳', mine: true });
      const newest = (await http.get('/api/deliberation/topics?sort=newest', token)).body;
      expect(newest.items.map((i: { id: number }) => i.id)).toEqual([c.id, b.id, a.id]);
      expect((await http.get('/api/deliberation/topics?status=declined', token)).body.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
      expect((await http.get('/api/deliberation/topics?mine=true', token)).body.items.map((i: { id: number }) => i.id)).toEqual([a.id]);

      const p1 = (await http.get('/api/deliberation/topics?limit=2', token)).body;
      expect(p1.items.map((i: { id: number }) => i.id)).toEqual([b.id, c.id]);
      const p2 = (await http.get(`/api/deliberation/topics?limit=2&cursor=${p1.nextCursor}`, token)).body;
      expect(p2).toMatchObject({ nextCursor: null });
      expect(p2.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
      const n1 = (await http.get('/api/deliberation/topics?sort=newest&limit=1', token)).body;
      const n2 = (await http.get(`/api/deliberation/topics?sort=newest&limit=1&cursor=${n1.nextCursor}`, token)).body;
      expect([n1.items[0].id, n2.items[0].id]).toEqual([c.id, b.id]);

      for (const q of ['status=open', 'sort=oldest', 'limit=0', 'cursor=%21%21', 'x=1']) {
        const res = await http.get(`/api/deliberation/topics?${q}`, token);
        expect({ q, status: res.status, code: res.body.code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
      }
      // Grid workers and staff of the community read the list too.
      expect((await http.get('/api/deliberation/topics', await as(area.workerA1))).body.items).toHaveLength(3);
      expect((await http.get('/api/deliberation/topics', await as(area.residentB1))).body.items.map((i: { title: string }) => i.title)).toEqual(['乙社区议题']);
    });

    it('a topic of another community is not found, for reading, supporting and triage', async () => {
      const topic = await propose(area.residentA1);
      for (const res of [
        await detail(area.residentB1, topic.id),
        await support(area.residentB1, topic.id),
        await staff(`${topic.id}/decline`, { reason: '不行' }, area.staffB),
        await detail(area.residentA1, 999999),
      ]) {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'TOPIC_NOT_FOUND' });
      }
      expect((await http.get('/api/deliberation/topics/abc', await as(area.residentA1))).status).toBe(400);
    });

    it('residents and grid workers cannot triage (403); staff cannot support (403)', async () => {
      const topic = await propose(area.residentA1);
      const [session] = await sessions();
      for (const who of [area.residentA2, area.workerA1]) {
        expect((await staff(`${topic.id}/schedule`, { sessionId: session }, who)).status).toBe(403);
        expect((await staff(`${topic.id}/decline`, { reason: '不行' }, who)).status).toBe(403);
        expect((await staff(`${topic.id}/merge`, { targetTopicId: topic.id }, who)).status).toBe(403);
        expect((await http.get('/api/deliberation/topics/queue', await as(who))).status).toBe(403);
        expect((await http.post(`/api/deliberation/sessions/${session}/agenda`, { title: '议程' }, await as(who))).status).toBe(403);
      }
      expect((await support(area.staffA, topic.id)).status).toBe(403);
      expect((await detail(area.residentA1, topic.id)).body.status).toBe('proposed');
    });
  });

  describe('support', () => {
    it('one support per resident; withdrawing is allowed until the topic is on an agenda', async () => {
      const topic = await propose(area.residentA1);
      const first = await support(area.residentA2, topic.id);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ supportCount: 2, supportedByMe: true });
      const again = await support(area.residentA2, topic.id);
      expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'TOPIC_ALREADY_SUPPORTED' });
      const own = await support(area.residentA1, topic.id);
      expect(own.body.code).toBe('TOPIC_ALREADY_SUPPORTED');

      const out = await withdraw(area.residentA2, topic.id);
      expect(out.status).toBe(200);
      expect(out.body).toMatchObject({ supportCount: 1, supportedByMe: false });
      const twice = await withdraw(area.residentA2, topic.id);
      expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'TOPIC_NOT_SUPPORTED' });
      expect(await t.ds.manager.count(DeliberationTopicSupportEntity, { where: { topicId: topic.id } })).toBe(1);

      const [session] = await sessions();
      expect((await support(area.residentA2, topic.id)).status).toBe(200);
      expect((await staff(`${topic.id}/schedule`, { sessionId: session }, area.staffA)).body.status).toBe('on_agenda');
      const locked = await withdraw(area.residentA2, topic.id);
      expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 409, code: 'TOPIC_SUPPORT_LOCKED' });
      // Late neighbours may still add their support to a topic on the agenda.
      const late = await support(await resident(), topic.id);
      expect(late.body).toMatchObject({ status: 'on_agenda', supportCount: 3 });
    });

    it('reaching the threshold queues the topic and tells the proposer; falling below it un-queues it', async () => {
      await settings(3, 3);
      const topic = await propose(area.residentA1);
      const [r2, r3] = await residents(2);
      expect((await support(r2, topic.id)).body.status).toBe('proposed');
      const reached = await support(r3, topic.id);
      expect(reached.body).toMatchObject({ status: 'queued', statusText: '排队待上会', supportCount: 3, threshold: 3 });
      expect(await notices(area.residentA1.id, 'deliberation.topic_queued')).toHaveLength(1);
      expect((await withdraw(r3, topic.id)).body).toMatchObject({ status: 'proposed', supportCount: 2 });
      expect((await support(r3, topic.id)).body.status).toBe('queued');
      // With no session in sight it waits in the queue.
      const queue = await http.get('/api/deliberation/topics/queue', await as(area.staffA));
      expect(queue.body).toMatchObject({ threshold: 3, agendaSlots: 3, nextSession: null });
      expect(queue.body.items).toEqual([expect.objectContaining({ id: topic.id, queuePosition: 1, autoPlace: true })]);
    });

    it('lowering the threshold queues the proposed topics that now reach it', async () => {
      const topic = await propose(area.residentA1);
      await support(area.residentA2, topic.id);
      await settings(2, 3);
      expect((await detail(area.residentA1, topic.id)).body).toMatchObject({ status: 'queued', threshold: 2 });
      expect(await notices(area.residentA1.id, 'deliberation.topic_queued')).toHaveLength(1);
    });
  });

  describe('placement on agendas', () => {
    it('queued topics go to the next sessions with space, most supported first, never past the slots; proposers get the date', async () => {
      await settings(2, 2);
      const people = await residents(6);
      // Five topics with 2..6 supports, queued before any session exists.
      const topics: number[] = [];
      for (let i = 0; i < 5; i++) {
        const topic = await propose(people[i], { title: `议题${i + 1}` });
        for (let k = 0; k <= i; k++) await support(people[(i + k + 1) % 6], topic.id);
        topics.push(topic.id);
      }
      const queue = (await http.get('/api/deliberation/topics/queue', await as(area.staffA))).body;
      expect(queue.items.map((q: { id: number }) => q.id)).toEqual([...topics].reverse());

      const ids = await sessions();
      expect(await runJob()).toBe('discussed 0, returned 0, placed 5');
      const items = await t.ds.manager.find(DeliberationAgendaItemEntity, { order: { sessionId: 'ASC', position: 'ASC' } });
      expect(items.map((i) => [i.sessionId, i.position, i.topicId])).toEqual([
        [ids[0], 1, topics[4]], [ids[0], 2, topics[3]], [ids[1], 1, topics[2]], [ids[1], 2, topics[1]], [ids[2], 1, topics[0]],
      ]);
      const counters = await t.ds.manager.find(DeliberationAgendaCounterEntity, { order: { sessionId: 'ASC' } });
      expect(counters.map((c) => [c.sessionId, c.itemCount])).toEqual([[ids[0], 2], [ids[1], 2], [ids[2], 1], [ids[3], 0]]);

      const top = (await detail(people[4], topics[4])).body;
      expect(top).toMatchObject({ status: 'on_agenda', statusText: '已列入议程', agenda: { sessionId: ids[0], position: 1, sessionPlace: '小区凉亭' } });
      const [notice] = await notices(people[4].id, 'deliberation.topic_on_agenda');
      expect(notice.body).toMatch(/^您提出的议题「议题5」已列入\d\d月\d\d日 17:00的议事（小区凉亭）/);
      expect(notice.link).toBe(`/packages/deliberation/topic/index?id=${topics[4]}`);

      // The first session is full: a staff item without a topic is refused there, accepted on the third.
      const full = await http.post(`/api/deliberation/sessions/${ids[0]}/agenda`, { title: '物业费公示' }, await as(area.staffA));
      expect({ status: full.status, code: full.body.code }).toEqual({ status: 409, code: 'AGENDA_FULL' });
      expect((await http.post(`/api/deliberation/sessions/${ids[2]}/agenda`, { title: '物业费公示' }, await as(area.staffA))).status).toBe(201);
      // A newly queued topic takes the next free slot at once (the fourth session), without waiting for the job.
      const late = await propose(people[5], { title: '晚到的议题' });
      const placed = await support(people[0], late.id);
      expect(placed.body).toMatchObject({ status: 'on_agenda', agenda: { sessionId: ids[3], position: 1 } });
      expect(await notices(people[5].id, 'deliberation.topic_queued')).toHaveLength(1);
      expect(await t.ds.manager.count(DeliberationAgendaItemEntity)).toBe(7);
    });

    it('a topic reaching the threshold while a session has space is placed at once', async () => {
      await settings(2, 3);
      const [session] = await sessions();
      const topic = await propose(area.residentA1);
      await support(area.residentA2, topic.id);
      const d = (await detail(area.residentA1, topic.id)).body;
      expect(d).toMatchObject({ status: 'on_agenda', agenda: { sessionId: session, position: 1 } });
      const list = (await agenda(session)).body;
      expect(list).toMatchObject({ sessionId: session, agendaSlots: 3 });
      expect(list.items).toEqual([
        expect.objectContaining({
          topicId: topic.id, position: 1, title: '文明养犬', whereText: '小区凉亭', whatText: `${TOPIC.problem}\n希望：${TOPIC.hope}`,
          who: { parties: ['residents_committee', 'representatives'], partyTexts: ['居委会', '居民代表'], others: '' },
          howText: '充分讨论后举手或线上表决', carriedOutText: '', topicStatus: 'on_agenda', topicSupportCount: 2,
        }),
      ]);
      expect(await notices(area.residentA1.id, 'deliberation.topic_queued')).toHaveLength(1);
      expect(await notices(area.residentA1.id, 'deliberation.topic_on_agenda')).toHaveLength(1);
    });

    it('staff keep a topic out of automatic placement, and hand it back', async () => {
      await settings(2, 3);
      const topic = await propose(area.residentA1);
      await support(area.residentA2, topic.id);
      expect((await staff(`${topic.id}/auto-place`, { enabled: false })).body).toMatchObject({ status: 'queued', autoPlace: false });
      await sessions();
      await runJob();
      expect((await detail(area.residentA1, topic.id)).body.status).toBe('queued');
      expect((await http.get('/api/deliberation/topics/queue', await as(area.staffA))).body.items[0]).toMatchObject({ queuePosition: 0, autoPlace: false });
      expect((await staff(`${topic.id}/auto-place`, { enabled: true })).body).toMatchObject({ status: 'on_agenda', autoPlace: true });
      const bad = await staff(`${topic.id}/auto-place`, { enabled: true });
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 409, code: 'TOPIC_ILLEGAL_TRANSITION' });
    });
  });

  describe('triage', () => {
    it('staff put a proposed topic on a chosen session; a second time, or on a cancelled or foreign session, is refused', async () => {
      const topic = await propose(area.residentA1);
      const [first, second] = await sessions();
      const res = await staff(`${topic.id}/schedule`, { sessionId: second });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'on_agenda', supportCount: 1, agenda: { sessionId: second, position: 1 } });
      const [notice] = await notices(area.residentA1.id, 'deliberation.topic_on_agenda');
      expect(notice.title).toBe('议题已列入议程');
      const again = await staff(`${topic.id}/schedule`, { sessionId: first });
      expect({ status: again.status, code: again.body.code, current: again.body.status }).toEqual({ status: 409, code: 'TOPIC_ILLEGAL_TRANSITION', current: 'on_agenda' });

      const other = await propose(area.residentA2);
      expect((await http.post(`/api/deliberation/sessions/${first}/cancel`, { reason: '下雨' }, await as(area.staffA))).status).toBe(200);
      const cancelled = await staff(`${other.id}/schedule`, { sessionId: first });
      expect({ status: cancelled.status, code: cancelled.body.code }).toEqual({ status: 409, code: 'SESSION_CANCELLED' });
      const bSeries = await http.post('/api/deliberation/series', FRIDAY, await as(area.staffB));
      const bSession = await t.ds.manager.findOneOrFail(DeliberationSessionEntity, { where: { seriesId: bSeries.body.id } });
      const foreign = await staff(`${other.id}/schedule`, { sessionId: bSession.id });
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'SESSION_NOT_FOUND' });
      for (const bad of [{}, { sessionId: 'x' }, { sessionId: 1, extra: 1 }]) expect((await staff(`${other.id}/schedule`, bad)).body.code).toBe('VALIDATION_FAILED');
      // A session that has started takes no agenda changes.
      await t.ds.manager.update(DeliberationSessionEntity, { id: second }, { startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + HOUR) });
      const started = await staff(`${other.id}/schedule`, { sessionId: second });
      expect({ status: started.status, code: started.body.code }).toEqual({ status: 409, code: 'SESSION_STARTED' });
      expect((await detail(area.residentA2, other.id)).body.status).toBe('proposed');
    });

    it('declining needs a reason the proposer sees and is told; a declined topic takes no support and no further triage', async () => {
      const topic = await propose(area.residentA1);
      const empty = await staff(`${topic.id}/decline`, { reason: '  ' });
      expect({ status: empty.status, code: empty.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      const res = await staff(`${topic.id}/decline`, { reason: '属于物业合同范围，已转物业处理' });
      expect(res.body).toMatchObject({ status: 'declined', statusText: '未采纳', declineReason: '属于物业合同范围，已转物业处理' });
      expect((await detail(area.residentA1, topic.id)).body.declineReason).toBe('属于物业合同范围，已转物业处理');
      const [notice] = await notices(area.residentA1.id, 'deliberation.topic_declined');
      expect(notice.body).toContain('原因：属于物业合同范围，已转物业处理');

      const late = await support(area.residentA2, topic.id);
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'TOPIC_NOT_OPEN' });
      const [session] = await sessions();
      for (const [path, body] of [['decline', { reason: '再拒' }], ['schedule', { sessionId: session }], ['auto-place', { enabled: false }]] as const) {
        const r = await staff(`${topic.id}/${path}`, body);
        expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 409, code: 'TOPIC_ILLEGAL_TRANSITION' });
      }
      const withdrawn = await withdraw(area.residentA1, topic.id);
      expect(withdrawn.body.code).toBe('TOPIC_SUPPORT_LOCKED');
    });

    it('merging carries the supports over, counting a resident who supported both once, and tells the proposer', async () => {
      await settings(5, 3);
      const [x, y] = await residents(2);
      const source = await propose(area.residentA1, { title: '遛狗要牵绳' });
      const target = await propose(area.residentA2, { title: '文明养犬公约' });
      await support(x, source.id);
      await support(y, source.id);
      await support(x, target.id);
      // source: A1, x, y — target: A2, x  => after the merge target has A2, x, A1, y = 4.
      const merged = await staff(`${source.id}/merge`, { targetTopicId: target.id });
      expect(merged.status).toBe(200);
      expect(merged.body).toMatchObject({ status: 'merged', statusText: '已合并', mergedInto: { id: target.id, title: '文明养犬公约' }, supportCount: 3 });
      const t2 = (await detail(area.residentA1, target.id)).body;
      expect(t2).toMatchObject({ supportCount: 4, supportedByMe: true, mergedFrom: [{ id: source.id, title: '遛狗要牵绳' }] });
      const rows = await t.ds.manager.find(DeliberationTopicSupportEntity, { where: { topicId: target.id } });
      expect(rows.map((r) => r.userId).sort((a, b) => a - b)).toEqual([area.residentA1.id, area.residentA2.id, x.id, y.id].sort((a, b) => a - b));
      const [notice] = await notices(area.residentA1.id, 'deliberation.topic_merged');
      expect(notice.link).toBe(`/packages/deliberation/topic/index?id=${target.id}`);

      // The merged topic takes no support; its supporters now support the target (one more support queues it at 5).
      expect((await support(await resident(), source.id)).body.code).toBe('TOPIC_NOT_OPEN');
      expect((await support(x, target.id)).body.code).toBe('TOPIC_ALREADY_SUPPORTED');
      expect((await support(await resident(), target.id)).body).toMatchObject({ status: 'queued', supportCount: 5 });
    });

    it('refuses merging into itself, into a closed topic, or a topic already merged; carry-over can queue the target', async () => {
      await settings(3, 3);
      const [x, y] = await residents(2);
      const a = await propose(area.residentA1);
      const b = await propose(area.residentA2);
      const c = await propose(x);
      const self = await staff(`${a.id}/merge`, { targetTopicId: a.id });
      expect({ status: self.status, code: self.body.code }).toEqual({ status: 409, code: 'TOPIC_MERGE_INVALID' });
      await staff(`${c.id}/decline`, { reason: '重复' });
      const intoDeclined = await staff(`${a.id}/merge`, { targetTopicId: c.id });
      expect({ status: intoDeclined.status, code: intoDeclined.body.code }).toEqual({ status: 409, code: 'TOPIC_MERGE_INVALID' });
      const foreign = await staff(`${a.id}/merge`, { targetTopicId: (await propose(area.residentB1)).id });
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'TOPIC_NOT_FOUND' });

      await support(y, a.id);
      // a (A1, y) into b (A2): 3 supports reach the threshold of 3, so b queues.
      expect((await staff(`${a.id}/merge`, { targetTopicId: b.id })).body.status).toBe('merged');
      expect((await detail(area.residentA2, b.id)).body).toMatchObject({ status: 'queued', supportCount: 3 });
      expect(await notices(area.residentA2.id, 'deliberation.topic_queued')).toHaveLength(1);
      const twice = await staff(`${a.id}/merge`, { targetTopicId: b.id });
      expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'TOPIC_ILLEGAL_TRANSITION' });
    });
  });

  describe('agenda builder and the session lifecycle', () => {
    it('staff add, edit, reorder and remove items; everyone in the community reads the agenda', async () => {
      const [session] = await sessions();
      const token = await as(area.staffA);
      const missingTitle = await http.post(`/api/deliberation/sessions/${session}/agenda`, { whatText: '无标题' }, token);
      expect({ status: missingTitle.status, code: missingTitle.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      const badWho = await http.post(`/api/deliberation/sessions/${session}/agenda`, { title: '甲', who: { parties: ['mayor'] } }, token);
      expect(badWho.body.code).toBe('VALIDATION_FAILED');

      const first = await http.post(`/api/deliberation/sessions/${session}/agenda`, {
        title: '电动车充电', whereText: '社区议事厅', whatText: '楼道里充电有火灾隐患',
        who: { parties: ['property_company', 'police'], others: '消防站' }, howText: '讨论后表决',
      }, token);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        topicId: null, position: 1, title: '电动车充电', whereText: '社区议事厅',
        who: { parties: ['property_company', 'police'], partyTexts: ['物业公司', '社区民警'], others: '消防站' }, carriedOutText: '', topicStatus: null,
      });
      const topic = await propose(area.residentA1);
      const second = await http.post(`/api/deliberation/sessions/${session}/agenda`, { topicId: topic.id, howText: '先听双方意见再表决' }, token);
      expect(second.body).toMatchObject({ topicId: topic.id, position: 2, title: '文明养犬', howText: '先听双方意见再表决', topicStatus: 'on_agenda' });

      const edited = await http.call('PATCH', `/api/deliberation/agenda-items/${first.body.id}`, { token, body: { carriedOutText: '物业一个月内装好充电桩', title: '电动车集中充电' } });
      expect(edited.body).toMatchObject({ title: '电动车集中充电', carriedOutText: '物业一个月内装好充电桩', whereText: '社区议事厅' });
      expect((await http.call('PATCH', `/api/deliberation/agenda-items/${first.body.id}`, { token, body: {} })).body.code).toBe('VALIDATION_FAILED');

      const mismatch = await http.put(`/api/deliberation/sessions/${session}/agenda/order`, { itemIds: [second.body.id] }, token);
      expect({ status: mismatch.status, code: mismatch.body.code }).toEqual({ status: 422, code: 'AGENDA_ORDER_MISMATCH' });
      const reordered = await http.put(`/api/deliberation/sessions/${session}/agenda/order`, { itemIds: [second.body.id, first.body.id] }, token);
      expect(reordered.body.items.map((i: { id: number; position: number }) => [i.id, i.position])).toEqual([[second.body.id, 1], [first.body.id, 2]]);
      expect((await agenda(session, area.residentA2)).body.items.map((i: { title: string }) => i.title)).toEqual(['文明养犬', '电动车集中充电']);
      expect((await agenda(session, area.workerA1)).status).toBe(200);
      const foreign = await agenda(session, area.residentB1);
      expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'SESSION_NOT_FOUND' });
      const foreignEdit = await http.call('PATCH', `/api/deliberation/agenda-items/${first.body.id}`, { token: await as(area.staffB), body: { title: '改' } });
      expect({ status: foreignEdit.status, code: foreignEdit.body.code }).toEqual({ status: 404, code: 'AGENDA_ITEM_NOT_FOUND' });

      // Removing the topic's item: the topic returns to proposed (1 support of 5), kept out of automatic placement.
      const removed = await http.call('DELETE', `/api/deliberation/agenda-items/${second.body.id}`, { token });
      expect(removed.body.items.map((i: { id: number; position: number }) => [i.id, i.position])).toEqual([[first.body.id, 1]]);
      expect((await detail(area.residentA1, topic.id)).body).toMatchObject({ status: 'proposed', autoPlace: false, agenda: null });
      expect(await notices(area.residentA1.id, 'deliberation.topic_off_agenda')).toHaveLength(1);
      const gone = await http.call('DELETE', `/api/deliberation/agenda-items/${second.body.id}`, { token });
      expect({ status: gone.status, code: gone.body.code }).toEqual({ status: 404, code: 'AGENDA_ITEM_NOT_FOUND' });
      expect((await t.ds.manager.findOneByOrFail(DeliberationAgendaCounterEntity, { sessionId: session })).itemCount).toBe(1);
    });

    it('a queued topic taken off the agenda stays queued and is not put back automatically', async () => {
      await settings(2, 1);
      const [s1, s2] = await sessions();
      const topic = await propose(area.residentA1);
      await support(area.residentA2, topic.id);
      const placed = (await detail(area.residentA1, topic.id)).body;
      expect(placed.agenda.sessionId).toBe(s1);
      await http.call('DELETE', `/api/deliberation/agenda-items/${placed.agenda.agendaItemId}`, { token: await as(area.staffA) });
      await runJob();
      expect((await detail(area.residentA1, topic.id)).body).toMatchObject({ status: 'queued', autoPlace: false, agenda: null });
      // Staff choose the second session themselves.
      expect((await staff(`${topic.id}/schedule`, { sessionId: s2 })).body).toMatchObject({ status: 'on_agenda', agenda: { sessionId: s2 } });
    });

    it('once its session has ended the topic is discussed; a cancelled session sends its topics back to the queue for the next one', async () => {
      await settings(2, 3);
      const [s1, s2] = await sessions();
      const a = await propose(area.residentA1, { title: '议题甲' });
      await support(area.residentA2, a.id);
      const b = await propose(area.residentA2, { title: '议题乙' });
      await support(area.residentA1, b.id);
      expect((await agenda(s1)).body.items.map((i: { topicId: number }) => i.topicId)).toEqual([a.id, b.id]);

      // s1 is cancelled: both topics return and go to s2 (a first: equal support, older).
      expect((await http.post(`/api/deliberation/sessions/${s1}/cancel`, { reason: '暴雨' }, await as(area.staffA))).status).toBe(200);
      expect(await runJob()).toBe('discussed 0, returned 2, placed 2');
      expect((await agenda(s1)).body.items).toEqual([]);
      expect((await agenda(s2)).body.items.map((i: { topicId: number; position: number }) => [i.topicId, i.position])).toEqual([[a.id, 1], [b.id, 2]]);
      expect(await notices(area.residentA1.id, 'deliberation.topic_session_cancelled')).toHaveLength(1);

      // s2 is held: after it ends both are discussed; a second run changes nothing.
      await t.ds.manager.update(DeliberationSessionEntity, { id: s2 }, { startsAt: new Date(Date.now() - 3 * HOUR), endsAt: new Date(Date.now() - HOUR) });
      expect(await runJob()).toBe('discussed 2, returned 0, placed 0');
      expect(await runJob()).toBe('discussed 0, returned 0, placed 0');
      const done = (await detail(area.residentA1, a.id)).body;
      expect(done).toMatchObject({ status: 'discussed', statusText: '已上会讨论', agenda: { sessionId: s2 } });
      // Discussed: no triage, no withdrawal, and its item cannot be removed any more.
      expect((await staff(`${a.id}/decline`, { reason: '晚了' })).body.code).toBe('TOPIC_ILLEGAL_TRANSITION');
      expect((await withdraw(area.residentA2, a.id)).body.code).toBe('TOPIC_SUPPORT_LOCKED');
      const late = await http.call('DELETE', `/api/deliberation/agenda-items/${done.agenda.agendaItemId}`, { token: await as(area.staffA) });
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'SESSION_STARTED' });
    });
  });
});
