import { dbDate } from '../../common/time';

/** Session times: a series' weekday and 'HH:MM' are China time (UTC+8 all year, no daylight saving). */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/** '11月27日 17:00' in China time: how notices name a session's start. */
export const chinaTime = (d: Date | string): string =>
  new Date(dbDate(d).getTime() + CHINA_OFFSET).toISOString().slice(5, 16).replace('-', '月').replace('T', '日 ');

export interface SeriesTimes {
  weekday: number;
  time: string;
  durationMinutes: number;
  opensDaysBefore: number;
  closesHoursBefore: number;
}

/** The next `count` starts of a weekly series strictly after `now`. */
export function nextSlots(series: Pick<SeriesTimes, 'weekday' | 'time'>, now: Date, count: number): Date[] {
  const [hh, mm] = series.time.split(':').map(Number);
  const china = new Date(now.getTime() + CHINA_OFFSET);
  const days = (series.weekday - china.getUTCDay() + 7) % 7;
  let first = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() + days, hh, mm) - CHINA_OFFSET;
  if (first <= now.getTime()) first += 7 * DAY;
  return Array.from({ length: count }, (_, i) => new Date(first + i * 7 * DAY));
}

/** End and registration window of a session starting at `startsAt`. */
export function sessionTimes(series: SeriesTimes, startsAt: Date): { endsAt: Date; opensAt: Date; closesAt: Date } {
  const t = startsAt.getTime();
  return {
    endsAt: new Date(t + series.durationMinutes * MINUTE),
    opensAt: new Date(t - series.opensDaysBefore * DAY),
    closesAt: new Date(t - series.closesHoursBefore * HOUR),
  };
}
