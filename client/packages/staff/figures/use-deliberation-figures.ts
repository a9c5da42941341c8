import { useEffect } from 'react';
import type { FigureLevel } from '@contracts/figures.contract';
import type { Role } from '@contracts/roles';
import { useResource } from '@/hooks/use-resource';
import { getDeliberationFigures } from '@/services/deliberation-figures.api';
import { lastDays, type PeriodDays } from './figures-period';

/** The server answers GET /api/deliberation/figures for these roles only. */
function canSeeDeliberationFigures(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

interface DeliberationTarget {
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
  const on = target !== null;
  const level = target?.level;
  const id = target?.id;
  const resource = useResource(async () => (on ? getDeliberationFigures({ level, id, ...lastDays(days) }) : null));
  const { reload } = resource;

  useEffect(() => {
    void reload();
  }, [reload, on, level, id, days]);

  return { figures: resource.data, loading: resource.loading, error: resource.error, reload };
}
