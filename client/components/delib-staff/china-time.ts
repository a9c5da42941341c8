/**
 * Times as people at the pavilion read them: China time (UTC+8, no daylight saving), whatever the
 * phone's or the desk computer's time zone. The server sends instants as ISO strings.
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function china(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + CHINA_OFFSET_MS);
}

/** "17:00"; '' for an unreadable instant. */
export function chinaHm(iso: string): string {
  const d = china(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** "2026-11-27"; '' for an unreadable instant. */
export function chinaDay(iso: string): string {
  const d = china(iso);
  return d ? d.toISOString().slice(0, 10) : '';
}

/** "11月27日 周五 17:00"; '' for an unreadable instant. */
export function chinaWhen(iso: string): string {
  const d = china(iso);
  if (!d) return '';
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAY_NAMES[d.getUTCDay()]} ${chinaHm(iso)}`;
}

/** "11月27日 周五 17:00–18:30". */
export function chinaSpan(startIso: string, endIso: string): string {
  const end = chinaDay(endIso) === chinaDay(startIso) ? chinaHm(endIso) : chinaWhen(endIso);
  return `${chinaWhen(startIso)}–${end}`;
}

/** Today in China, 'YYYY-MM-DD'. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDay(now.toISOString());
}

/** A China-time day and 'HH:MM' as an ISO instant with its offset (what the server takes). */
export function chinaInstant(day: string, hm: string): string {
  return `${day}T${hm}:00+08:00`;
}

/** Whether a day 'YYYY-MM-DD' and time 'HH:MM' in China time are still ahead of now. */
export function isFuture(day: string, hm: string, now: Date = new Date()): boolean {
  return Date.parse(chinaInstant(day, hm)) > now.getTime();
}

/** "每周五 17:00". */
export function weeklyText(weekday: number, time: string): string {
  return `每${WEEKDAY_NAMES[weekday] ?? ''} ${time}`;
}
