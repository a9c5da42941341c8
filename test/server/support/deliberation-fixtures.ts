import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../server/src/config/app-config';
import { ownConfig } from './own-database';
import type { Dialect } from './test-app';
import { DeliberationSessionEntity } from '../../../server/src/modules/deliberation/deliberation.entities';
import type { api } from './http';

const MINUTE = 60_000;

/** A weekly series of the staff member's community; returns the id of its first session (registration open now). */
export async function createSessionVia(http: ReturnType<typeof api>, ds: DataSource, staffToken: string, seats = 10, reservedSeats = 0): Promise<number> {
  const res = await http.post('/api/deliberation/series', {
    name: '周五议事亭', place: '小区凉亭', weekday: 5, time: '17:00', durationMinutes: 90, seats, reservedSeats, opensDaysBefore: 30, closesHoursBefore: 0,
  }, staffToken);
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

/**
 * A database of this test file and this jest process alone (MariaDB: `linli_t<worker>_<name><pid>`), so another
 * jest run started at the same time with the same worker ids cannot truncate it under us. `drop` removes it.
 */
export async function privateConfig(dialect: Dialect, name: string, sqliteFile: string): Promise<{ config: AppConfig; drop(): Promise<void> }> {
  const config = await ownConfig(dialect, `${name}${process.pid}`, {}, sqliteFile);
  const drop = async () => {
    if (config.database.dialect === 'sqlite') return;
    const url = new URL(config.database.url);
    const db = url.pathname.slice(1);
    url.pathname = '/';
    const conn = await createConnection({ uri: url.toString() });
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await conn.end();
  };
  return { config, drop };
}
