import { DIALECTS, type TestApp } from './support/test-app';
import type { api, Res } from './support/http';
import { startTwoApps } from './support/two-apps';
import { createSessionVia, freshArea, placeSession } from './support/deliberation-fixtures';
import { buildUser, createUser, type TestArea } from '../factories/org.factory';
import { TokenService } from '../../server/src/common/auth/token.service';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { NotificationEntity } from '../../server/src/modules/notifications/notification.entity';
import {
  DeliberationBallotChoiceEntity, DeliberationBallotEntity, DeliberationVoteEntity,
} from '../../server/src/modules/deliberation/deliberation-votes.entities';
import { DeliberationVotesRepository } from '../../server/src/modules/deliberation/deliberation-votes.repository';

const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const LEASH = { question: '养犬人遛狗是否必须全程牵绳？', options: ['必须全程牵绳', '固定时段遛狗', '都不赞成'], eligibility: 'registered', closesAt: inMinutes(60) };

// Two app instances on ONE database stand for two server processes (SQLite: one temp file).
describe.each(DIALECTS)('deliberation votes on %s', (dialect) => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let http2: ReturnType<typeof api>;
  let area: TestArea;
  let stop: () => Promise<void> = async () => undefined;
  const as = (user: { id: number }) => http.as(user);
  const resident = (name: string) =>
    createUser(t.ds, { role: 'resident', name, streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date() });

  beforeAll(async () => {
    ({ a: t, httpA: http, httpB: http2, stop } = await startTwoApps(dialect, 'votes'));
  });
  afterAll(() => stop());
  beforeEach(async () => {
    area = await freshArea(t.ds, http, http2);
  });

  /** A session of community A with one agenda item (built through the agenda API). */
  const agendaItem = async (seats = 10): Promise<{ sessionId: number; itemId: number }> => {
    const sessionId = await createSessionVia(http, t.ds, await as(area.staffA), seats);
    const res = await http.post(`/api/deliberation/sessions/${sessionId}/agenda`, { title: '文明养犬' }, await as(area.staffA));
    if (res.status !== 201) throw new Error(`agenda -> ${res.status} ${JSON.stringify(res.body)}`);
    return { sessionId, itemId: res.body.id };
  };
  const openVote = async (itemId: number, body: Record<string, unknown> = LEASH): Promise<Res> => http.post(`/api/deliberation/agenda-items/${itemId}/votes`, body, await as(area.staffA));
  const signUp = async (who: { id: number }, sessionId: number) => {
    const res = await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await as(who));
    if (res.status !== 201) throw new Error(`sign-up -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; status: string; checkInCode: string };
  };
  const ballot = async (who: { id: number }, voteId: number, optionIds: number[]) => http.post(`/api/deliberation/votes/${voteId}/ballot`, { optionIds }, await as(who));
  const vote = async (who: { id: number }, voteId: number) => (await http.get(`/api/deliberation/votes/${voteId}`, await as(who))).body;

  /** `n` residents of community A with tokens (minted directly: logging in is not what is tested). */
  const residents = async (n: number): Promise<{ id: number; token: string }[]> => {
    const values = Array.from({ length: n }, () => buildUser({
      role: 'resident', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1, unitConfirmed: true, unitChosenAt: new Date(),
    }));
    for (let i = 0; i < n; i += 200) await t.ds.manager.insert(UserEntity, values.slice(i, i + 200));
    const users = await t.ds.manager.find(UserEntity, { where: { role: 'resident', communityId: area.communityA }, order: { id: 'DESC' }, take: n });
    const tokens = t.app.get(TokenService);
    return users.map((u) => ({ id: u.id, token: tokens.issue(u.id, 'resident').token }));
  };

  describe('opening a vote', () => {
    it('staff open a single-choice vote on an agenda item; confirmed attendees are told; staff see zero results, residents none while open', async () => {
      const { sessionId, itemId } = await agendaItem();
      await signUp(area.residentA1, sessionId);
      const res = await openVote(itemId);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        sessionId, agendaItemId: itemId, agendaTitle: '文明养犬', question: LEASH.question, mode: 'single', maxChoices: 1, eligibility: 'registered',
        liveResults: false, status: 'open', closedAt: null, myBallot: null, canVote: false, cannotVoteReason: '工作人员不参与居民投票',
        results: { ballots: 0, offlineTotal: 0, offlineRecordedAt: null, final: false },
      });
      expect(res.body.options.map((o: any) => [o.label, o.position])).toEqual([['必须全程牵绳', 1], ['固定时段遛狗', 2], ['都不赞成', 3]]);
      expect(res.body.results.options.map((o: any) => o.total)).toEqual([0, 0, 0]);
      const seen = await vote(area.residentA1, res.body.id);
      expect(seen).toMatchObject({ results: null, canVote: true, cannotVoteReason: null });
      const notes = await t.ds.manager.find(NotificationEntity, { where: { userId: area.residentA1.id, type: 'deliberation.vote_opened' } });
      expect(notes).toHaveLength(1);
    });

    it('rejects 1 or 11 options, duplicate options, a closing time in the past, too many choices, residents and other communities', async () => {
      const { itemId } = await agendaItem();
      const bad = async (body: Record<string, unknown>) => (await openVote(itemId, { ...LEASH, ...body })).body.code;
      expect(await bad({ options: ['只有一个'] })).toBe('VALIDATION_FAILED');
      expect(await bad({ options: Array.from({ length: 11 }, (_, i) => `选项${i}`) })).toBe('VALIDATION_FAILED');
      expect(await bad({ options: ['同意', '同意'] })).toBe('VALIDATION_FAILED');
      expect(await bad({ mode: 'multiple', maxChoices: 4 })).toBe('VALIDATION_FAILED');
      expect(await bad({ mode: 'single', maxChoices: 2 })).toBe('VALIDATION_FAILED');
      expect(await bad({ eligibility: 'everyone' })).toBe('VALIDATION_FAILED');
      const past = await openVote(itemId, { ...LEASH, closesAt: inMinutes(-1) });
      expect(past.status).toBe(422);
      expect(past.body).toMatchObject({ code: 'VOTE_CLOSES_AT_INVALID', message: '截止时间必须晚于现在' });
      expect((await http.post(`/api/deliberation/agenda-items/${itemId}/votes`, LEASH, await as(area.residentA1))).status).toBe(403);
      const other = await http.post(`/api/deliberation/agenda-items/${itemId}/votes`, LEASH, await as(area.staffB));
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('VOTE_AGENDA_ITEM_NOT_FOUND');
      expect((await openVote(999999)).body.code).toBe('VOTE_AGENDA_ITEM_NOT_FOUND');
      expect(await t.ds.manager.count(DeliberationVoteEntity)).toBe(0);
    });
  });

  describe('casting a ballot', () => {
    it('a registered resident votes once, sees what they chose and cannot change it; the count goes up by one', async () => {
      const { sessionId, itemId } = await agendaItem();
      await signUp(area.residentA1, sessionId);
      const v = (await openVote(itemId)).body;
      const [leash, hours] = v.options.map((o: any) => o.id);
      const res = await ballot(area.residentA1, v.id, [leash]);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ voteId: v.id, optionIds: [leash] });
      const again = await ballot(area.residentA1, v.id, [hours]);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'ALREADY_VOTED', message: '您已投票，投票后不能修改' });
      expect(await vote(area.residentA1, v.id)).toMatchObject({
        myBallot: { voteId: v.id, optionIds: [leash], castAt: res.body.castAt }, canVote: false, cannotVoteReason: '您已投票，投票后不能修改', results: null,
      });
      const staff = await vote(area.staffA, v.id);
      expect(staff.results.ballots).toBe(1);
      expect(staff.results.options.map((o: any) => o.online)).toEqual([1, 0, 0]);
    });

    it('refuses choices of another vote, duplicates, two answers to a single choice, and an empty ballot', async () => {
      const { sessionId, itemId } = await agendaItem();
      await signUp(area.residentA1, sessionId);
      const v = (await openVote(itemId)).body;
      const w = (await openVote(itemId, { ...LEASH, question: '第二个问题' })).body;
      const [a, b] = v.options.map((o: any) => o.id);
      const check = async (ids: number[], code: string, status = 422) => {
        const res = await ballot(area.residentA1, v.id, ids);
        expect([res.status, res.body.code]).toEqual([status, code]);
      };
      await check([w.options[0].id], 'VOTE_CHOICE_INVALID');
      await check([a, a], 'VOTE_CHOICE_INVALID');
      await check([a, b], 'VOTE_CHOICE_INVALID');
      await check([], 'VALIDATION_FAILED', 400);
      expect(await t.ds.manager.count(DeliberationBallotEntity)).toBe(0);
      // Nothing was spent: a valid ballot still goes through.
      expect((await ballot(area.residentA1, v.id, [b])).status).toBe(201);
    });

    it('multiple choice up to a maximum: three of four refused when the maximum is two; two counted on both options', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, options: ['牵绳', '拴狗链', '清理粪便', '办证'], mode: 'multiple', maxChoices: 2, eligibility: 'community' })).body;
      expect(v).toMatchObject({ mode: 'multiple', maxChoices: 2 });
      const ids = v.options.map((o: any) => o.id);
      const three = await ballot(area.residentA1, v.id, ids.slice(0, 3));
      expect(three.body).toMatchObject({ code: 'VOTE_CHOICE_INVALID', message: '最多只能选 2 项' });
      expect((await ballot(area.residentA1, v.id, [ids[2], ids[0]])).body.optionIds).toEqual([ids[0], ids[2]].sort((x, y) => x - y));
      const staff = await vote(area.staffA, v.id);
      expect(staff.results.options.map((o: any) => o.online)).toEqual([1, 0, 1, 0]);
      expect(staff.results.ballots).toBe(1);
    });

    it('eligibility: registered needs a seat, checked_in needs a check-in, community takes every resident of it; other communities see nothing', async () => {
      const { sessionId, itemId } = await agendaItem(1);
      await signUp(area.residentA1, sessionId);
      const li = await resident('李大爷');
      expect((await signUp(li, sessionId)).status).toBe('waitlisted');
      const stranger = await resident('陈叔叔');
      const registered = (await openVote(itemId)).body;
      const checkedIn = (await openVote(itemId, { ...LEASH, eligibility: 'checked_in' })).body;
      const everyone = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      const first = (v: any) => [v.options[0].id];

      const waiting = await ballot(li, registered.id, first(registered));
      expect(waiting.status).toBe(403);
      expect(waiting.body).toMatchObject({ code: 'VOTE_NOT_ELIGIBLE', message: '只有报名成功的居民可以投票' });
      expect(await vote(li, registered.id)).toMatchObject({ canVote: false, cannotVoteReason: '只有报名成功的居民可以投票' });

      const notYet = await ballot(area.residentA1, checkedIn.id, first(checkedIn));
      expect(notYet.body).toMatchObject({ code: 'VOTE_NOT_ELIGIBLE', message: '只有到场签到的居民可以投票' });
      await placeSession(t.ds, sessionId, 10);
      const code = (await http.get('/api/deliberation/sessions', await as(area.residentA1))).body.find((s: any) => s.id === sessionId).mine.checkInCode;
      expect((await http.post(`/api/deliberation/sessions/${sessionId}/check-in`, { code }, await as(area.staffA))).status).toBe(200);
      expect((await ballot(area.residentA1, checkedIn.id, first(checkedIn))).status).toBe(201);

      expect((await ballot(stranger, everyone.id, first(everyone))).status).toBe(201);
      const foreign = await ballot(area.residentB1, everyone.id, first(everyone));
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('VOTE_NOT_FOUND');
      expect((await http.get(`/api/deliberation/sessions/${sessionId}/votes`, await as(area.residentB1))).body.code).toBe('SESSION_NOT_FOUND');
      expect((await http.post(`/api/deliberation/votes/${everyone.id}/ballot`, { optionIds: first(everyone) }, await as(area.staffA))).status).toBe(403);

      // The session screen: newest first, with my ballot and whether I may vote.
      const list = (await http.get(`/api/deliberation/sessions/${sessionId}/votes`, await as(area.residentA1))).body;
      expect(list.map((v: any) => [v.id, v.canVote, v.myBallot?.optionIds ?? null])).toEqual([
        [everyone.id, true, null], [checkedIn.id, false, first(checkedIn)], [registered.id, true, null],
      ]);
    });
  });

  describe('closing, results and the offline tally', () => {
    it('staff close early: the vote is closed, residents now see final results, a later ballot is refused with VOTE_CLOSED, closing again changes nothing', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      await ballot(area.residentA1, v.id, [v.options[1].id]);
      const closed = await http.post(`/api/deliberation/votes/${v.id}/close`, {}, await as(area.staffA));
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe('closed');
      expect(closed.body.closedAt).not.toBeNull();
      const late = await ballot(await resident('李大爷'), v.id, [v.options[0].id]);
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'VOTE_CLOSED', message: '投票已经结束，不能再投票' });
      expect(await vote(area.residentA1, v.id)).toMatchObject({
        status: 'closed', canVote: false, cannotVoteReason: '投票已结束', results: { final: true, ballots: 1 },
      });
      const again = await http.post(`/api/deliberation/votes/${v.id}/close`, {}, await as(area.staffA));
      expect(again.body.closedAt).toBe(closed.body.closedAt);
      expect((await http.post(`/api/deliberation/votes/${v.id}/close`, {}, await as(area.residentA1))).status).toBe(403);
      expect((await http.post(`/api/deliberation/votes/${v.id}/close`, {}, await as(area.staffB))).body.code).toBe('VOTE_NOT_FOUND');
    });

    it('a ballot after the closing time is refused with VOTE_CLOSED, and the database refuses it even if the server thought it open', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      await t.ds.manager.update(DeliberationVoteEntity, { id: v.id }, { closesAt: new Date(Date.now() - 1000) });
      const res = await ballot(area.residentA1, v.id, [v.options[0].id]);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('VOTE_CLOSED');
      // The conditional INSERT itself: a vote whose time has passed takes no ballot.
      const repo = t.app.get(DeliberationVotesRepository);
      const inserted = await t.db.transaction((m) => repo.insertBallot(m, v.id, area.residentA1.id, new Date()));
      expect(inserted).toBeNull();
      expect(await t.ds.manager.count(DeliberationBallotEntity)).toBe(0);
    });

    it('live results are shown to residents while open when staff chose so', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community', liveResults: true })).body;
      await ballot(area.residentA1, v.id, [v.options[2].id]);
      const seen = await vote(await resident('李大爷'), v.id);
      expect(seen.results).toMatchObject({ final: false, ballots: 1 });
      expect(seen.results.options.map((o: any) => o.online)).toEqual([0, 0, 1]);
    });

    it('the offline tally is set (not added) per option, shown beside the online count and in the total; locked a day after closing', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      const [a, b, c] = v.options.map((o: any) => o.id);
      await ballot(area.residentA1, v.id, [a]);
      const staff = await as(area.staffA);
      const put = (counts: unknown, token = staff) => http.put(`/api/deliberation/votes/${v.id}/offline-tally`, { counts }, token);
      const first = await put([{ optionId: a, count: 12 }, { optionId: b, count: 3 }]);
      expect(first.status).toBe(200);
      expect(first.body.results).toMatchObject({ ballots: 1, offlineTotal: 15 });
      expect(first.body.results.options).toEqual([
        { optionId: a, online: 1, offline: 12, total: 13 }, { optionId: b, online: 0, offline: 3, total: 3 }, { optionId: c, online: 0, offline: 0, total: 0 },
      ]);
      expect(first.body.results.offlineRecordedAt).not.toBeNull();
      const second = await put([{ optionId: a, count: 10 }]);
      expect(second.body.results.options.map((o: any) => [o.offline, o.total])).toEqual([[10, 11], [0, 0], [0, 0]]);
      expect((await put([{ optionId: 999999, count: 1 }])).body.code).toBe('VOTE_CHOICE_INVALID');
      expect((await put([{ optionId: a, count: 1 }, { optionId: a, count: 2 }])).body.code).toBe('VOTE_CHOICE_INVALID');
      expect((await put([{ optionId: a, count: -1 }])).body.code).toBe('VALIDATION_FAILED');
      expect((await put([{ optionId: a, count: 1 }], await as(area.residentA1))).status).toBe(403);
      // Closed 25 hours ago: the tally can no longer change.
      await t.ds.manager.update(DeliberationVoteEntity, { id: v.id }, { closedAt: new Date(Date.now() - 25 * 3600_000) });
      const locked = await put([{ optionId: a, count: 1 }]);
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('VOTE_TALLY_LOCKED');
      const final = await vote(area.residentA1, v.id);
      expect(final.results.options.map((o: any) => o.total)).toEqual([11, 0, 0]);
    });
  });

  describe('under concurrency (two server processes)', () => {
    const split = <T>(i: number, one: T, two: T) => (i % 2 ? two : one);

    it('one resident casting 50 ballots in parallel: exactly one ballot, counts +1, the rest ALREADY_VOTED', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      const tokens = [await http.as(area.residentA1), await http2.as(area.residentA1)];
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) =>
        split(i, http, http2).post(`/api/deliberation/votes/${v.id}/ballot`, { optionIds: [v.options[i % 3].id] }, tokens[i % 2])));
      expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
      expect(answers.filter((r) => r.status === 409 && r.body.code === 'ALREADY_VOTED')).toHaveLength(49);
      expect(await t.ds.manager.count(DeliberationBallotEntity, { where: { voteId: v.id } })).toBe(1);
      expect(await t.ds.manager.count(DeliberationBallotChoiceEntity, { where: { voteId: v.id } })).toBe(1);
      const staff = await vote(area.staffA, v.id);
      expect(staff.results.ballots).toBe(1);
      expect(staff.results.options.reduce((s: number, o: any) => s + o.online, 0)).toBe(1);
    });

    it('100 residents voting at once: every ballot counted, per-option counts equal the ballots cast', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      const people = await residents(100);
      const answers = await Promise.all(people.map((p, i) =>
        split(i, http, http2).post(`/api/deliberation/votes/${v.id}/ballot`, { optionIds: [v.options[i % 3].id] }, p.token)));
      expect([...new Set(answers.map((r) => r.status))]).toEqual([201]);
      const staff = await vote(area.staffA, v.id);
      expect(staff.results.ballots).toBe(100);
      expect(staff.results.options.map((o: any) => o.online)).toEqual([34, 33, 33]);
      expect(await t.ds.manager.count(DeliberationBallotEntity, { where: { voteId: v.id } })).toBe(100);
    });

    it('ballots racing with an early close: each is counted or refused with VOTE_CLOSED, never lost, none after the close answered', async () => {
      const { itemId } = await agendaItem();
      const v = (await openVote(itemId, { ...LEASH, eligibility: 'community' })).body;
      const people = await residents(60);
      const staff = await http2.as(area.staffA);
      const racing = people.map((p, i) => split(i, http, http2).post(`/api/deliberation/votes/${v.id}/ballot`, { optionIds: [v.options[0].id] }, p.token));
      const close = http2.post(`/api/deliberation/votes/${v.id}/close`, {}, staff);
      const [answers, closed] = await Promise.all([Promise.all(racing), close]);
      expect(closed.status).toBe(200);
      const ok = answers.filter((r) => r.status === 201).length;
      const refused = answers.filter((r) => r.status === 409 && r.body.code === 'VOTE_CLOSED').length;
      expect(ok + refused).toBe(60);
      expect(await t.ds.manager.count(DeliberationBallotEntity, { where: { voteId: v.id } })).toBe(ok);
      expect((await vote(area.staffA, v.id)).results.options[0].online).toBe(ok);
      const after = await http.post(`/api/deliberation/votes/${v.id}/ballot`, { optionIds: [v.options[0].id] }, await http.as(area.residentA1));
      expect(after.body.code).toBe('VOTE_CLOSED');
    });
  });
});
