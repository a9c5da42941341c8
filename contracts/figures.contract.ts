import { z } from 'zod';
import { ACCEPT_WITHIN_HOURS } from './concerns.constants';
import { DaySchema } from './diary.contract';

/**
 * 统计 — the figures of the concerns flow for a grid, a community or a street over a period of days.
 * The mini-program imports only types from this file (the schemas use zod, which stays on the server).
 *
 * Definitions (computed in server/src/modules/figures/figures.calc.ts):
 *  - period: `from` 00:00 to the end of `to` (both days included), in China time (UTC+8).
 *  - received: concerns submitted in the period in the area (proxy submissions included).
 *  - acceptedWithinDeadline: of those, the ones whose FIRST 'accepted' event came at most
 *    ACCEPT_WITHIN_HOURS (24 h) after submission, by whichever level accepted it.
 *  - responseRate (响应率) = acceptedWithinDeadline / received.
 *  - resolved: of the received, the ones with a resolution now (resolved_at set: resolved, or closed
 *    after being resolved by a rating or by the 7-day auto-close; "not solved" clears it again).
 *  - resolutionRate (解决率) = resolved / received.
 *  - rated: of the received, the ones the resident rated; satisfied: rated 4 or 5.
 *  - satisfactionRate (满意率) = satisfied / rated.
 *  - medianHoursToResolve: median of (resolved_at − submitted) over the resolved, in hours (1 decimal).
 *  - inProgress (正在落实): of the received, the ones still open (someone has to act).
 *  - closedWithoutResolution: of the received, closed with a reason (duplicate, not ours, withdrawn).
 *    received = resolved + inProgress + closedWithoutResolution.
 *  - overdueNow: open concerns in the area (submitted at any time) whose current stage is past its deadline now.
 *  - escalations: escalation steps taken in the period (manual 'escalated' and deadline 'auto_escalated'
 *    events) on concerns of the area, by the level they went to.
 *  - proxy: of the received, the ones a grid worker submitted for a resident (代办); proxyShare = proxy / received.
 *  Rates are fractions between 0 and 1 rounded to 4 places, null when their denominator is 0.
 */
export const FIGURES_ACCEPT_WITHIN_HOURS = ACCEPT_WITHIN_HOURS;
/** Without `from`/`to`: the last 30 days, today included. */
export const FIGURES_DEFAULT_DAYS = 30;
/** The longest period one may ask for. */
export const FIGURES_MAX_DAYS = 366;

export const FigureLevels = ['grid', 'community', 'street'] as const;
export type FigureLevel = (typeof FigureLevels)[number];

/** The `?level=&id=&from=&to=` query of a figures route: `level` (one of `levels`) and `id` go together; `from` is not after `to`. */
export function areaPeriodQuerySchema<const L extends readonly [string, ...string[]]>(levels: L) {
  return z
    .object({
      level: z.enum(levels).optional(),
      id: z.coerce.number().int().positive().max(2147483647).optional(),
      from: DaySchema.optional(),
      to: DaySchema.optional(),
    })
    .strict()
    .superRefine((q, ctx) => {
      if ((q.level === undefined) !== (q.id === undefined)) {
        ctx.addIssue({ code: 'custom', path: [q.level === undefined ? 'level' : 'id'], message: 'level 和 id 需要同时给出' });
      }
      if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '开始日期不能晚于结束日期' });
    });
}

/** GET /api/figures/concerns?level=&id=&from=&to= — default: my own area, the last 30 days. */
export const FiguresQuerySchema = areaPeriodQuerySchema(FigureLevels);
export type FiguresQuery = z.infer<typeof FiguresQuerySchema>;

/** The counts and rates of one area (see the definitions above). */
export interface ConcernCounts {
  received: number;
  acceptedWithinDeadline: number;
  /** 响应率 */
  responseRate: number | null;
  resolved: number;
  /** 解决率 */
  resolutionRate: number | null;
  rated: number;
  satisfied: number;
  /** 满意率 */
  satisfactionRate: number | null;
  medianHoursToResolve: number | null;
  inProgress: number;
  closedWithoutResolution: number;
  overdueNow: number;
  proxy: number;
  proxyShare: number | null;
}

/** One row per grid of a community, per community of a street. */
export interface ChildFigures extends ConcernCounts {
  level: FigureLevel;
  id: number;
  name: string;
}

/** GET /api/figures/concerns */
export interface ConcernFigures extends ConcernCounts {
  area: { level: FigureLevel; id: number; name: string };
  /** Both days included, China time. */
  period: { from: string; to: string };
  escalations: { community: number; street: number; department: number };
  /** The seeds' plain form: "记录在册 43 件，已解决 38 件，正在落实 5 件". */
  plain: string;
  /** Per grid for a community, per community for a street, none for a grid. */
  perChild: ChildFigures[];
}
