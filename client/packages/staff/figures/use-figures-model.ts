import { useCallback, useRef, useState } from 'react';
import type { ChildFigures, ConcernFigures, FigureLevel } from '@contracts/figures.contract';
import { useMe } from '@/hooks/use-me';
import { getConcernFigures } from '@/services/figures.api';
import { errorMessage } from '@/services/request';
import { lastDays, periodChoices, type PeriodDays } from './figures-period';
import { deliberationTarget, useDeliberationFigures } from './use-deliberation-figures';
import { useVolunteerFigures, volunteerFiguresTarget } from './use-volunteer-figures';

export { chinaToday, lastDays, percent, periodChoices, periodText, type PeriodDays } from './figures-period';

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

  // Page show and the page's 重试 reload every section. The 议事亭 and 小红帽 hooks need the role, which arrives
  // with useMe: on the first show they load once the role is known (their own effects), later via these refs.
  const reloadDeliberation = useRef<() => Promise<void>>(async () => undefined);
  const reloadVolunteers = useRef<() => Promise<void>>(async () => undefined);
  const reload = useCallback(async () => {
    await Promise.all([load(shown.current.trail, shown.current.days), reloadDeliberation.current(), reloadVolunteers.current()]);
  }, [load]);
  const { me } = useMe(reload);
  const deliberation = useDeliberationFigures(deliberationTarget(me?.role, trail[trail.length - 1]), days);
  reloadDeliberation.current = deliberation.reload;
  const volunteers = useVolunteerFigures(volunteerFiguresTarget(me?.role, trail[trail.length - 1]), days);
  reloadVolunteers.current = volunteers.reload;

  return {
    figures,
    loading,
    error,
    reload,
    // One 重试 at a time: while the page's error shows, its 重试 reloads the 议事亭 and 小红帽 figures too.
    deliberation: { ...deliberation, error: error ? null : deliberation.error },
    volunteers: { ...volunteers, error: error ? null : volunteers.error },
    days,
    periods: periodChoices,
    choosePeriod: (d: PeriodDays) => void load(trail, d),
    childTitle: figures?.area.level === 'street' ? '各社区' : '各网格',
    openChild: (child: ChildFigures) => void load([...trail, { level: child.level, id: child.id }], days),
    canGoUp: trail.length > 0,
    goUp: () => void load(trail.slice(0, -1), days),
  };
}
