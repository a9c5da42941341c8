import { chinaToday } from '@/components/deliberation/china-time';

// The "when" of a help request, chosen in plain words (今天/明天/选一天 × 上午/下午/晚上) and sent as a
// time window in China time (UTC+8, no daylight saving), whatever the phone's time zone.

export type DayChoice = 'today' | 'tomorrow' | 'pick';
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

export const DayChoices: ReadonlyArray<{ key: DayChoice; label: string }> = [
  { key: 'today', label: '今天' },
  { key: 'tomorrow', label: '明天' },
  { key: 'pick', label: '选一天' },
];

/** Each part of the day as a window: hours in China time. */
export const PartsOfDay: ReadonlyArray<{ key: PartOfDay; label: string; from: number; to: number }> = [
  { key: 'morning', label: '上午（8点–12点）', from: 8, to: 12 },
  { key: 'afternoon', label: '下午（14点–18点）', from: 14, to: 18 },
  { key: 'evening', label: '晚上（18点–21点）', from: 18, to: 21 },
];

const DAY_MS = 24 * 3600_000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The China calendar day `plusDays` after `now`, as 'YYYY-MM-DD'. */
export function chinaDayString(now: Date, plusDays = 0): string {
  return chinaToday(new Date(now.getTime() + plusDays * DAY_MS));
}

export interface HelpWindow {
  windowFrom: string;
  windowTo: string;
}

/** The window of a part of a day ('YYYY-MM-DD'), with the +08:00 offset the server expects. */
export function windowOf(day: string, part: PartOfDay): HelpWindow {
  const p = PartsOfDay.find((x) => x.key === part)!;
  return { windowFrom: `${day}T${pad(p.from)}:00:00+08:00`, windowTo: `${day}T${pad(p.to)}:00:00+08:00` };
}

/** The day a choice stands for ('' when "选一天" has no day yet). */
export function dayOf(choice: DayChoice, picked: string, now: Date): string {
  if (choice === 'today') return chinaDayString(now);
  if (choice === 'tomorrow') return chinaDayString(now, 1);
  return picked;
}

/** True when the window has already ended (e.g. 今天上午 chosen in the afternoon). */
export function isPast(w: HelpWindow, now: Date): boolean {
  return Date.parse(w.windowTo) <= now.getTime();
}

/** True when the window starts within `hours` from now (and has not ended). */
export function startsWithin(windowFrom: string, hours: number, now = new Date()): boolean {
  return Date.parse(windowFrom) - now.getTime() < hours * 3600_000;
}
