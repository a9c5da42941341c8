import { CHECK_IN_OPENS_MINUTES_BEFORE } from '../../../../contracts/deliberation-votes.contract';

/** China time (UTC+8 all year, no daylight saving). */
const CHINA_OFFSET = 8 * 3600_000;
const DAY = 24 * 3600_000;

/**
 * When staff may check people in: from CHECK_IN_OPENS_MINUTES_BEFORE minutes before the start until the end
 * of the session's day in China time (or its end, if it runs past midnight).
 */
export function checkInWindow(startsAt: Date, endsAt: Date): { opensAt: Date; closesAt: Date } {
  const opensAt = new Date(startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000);
  const china = startsAt.getTime() + CHINA_OFFSET;
  const endOfDay = Math.floor(china / DAY) * DAY + DAY - CHINA_OFFSET;
  return { opensAt, closesAt: new Date(Math.max(endOfDay, endsAt.getTime())) };
}

/** 'HH:MM' China time, e.g. for "已于 16:52 签到". */
export function chinaClock(d: Date): string {
  const c = new Date(d.getTime() + CHINA_OFFSET);
  return `${String(c.getUTCHours()).padStart(2, '0')}:${String(c.getUTCMinutes()).padStart(2, '0')}`;
}

/** 'M月D日' China time. */
export function chinaDay(d: Date): string {
  const c = new Date(d.getTime() + CHINA_OFFSET);
  return `${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
}

/** Scanned or typed codes: case, spaces and dashes do not matter. */
export function normaliseCode(raw: string): string {
  return raw.replace(/[\s\-_]/g, '').toUpperCase();
}
