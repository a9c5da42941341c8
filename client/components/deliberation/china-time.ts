// Dates and times of 议事亭 are shown in China time (UTC+8, no daylight saving), whatever the phone's time zone.

const CHINA_OFFSET_MS = 8 * 3600_000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

interface ChinaParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

function chinaParts(date: Date): ChinaParts {
  const d = new Date(date.getTime() + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function dayText(p: ChinaParts, now: Date): string {
  const year = p.year === chinaParts(now).year ? '' : `${p.year}年`;
  return `${year}${p.month}月${p.day}日`;
}

/** "11月28日（周五）" — the year only when it is not this year; '' for an unreadable date. */
export function chinaDate(iso: string, now = new Date()): string {
  const d = parse(iso);
  if (!d) return '';
  const p = chinaParts(d);
  return `${dayText(p, now)}（周${WEEKDAYS[p.weekday]}）`;
}

/** "17:00" */
export function chinaClock(iso: string): string {
  const d = parse(iso);
  if (!d) return '';
  const p = chinaParts(d);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "11月28日（周五）17:00" */
export function chinaDateTime(iso: string, now = new Date()): string {
  const date = chinaDate(iso, now);
  return date ? `${date}${chinaClock(iso)}` : '';
}

/** "11月28日（周五）17:00–18:30" (both days written out when it runs past midnight). */
export function chinaTimeRange(startsAt: string, endsAt: string, now = new Date()): string {
  const start = chinaDateTime(startsAt, now);
  if (!start) return '';
  const sameDay = chinaDate(startsAt, now) === chinaDate(endsAt, now);
  const end = sameDay ? chinaClock(endsAt) : chinaDateTime(endsAt, now);
  return end ? `${start}–${end}` : start;
}

/** A calendar day 'YYYY-MM-DD' (already China time) as "12月5日"; the input when it is not such a day. */
export function chinaDay(day: string, now = new Date()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const year = Number(m[1]) === chinaParts(now).year ? '' : `${m[1]}年`;
  return `${year}${Number(m[2])}月${Number(m[3])}日`;
}
