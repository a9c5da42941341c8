import { useEffect } from 'react';
import type { FigureLevel } from '@contracts/figures.contract';
import type { Role } from '@contracts/roles';
import { useResource } from '@/hooks/use-resource';
import { canSeeVolunteerFigures } from '@/services/permissions';
import { getVolunteerFigures } from '@/services/volunteer-figures.api';
import { lastDays, type PeriodDays } from './figures-period';

interface VolunteerTarget {
  level?: 'community' | 'street';
  id?: number;
}

/**
 * Which 小红帽 figures go with the area the page shows: my own area (no level/id), a community or street opened
 * below it, or none (a grid: volunteers, teams and hours are counted per community, not per grid).
 */
export function volunteerFiguresTarget(role: Role | undefined, area: { level: FigureLevel; id: number } | undefined): VolunteerTarget | null {
  if (!canSeeVolunteerFigures(role)) return null;
  if (!area) return {};
  return area.level === 'grid' ? null : { level: area.level, id: area.id };
}

/** Loads the 小红帽 figures whenever the target or the period changes; `reload` for page show and 重试. */
export function useVolunteerFigures(target: VolunteerTarget | null, days: PeriodDays) {
  const on = target !== null;
  const level = target?.level;
  const id = target?.id;
  const resource = useResource(async () => (on ? getVolunteerFigures({ level, id, ...lastDays(days) }) : null));
  const { reload } = resource;

  useEffect(() => {
    void reload();
  }, [reload, on, level, id, days]);

  return { figures: resource.data, loading: resource.loading, error: resource.error, reload };
}
