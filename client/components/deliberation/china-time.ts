/**
 * Times of 议事亭 (and 小红帽) as people read them: China time (UTC+8, no daylight saving), whatever the phone's
 * or the desk computer's time zone. The server sends instants as ISO strings. Resident screens write
 * "11月28日（周五）17:00"; staff screens the shorter "11月28日 周五 17:00".
 */

const CHINA_OFFSET_MS = 8 * 3600_000;
export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

interface ChinaParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

/** The China-time parts of an instant; null for an unreadable one. */
function chinaParts(iso: string | Date): ChinaParts | null {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  if (Number.isNaN(t)) return null;
  const d = new Date(t + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const thisYear = (now: Date) => chinaParts(now)!.year;

/** "17:00"; '' for an unreadable instant. */
export function chinaHm(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${pad(p.hour)}:${pad(p.minute)}` : '';
}

/** "2026-11-27"; '' for an unreadable instant. */
export function chinaYmd(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : '';
}

/** Today in China, 'YYYY-MM-DD'. */
export function chinaToday(now: Date = new Date()): string {
  return chinaYmd(now.toISOString());
}

// ---- Resident screens ----

/** "11月28日（周五）" — the year only when it is not this year; '' for an unreadable date. */
export function chinaDate(iso: string, now = new Date()): string {
  const p = chinaParts(iso);
  if (!p) return '';
  const year = p.year === thisYear(now) ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日（${WEEKDAY_NAMES[p.weekday]}）`;
}

/** "11月28日（周五）17:00" */
export function chinaDateTime(iso: string, now = new Date()): string {
  const date = chinaDate(iso, now);
  return date ? `${date}${chinaHm(iso)}` : '';
}

/** "11月28日（周五）17:00–18:30" (both days written out when it runs past midnight). */
export function chinaTimeRange(startsAt: string, endsAt: string, now = new Date()): string {
  const start = chinaDateTime(startsAt, now);
  if (!start) return '';
  const sameDay = chinaDate(startsAt, now) === chinaDate(endsAt, now);
  const end = sameDay ? chinaHm(endsAt) : chinaDateTime(endsAt, now);
  return end ? `${start}–${end}` : start;
}

/** A calendar day 'YYYY-MM-DD' (already China time) as "12月5日"; the input when it is not such a day. */
export function chinaDay(day: string, now = new Date()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const year = Number(m[1]) === thisYear(now) ? '' : `${m[1]}年`;
  return `${year}${Number(m[2])}月${Number(m[3])}日`;
}

// ---- Staff screens ----

/** "11月27日 周五 17:00"; '' for an unreadable instant. */
export function chinaWhen(iso: string): string {
  const p = chinaParts(iso);
  return p ? `${p.month}月${p.day}日 ${WEEKDAY_NAMES[p.weekday]} ${chinaHm(iso)}` : '';
}

/** "11月27日 周五 17:00–18:30". */
export function chinaSpan(startIso: string, endIso: string): string {
  const end = chinaYmd(endIso) === chinaYmd(startIso) ? chinaHm(endIso) : chinaWhen(endIso);
  return `${chinaWhen(startIso)}–${end}`;
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
