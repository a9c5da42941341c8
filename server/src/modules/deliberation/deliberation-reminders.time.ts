import type { ReminderKind } from '../../../../contracts/deliberation-outcomes.contract';

/** When each session reminder is due, China time (UTC+8, no daylight saving). */
const HOUR = 3600_000;
const CHINA_OFFSET = 8 * HOUR;
const DAY = 24 * HOUR;

export const REMINDER_KINDS: readonly ReminderKind[] = ['day_before', '2h'];
/** The day-before reminder goes out at this China-time hour. */
export const DAY_BEFORE_HOUR = 18;
export const SOON_HOURS = 2;
/** How far ahead the job looks for sessions: the day-before reminder can be due up to 30 hours before a start. */
export const LOOKAHEAD_MS = 31 * HOUR;

/**
 * The window [from, until) in which a reminder of `kind` for a session starting at `startsAt` is sent:
 *  - 'day_before': from 18:00 China time on the day before the start until the 2-hour reminder takes over;
 *  - '2h': from 2 hours before the start until the start.
 */
export function reminderWindow(kind: ReminderKind, startsAt: Date): { from: Date; until: Date } {
  const start = startsAt.getTime();
  const soon = start - SOON_HOURS * HOUR;
  if (kind === '2h') return { from: new Date(soon), until: startsAt };
  const chinaMidnight = Math.floor((start + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  return { from: new Date(chinaMidnight - DAY + DAY_BEFORE_HOUR * HOUR), until: new Date(soon) };
}

/** The kinds due at `now` for a session starting at `startsAt`. */
export function dueReminders(startsAt: Date, now: Date): ReminderKind[] {
  return REMINDER_KINDS.filter((k) => {
    const w = reminderWindow(k, startsAt);
    return w.from <= now && now < w.until;
  });
}
