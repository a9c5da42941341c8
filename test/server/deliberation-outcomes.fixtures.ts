import type { DataSource } from 'typeorm';
import { createUser, type TestArea } from '../factories/org.factory';
import type { api } from './support/http';
import { fridaySeries } from './support/deliberation-fixtures';
import { appWithFreshArea } from './support/area-suite';
import type { Dialect } from './support/test-app';
import { DeliberationRegistrationEntity, DeliberationSessionEntity } from '../../server/src/modules/deliberation/deliberation.entities';
import { DeliberationAgendaItemEntity, DeliberationTopicEntity } from '../../server/src/modules/deliberation/deliberation-topics.entities';
import type { UserEntity } from '../../server/src/modules/users/user.entity';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** Friday 17:00 under the pavilion, 10 open seats, registration open 30 days ahead (every created session is open now). */
export const FRIDAY = fridaySeries(10, 0);

/** A China-time day 'YYYY-MM-DD' `n` days from now. */
export const chinaDayIn = (n: number) => new Date(Date.now() + 8 * HOUR + n * DAY).toISOString().slice(0, 10);

type Http = ReturnType<typeof api>;

export function outcomeFixtures(get: () => { ds: DataSource; http: Http; area: TestArea }) {
  const residentOf = (communityId: number, name: string): Promise<UserEntity> => {
    const { ds, area } = get();
    const inA = communityId === area.communityA;
    return createUser(ds, {
      role: 'resident', name, streetId: area.streetId, communityId, gridId: inA ? area.gridA1 : area.gridB1, unitId: inA ? area.unitA1 : area.unitB1,
      unitConfirmed: true, unitChosenAt: new Date(),
    });
  };

  /** The first upcoming session of a new series of `staff`'s community. */
  const upcomingSession = async (staff: UserEntity, series: Record<string, unknown> = FRIDAY): Promise<number> => {
    const { http } = get();
    const token = await http.as(staff);
    const res = await http.post('/api/deliberation/series', series, token);
    if (res.status !== 201) throw new Error(`series -> ${res.status} ${JSON.stringify(res.body)}`);
    const list = await http.get('/api/deliberation/sessions', token);
    return list.body[0].id as number;
  };

  const signUp = async (who: UserEntity, sessionId: number) => {
    const { http } = get();
    const res = await http.post(`/api/deliberation/sessions/${sessionId}/sign-up`, {}, await http.as(who));
    if (res.status !== 201) throw new Error(`sign-up -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Moves a session into the past (it started `hoursAgo` hours ago and lasted an hour). */
  const holdSession = async (sessionId: number, hoursAgo = 3) => {
    const start = new Date(Date.now() - hoursAgo * HOUR);
    await get().ds.manager.update(DeliberationSessionEntity, { id: sessionId }, { startsAt: start, endsAt: new Date(start.getTime() + HOUR) });
  };

  /** Marks these residents as checked in at the pavilion (what the check-in scanner writes). */
  const checkIn = async (sessionId: number, users: UserEntity[]) => {
    for (const u of users) await get().ds.manager.update(DeliberationRegistrationEntity, { sessionId, userId: u.id }, { checkedInAt: new Date() });
  };

  /** A topic proposed by `proposer`, on the agenda of `sessionId`. */
  const topicOnAgenda = async (proposer: UserEntity, sessionId: number, title: string): Promise<{ topicId: number; agendaItemId: number }> => {
    const { ds } = get();
    const now = new Date();
    const topic = await ds.manager.insert(DeliberationTopicEntity, {
      streetId: Number(proposer.streetId), communityId: Number(proposer.communityId), proposerId: proposer.id, title, problem: '问题', hope: '希望',
      category: 'sanitation', status: 'on_agenda', supportCount: 1, autoPlace: true, mergedIntoId: null, declineReason: null, queuedAt: now,
      statusChangedAt: now, createdAt: now, updatedAt: now,
    });
    const topicId = Number(topic.identifiers[0].id);
    const item = await ds.manager.insert(DeliberationAgendaItemEntity, {
      sessionId, topicId, communityId: Number(proposer.communityId), position: 1, title, whereText: '小区凉亭', whatText: '问题', who: '{"parties":[],"others":""}',
      howText: '讨论后表决', carriedOutText: '', createdAt: now, updatedAt: now,
    });
    return { topicId, agendaItemId: Number(item.identifiers[0].id) };
  };

  const resolve = async (staff: UserEntity, sessionId: number, body: Record<string, unknown>) => {
    const { http } = get();
    const res = await http.post(`/api/deliberation/sessions/${sessionId}/resolutions`, { ownerName: '物业公司', dueDate: chinaDayIn(14), ...body }, await http.as(staff));
    if (res.status !== 201) throw new Error(`resolution -> ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: number; version: number };
  };

  const setStatus = async (who: UserEntity, id: number, to: string, version: number, note?: string) =>
    get().http.post(`/api/deliberation/resolutions/${id}/status`, { to, version, ...(note ? { note } : {}) }, await get().http.as(who));

  return { residentOf, upcomingSession, signUp, holdSession, checkIn, topicOnAgenda, resolve, setStatus };
}

/** The set-up the outcome specs share: one app and a fresh area per test (appWithFreshArea), these fixtures, and `as` (a user's token). */
export function outcomesSuite(dialect: Dialect, name: string) {
  const suite = appWithFreshArea(dialect, name);
  const f = outcomeFixtures(() => ({ ds: suite.t.ds, http: suite.http, area: suite.area }));
  return { ...suite, f, as: (u: { id: number }) => suite.http.as(u) };
}
