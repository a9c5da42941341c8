import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliberationFigures } from '@contracts/deliberation-outcomes.contract';
import type { FigureLevel } from '@contracts/figures.contract';
import type { Role } from '@contracts/roles';
import { getDeliberationFigures } from '@/services/deliberation-figures.api';
import { errorMessage } from '@/services/request';
import { lastDays, type PeriodDays } from './figures-period';

/** The server answers GET /api/deliberation/figures for these roles only. */
export function canSeeDeliberationFigures(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

export interface DeliberationTarget {
  level?: 'community' | 'street';
  id?: number;
}

/**
 * Which 议事亭 figures go with the area the page shows: my own area (no level/id), a community or
 * street opened below it, or none (a grid: deliberation is counted per community, not per grid).
 */
export function deliberationTarget(role: Role | undefined, area: { level: FigureLevel; id: number } | undefined): DeliberationTarget | null {
  if (!canSeeDeliberationFigures(role)) return null;
  if (!area) return {};
  return area.level === 'grid' ? null : { level: area.level, id: area.id };
}

/** Loads the 议事亭 figures whenever the target or the period changes; `reload` for page show and 重试. */
export function useDeliberationFigures(target: DeliberationTarget | null, days: PeriodDays) {
  const [figures, setFigures] = useState<DeliberationFigures | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const on = target !== null;
  const level = target?.level;
  const id = target?.id;

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setError(null);
    if (!on) {
      setFigures(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      const next = await getDeliberationFigures({ level, id, ...lastDays(days) });
      if (gen === generation.current) setFigures(next);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [on, level, id, days]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { figures, loading, error, reload };
}
