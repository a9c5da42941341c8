import type { FigureLevel } from '@contracts/figures.contract';
import type { Role } from '@contracts/roles';
import { getDeliberationFigures } from '@/services/deliberation-figures.api';
import type { PeriodDays } from './figures-period';
import { areaFiguresTarget, useAreaFigures, type AreaFiguresTarget } from './use-area-figures';

/** The server answers GET /api/deliberation/figures for these roles only. */
function canSeeDeliberationFigures(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

/** Which 议事亭 figures go with the area the page shows (none for a grid: deliberation is counted per community). */
export function deliberationTarget(role: Role | undefined, area: { level: FigureLevel; id: number } | undefined): AreaFiguresTarget | null {
  return areaFiguresTarget(canSeeDeliberationFigures(role), area);
}

/** Loads the 议事亭 figures whenever the target or the period changes; `reload` for page show and 重试. */
export function useDeliberationFigures(target: AreaFiguresTarget | null, days: PeriodDays) {
  return useAreaFigures(target, days, getDeliberationFigures);
}
