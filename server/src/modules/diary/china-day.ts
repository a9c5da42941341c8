import { CHINA_UTC_OFFSET_HOURS } from '../../../../contracts/diary.contract';

/**
 * Calendar days in China time (UTC+8 all year, no daylight saving). The database keeps UTC; a day
 * 'YYYY-MM-DD' covers [chinaDayStart(day), chinaDayStart(next day)) in UTC.
 */
const OFFSET_MS = CHINA_UTC_OFFSET_HOURS * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The China-time day of an instant. */
export const chinaDay = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant a China-time day begins (16:00 UTC the day before). */
export const chinaDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);

/** The day `n` days after (negative: before) `day`. */
export const shiftDay = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The instants [start, end) a run of days covers, both days included. */
export const dayRange = (from: string, to: string): { start: Date; end: Date } => ({ start: chinaDayStart(from), end: chinaDayStart(shiftDay(to, 1)) });

/** How many days from `from` to `to`, both included (1 for the same day). */
export const daysIncluded = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
