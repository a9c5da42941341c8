import { useEffect } from 'react';
import type { FigureLevel } from '@contracts/figures.contract';
import { useResource } from '@/hooks/use-resource';
import { lastDays, type PeriodDays } from './figures-period';

/** The figures counted per community (议事亭, 小红帽): my own area (no level/id), or a community or street below it. */
export interface AreaFiguresTarget {
  level?: 'community' | 'street';
  id?: number;
}

/**
 * Which of those figures go with the area the page shows: my own area, a community or street opened below it, or
 * none — when the caller may not see them, or for a grid (they are counted per community, not per grid).
 */
export function areaFiguresTarget(allowed: boolean, area: { level: FigureLevel; id: number } | undefined): AreaFiguresTarget | null {
  if (!allowed) return null;
  if (!area) return {};
  return area.level === 'grid' ? null : { level: area.level, id: area.id };
}

/** Loads the figures whenever the target or the period changes (none for a null target); `reload` for page show and 重试. */
export function useAreaFigures<T>(target: AreaFiguresTarget | null, days: PeriodDays, get: (q: AreaFiguresTarget & { from: string; to: string }) => Promise<T>) {
  const on = target !== null;
  const level = target?.level;
  const id = target?.id;
  const resource = useResource(async () => (on ? get({ level, id, ...lastDays(days) }) : null));
  const { reload } = resource;

  useEffect(() => {
    void reload();
  }, [reload, on, level, id, days]);

  return { figures: resource.data, loading: resource.loading, error: resource.error, reload };
}
