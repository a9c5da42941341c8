import { FIGURES_ACCEPT_WITHIN_HOURS, type ConcernCounts } from '../../../../contracts/figures.contract';
import { toIso } from '../../common/time';

/**
 * The arithmetic of the figures, pure and portable: the database returns one row per received
 * concern, and everything (rates, the median) is computed here, the same on SQLite and MariaDB.
 * Definitions: contracts/figures.contract.ts.
 */

/** One concern submitted in the period in the area. */
export interface ReceivedRow {
  id: number;
  gridId: number;
  communityId: number;
  createdAt: Date | string;
  /** The first 'accepted' event of the concern (MIN over its timeline), null when never accepted. */
  firstAcceptedAt: Date | string | null;
  resolvedAt: Date | string | null;
  rating: number | null;
  proxyById: number | null;
  isOpen: number | boolean;
}

const HOUR = 3600_000;
const ms = (v: Date | string) => new Date(toIso(v)!).getTime();

/** n / d rounded to 4 places; null when there is nothing to divide by. */
export const rate = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function countConcerns(rows: readonly ReceivedRow[], overdueNow: number): ConcernCounts {
  let acceptedWithinDeadline = 0;
  let rated = 0;
  let satisfied = 0;
  let inProgress = 0;
  let closedWithoutResolution = 0;
  let proxy = 0;
  const hoursToResolve: number[] = [];
  for (const r of rows) {
    const created = ms(r.createdAt);
    // 响应: the first acceptance, by any level, within ACCEPT_WITHIN_HOURS of submission.
    if (r.firstAcceptedAt !== null && ms(r.firstAcceptedAt) - created <= FIGURES_ACCEPT_WITHIN_HOURS * HOUR) acceptedWithinDeadline++;
    // 解决: resolved_at is set while resolved and kept when closed by a rating or the auto-close; "not solved" clears it.
    if (r.resolvedAt !== null) hoursToResolve.push((ms(r.resolvedAt) - created) / HOUR);
    else if (Boolean(Number(r.isOpen))) inProgress++;
    else closedWithoutResolution++;
    if (r.rating !== null) {
      rated++;
      if (Number(r.rating) >= 4) satisfied++;
    }
    if (r.proxyById !== null) proxy++;
  }
  const received = rows.length;
  const resolved = hoursToResolve.length;
  const mid = median(hoursToResolve);
  return {
    received,
    acceptedWithinDeadline,
    responseRate: rate(acceptedWithinDeadline, received),
    resolved,
    resolutionRate: rate(resolved, received),
    rated,
    satisfied,
    satisfactionRate: rate(satisfied, rated),
    medianHoursToResolve: mid === null ? null : Math.round(mid * 10) / 10,
    inProgress,
    closedWithoutResolution,
    overdueNow,
    proxy,
    proxyShare: rate(proxy, received),
  };
}

/** The seeds' plain form: "记录在册 43 件，已解决 38 件，正在落实 5 件". */
export function plainLine(c: Pick<ConcernCounts, 'received' | 'resolved' | 'inProgress' | 'closedWithoutResolution'>): string {
  const line = `记录在册 ${c.received} 件，已解决 ${c.resolved} 件，正在落实 ${c.inProgress} 件`;
  return c.closedWithoutResolution ? `${line}，另有 ${c.closedWithoutResolution} 件因重复、撤回等原因办结` : line;
}
