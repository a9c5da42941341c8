import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { FIGURES_DEFAULT_DAYS, FIGURES_MAX_DAYS } from '../../../../contracts/figures.contract';
import { DomainException } from '../../common/domain-exception';
import { daysIncluded, shiftDay } from '../diary/china-day';

/**
 * What every figures screen (统计: concerns, 议事, 小红帽) shares: the period asked for, and — for the figures counted
 * per community (议事, 小红帽) — the area the caller may see. Plain functions over the caller's EntityManager.
 */

/** `?, ?, …` for an `IN (…)` over the area's community ids. */
export const marks = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** Where one attendance count comes from: the events (议事 sessions, 小红帽 activities) and their sign-ups. */
export interface AttendanceSource {
  events: string;
  /** The event column dating it (counted when in [start, end)). */
  at: string;
  signups: string;
  /** The sign-up column naming its event. */
  eventKey: string;
  /** The status of a sign-up that still counts. */
  live: string;
  /** Result column names: sign-ups that count, and of those the ones checked in. */
  as: [signedUp: string, checkedIn: string];
}

/**
 * Per event not cancelled whose `at` lies in [start, end) in the communities: its community, its sign-ups that count
 * and how many of those checked in. Table and column names come from the code (AttendanceSource), never from input.
 */
export function attendance<Row>(
  m: EntityManager, dateParam: (d: Date) => Date | string, s: AttendanceSource, communityIds: number[], start: Date, end: Date,
): Promise<Row[]> {
  const live = `FROM ${s.signups} g WHERE g.${s.eventKey} = e.id AND g.status = '${s.live}'`;
  return m.query(
    `SELECT e.community_id AS communityId,
            (SELECT COUNT(*) ${live}) AS ${s.as[0]},
            (SELECT COUNT(*) ${live} AND g.checked_in_at IS NOT NULL) AS ${s.as[1]}
       FROM ${s.events} e
      WHERE e.community_id IN (${marks(communityIds)}) AND e.status <> 'cancelled' AND e.${s.at} >= ? AND e.${s.at} < ?`,
    [...communityIds, dateParam(start), dateParam(end)],
  );
}

export const areaNotFound = () => new DomainException(ErrorCode.AREA_NOT_FOUND, 404, '没有找到这个辖区');
const badPeriod = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, 400, `查询参数有误：${message}`, [{ path: 'from', message }]);

/** Both days included, China time; default the last FIGURES_DEFAULT_DAYS days up to today. */
export function figuresPeriod(q: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? shiftDay(to, -(FIGURES_DEFAULT_DAYS - 1));
  if (from > to) throw badPeriod('开始日期不能晚于结束日期');
  if (daysIncluded(from, to) > FIGURES_MAX_DAYS) throw badPeriod(`一次最多统计 ${FIGURES_MAX_DAYS} 天`);
  return { from, to };
}

export interface CommunityRow {
  id: number;
  name: string;
  streetId: number;
}

/** A community, or a street with its communities (each counted on its own row). */
export interface CommunitiesArea {
  level: 'community' | 'street';
  id: number;
  name: string;
  streetId: number;
  communities: CommunityRow[];
}

/** Whose figures: community staff see their community; a street admin their street and any community in it. */
export type FiguresViewer = { communityId: number } | { streetId: number };

/** The asked area (default: the caller's own) if it lies inside the caller's scope; otherwise 404 (null: no scope). */
export async function communitiesArea(
  m: EntityManager, viewer: FiguresViewer | null, q: { level?: 'community' | 'street'; id?: number },
): Promise<CommunitiesArea> {
  if (!viewer) throw areaNotFound();
  if ('communityId' in viewer) {
    if (q.level && (q.level !== 'community' || q.id !== viewer.communityId)) throw areaNotFound();
    return community(m, viewer.communityId, null);
  }
  if (q.level === 'community') return community(m, q.id!, viewer.streetId);
  if (q.level === 'street' && q.id !== viewer.streetId) throw areaNotFound();
  const name = await streetName(m, viewer.streetId);
  if (name === null) throw areaNotFound();
  return { level: 'street', id: viewer.streetId, name, streetId: viewer.streetId, communities: await communities(m, { streetId: viewer.streetId }) };
}

/** One community; with `streetId`, only if it lies in that street. */
async function community(m: EntityManager, id: number, streetId: number | null): Promise<CommunitiesArea> {
  const [c] = await communities(m, { communityId: id });
  if (!c || (streetId !== null && c.streetId !== streetId)) throw areaNotFound();
  return { level: 'community', id: c.id, name: c.name, streetId: c.streetId, communities: [c] };
}

async function communities(m: EntityManager, where: { streetId: number } | { communityId: number }): Promise<CommunityRow[]> {
  const [sql, id] = 'streetId' in where
    ? ['SELECT id, name, street_id AS streetId FROM communities WHERE street_id = ? ORDER BY id', where.streetId]
    : ['SELECT id, name, street_id AS streetId FROM communities WHERE id = ?', where.communityId];
  const rows: CommunityRow[] = await m.query(sql, [id]);
  return rows.map((r) => ({ id: Number(r.id), name: r.name, streetId: Number(r.streetId) }));
}

async function streetName(m: EntityManager, id: number): Promise<string | null> {
  const rows: { name: string }[] = await m.query('SELECT name FROM streets WHERE id = ?', [id]);
  return rows[0]?.name ?? null;
}
