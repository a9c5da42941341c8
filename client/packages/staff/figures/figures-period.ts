/** The period choice and the date/percent helpers of the figures page (China time, UTC+8). */

export type PeriodDays = 7 | 30 | 90;

export const periodChoices: ReadonlyArray<{ days: PeriodDays; label: string }> = [
  { days: 7, label: '近7天' },
  { days: 30, label: '近30天' },
  { days: 90, label: '近90天' },
];

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** Today in China time (UTC+8), 'YYYY-MM-DD'. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last `days` days, today included. */
export function lastDays(days: number, today = chinaToday()): { from: string; to: string } {
  return { from: new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10), to: today };
}

/** 0.75 -> "75%", 0.6667 -> "66.7%", null (nothing to divide by) -> "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** "11月1日至11月30日" */
export function periodText(p: { from: string; to: string }): string {
  const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
  return p.from === p.to ? md(p.from) : `${md(p.from)}至${md(p.to)}`;
}
