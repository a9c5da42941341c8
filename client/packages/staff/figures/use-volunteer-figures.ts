import type { FigureLevel } from '@contracts/figures.contract';
import type { Role } from '@contracts/roles';
import { canSeeVolunteerFigures } from '@/services/permissions';
import { getVolunteerFigures } from '@/services/volunteer-figures.api';
import type { PeriodDays } from './figures-period';
import { areaFiguresTarget, useAreaFigures, type AreaFiguresTarget } from './use-area-figures';

/** Which 小红帽 figures go with the area the page shows (none for a grid: volunteers, teams and hours are counted per community). */
export function volunteerFiguresTarget(role: Role | undefined, area: { level: FigureLevel; id: number } | undefined): AreaFiguresTarget | null {
  return areaFiguresTarget(canSeeVolunteerFigures(role), area);
}

/** Loads the 小红帽 figures whenever the target or the period changes; `reload` for page show and 重试. */
export function useVolunteerFigures(target: AreaFiguresTarget | null, days: PeriodDays) {
  return useAreaFigures(target, days, getVolunteerFigures);
}
