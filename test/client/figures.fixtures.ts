import { gridWorkerMe, routeOf, type Handler, type SentRequest } from './helpers';

// The 统计 page (packages/staff/figures): who looks at it, and the concern figures every one of its tests needs.

export const TODAY = '2026-11-23';
export const CONCERN_FIGURES = 'GET /api/figures/concerns';
export const DELIB_FIGURES = 'GET /api/deliberation/figures';

export const staffMe = { ...gridWorkerMe, id: 5, name: '陈主任', role: 'community_staff' as const, scope: { level: 'community' as const, id: 1, name: '创业一社区' } };
export const streetMe = { ...gridWorkerMe, id: 9, name: '周科长', role: 'street_admin' as const, scope: { level: 'street' as const, id: 3, name: '创业街道' } };
export type FiguresMe = { scope: { level: 'street' | 'community' | 'grid'; id: number; name: string } };

/** A request's query string. */
export const query = (req: SentRequest) => new URLSearchParams(req.url.split('?')[1] ?? '');

/** The concern figures of an area: 4 received, 3 resolved, 1 in progress. */
export function concernFigures(level: 'street' | 'community' | 'grid', id: number, name: string, perChild: unknown[] = []) {
  return {
    area: { level, id, name },
    period: { from: '2026-10-25', to: TODAY },
    received: 4, acceptedWithinDeadline: 3, responseRate: 0.75, resolved: 3, resolutionRate: 0.75, rated: 2, satisfied: 1, satisfactionRate: 0.5,
    medianHoursToResolve: 30, inProgress: 1, closedWithoutResolution: 0, overdueNow: 1, proxy: 1, proxyShare: 0.25,
    escalations: { community: 2, street: 1, department: 0 },
    plain: `${name}：记录在册 4 件，已解决 3 件，正在落实 1 件`,
    perChild,
  };
}

/**
 * Answers the concern figures for whatever area is asked: my own area with one child (a community of the street,
 * else grid 7), or the community or grid opened. Other routes: undefined.
 */
export function concernFiguresOf(me: FiguresMe): Handler {
  return (req) => {
    if (routeOf(req) !== CONCERN_FIGURES) return undefined;
    const q = query(req);
    if (q.get('level') === 'grid') return { status: 200, body: concernFigures('grid', 7, '第一网格') };
    if (q.get('level') === 'community') return { status: 200, body: concernFigures('community', Number(q.get('id')), '创业二社区') };
    const own = me.scope;
    const child = own.level === 'street' ? { level: 'community', id: 2, name: '创业二社区' } : { level: 'grid', id: 7, name: '第一网格' };
    return { status: 200, body: concernFigures(own.level, own.id, own.name, [{ ...concernFigures('grid', 0, ''), ...child }]) };
  };
}
