import type { DataSource } from 'typeorm';
import { createArea, type TestArea } from '../../factories/org.factory';
import { DeliberationSessionEntity } from '../../../server/src/modules/deliberation/deliberation.entities';
import type { api } from './http';
import { truncateAll } from './test-app';

const MINUTE = 60_000;

/** Between tests: an emptied database with a fresh test area (org.factory), and no remembered tokens. */
export async function freshArea(ds: DataSource, ...https: ReturnType<typeof api>[]): Promise<TestArea> {
  for (const http of https) http.forgetTokens();
  await truncateAll(ds);
  return createArea(ds);
}

/** A series body: Friday 17:00 under the pavilion, registration open 30 days ahead (every created session is open now). */
export const fridaySeries = (seats: number, reservedSeats: number) => ({
  name: '周五议事亭', place: '小区凉亭', weekday: 5, time: '17:00', durationMinutes: 90, seats, reservedSeats, opensDaysBefore: 30, closesHoursBefore: 0,
});

/** A weekly series of the staff member's community; returns the id of its first session (registration open now). */
export async function createSessionVia(http: ReturnType<typeof api>, ds: DataSource, staffToken: string, seats = 10, reservedSeats = 0): Promise<number> {
  const res = await http.post('/api/deliberation/series', fridaySeries(seats, reservedSeats), staffToken);
  if (res.status !== 201) throw new Error(`series -> ${res.status} ${JSON.stringify(res.body)}`);
  const first = await ds.manager.findOneOrFail(DeliberationSessionEntity, { where: { seriesId: res.body.id }, order: { startsAt: 'ASC' } });
  return first.id;
}

/**
 * Moves a session so that it starts `startsInMinutes` from now (negative: already started), 90 minutes long,
 * registration open since a day before and closing at the start. Stands in for the clock moving on.
 */
export async function placeSession(ds: DataSource, sessionId: number, startsInMinutes: number, durationMinutes = 90): Promise<void> {
  const startsAt = new Date(Date.now() + startsInMinutes * MINUTE);
  await ds.manager.update(DeliberationSessionEntity, { id: sessionId }, {
    startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * MINUTE), opensAt: new Date(startsAt.getTime() - 24 * 60 * MINUTE), closesAt: startsAt,
  });
}
