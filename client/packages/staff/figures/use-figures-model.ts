import { useCallback, useRef, useState } from 'react';
import type { ChildFigures, ConcernFigures, FigureLevel } from '@contracts/figures.contract';
import { useMe } from '@/hooks/use-me';
import { getConcernFigures } from '@/services/figures.api';
import { errorMessage } from '@/services/request';

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

interface AreaStep {
  level: FigureLevel;
  id: number;
}

export function useFiguresModel() {
  const [figures, setFigures] = useState<ConcernFigures | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<PeriodDays>(30);
  // Drill-down: the areas opened below my own (empty: my own area).
  const [trail, setTrail] = useState<AreaStep[]>([]);
  const generation = useRef(0);
  const shown = useRef<{ trail: AreaStep[]; days: PeriodDays }>({ trail: [], days: 30 });

  const load = useCallback(async (nextTrail: AreaStep[], nextDays: PeriodDays) => {
    const gen = ++generation.current;
    shown.current = { trail: nextTrail, days: nextDays };
    setTrail(nextTrail);
    setDays(nextDays);
    setLoading(true);
    setError(null);
    try {
      const area = nextTrail[nextTrail.length - 1];
      const next = await getConcernFigures({ ...(area ?? {}), ...lastDays(nextDays) });
      if (gen === generation.current) setFigures(next);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => load(shown.current.trail, shown.current.days), [load]);
  useMe(reload);

  return {
    figures,
    loading,
    error,
    reload,
    days,
    periods: periodChoices,
    choosePeriod: (d: PeriodDays) => void load(trail, d),
    childTitle: figures?.area.level === 'street' ? '各社区' : '各网格',
    openChild: (child: ChildFigures) => void load([...trail, { level: child.level, id: child.id }], days),
    canGoUp: trail.length > 0,
    goUp: () => void load(trail.slice(0, -1), days),
  };
}
