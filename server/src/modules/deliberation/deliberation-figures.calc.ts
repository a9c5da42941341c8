import type { DeliberationCounts } from '../../../../contracts/deliberation-outcomes.contract';
import { toIso } from '../../common/time';
import { chinaDay } from '../diary/china-day';
import { rate } from '../figures/figures.calc';

/**
 * The arithmetic of the deliberation figures, pure: the database returns rows, everything is counted here
 * the same way on SQLite and MariaDB. Definitions: contracts/deliberation-outcomes.contract.ts.
 */

export interface TopicRow {
  communityId: number;
  status: string;
  resolutions: number | string;
  resolutionsDone: number | string;
}

export interface HeldSessionRow {
  communityId: number;
  registered: number | string | null;
  checkedIn: number | string | null;
}

export interface ResolutionRow {
  communityId: number;
  status: string;
  dueDate: string;
  doneAt: Date | string | null;
}

export function countDeliberation(
  topics: readonly TopicRow[], sessions: readonly HeldSessionRow[], resolutions: readonly ResolutionRow[], period: { from: string; to: string }, today: string,
): DeliberationCounts {
  const onAgenda = topics.filter((t) => t.status === 'on_agenda' || t.status === 'discussed').length;
  const resolved = topics.filter((t) => Number(t.resolutions) > 0 && Number(t.resolutions) === Number(t.resolutionsDone)).length;
  const registered = sessions.reduce((s, r) => s + Number(r.registered ?? 0), 0);
  const checkedIn = sessions.reduce((s, r) => s + Number(r.checkedIn ?? 0), 0);
  const lastDue = period.to < today ? period.to : today;
  const due = resolutions.filter((r) => r.dueDate >= period.from && r.dueDate <= lastDue);
  const onTime = due.filter((r) => r.status === 'done' && r.doneAt !== null && chinaDay(new Date(toIso(r.doneAt)!)) <= r.dueDate).length;
  const open = resolutions.filter((r) => r.status !== 'done');
  return {
    topicsProposed: topics.length,
    topicsOnAgenda: onAgenda,
    topicsResolved: resolved,
    sessionsHeld: sessions.length,
    registered,
    checkedIn,
    attendanceRate: rate(checkedIn, registered),
    resolutionsDue: due.length,
    resolutionsDoneOnTime: onTime,
    onTimeRate: rate(onTime, due.length),
    resolutionsOpen: open.length,
    resolutionsOverdue: open.filter((r) => r.dueDate < today).length,
    resolutionsEscalated: open.filter((r) => r.status === 'escalated').length,
  };
}

const pct = (r: number | null) => (r === null ? '' : `（${Math.round(r * 100)}%）`);

/** Plain sentences in the seeds' style; every number is one of the counts, so the sentences add up. */
export function plainDeliberation(c: DeliberationCounts): string {
  return [
    `提出议题 ${c.topicsProposed} 个，其中 ${c.topicsOnAgenda} 个已上会、${c.topicsResolved} 个已全部落实`,
    `举行议事 ${c.sessionsHeld} 场，报名 ${c.registered} 人，到场签到 ${c.checkedIn} 人${pct(c.attendanceRate)}`,
    `到期决议 ${c.resolutionsDue} 项，按期完成 ${c.resolutionsDoneOnTime} 项${pct(c.onTimeRate)}`,
    `正在落实的决议 ${c.resolutionsOpen} 项，其中逾期 ${c.resolutionsOverdue} 项、上报街道 ${c.resolutionsEscalated} 项`,
  ].join('；');
}

/** Sums of the per-community counts (rates recomputed from the sums). */
export function sumCounts(rows: readonly DeliberationCounts[]): DeliberationCounts {
  const sum = (k: keyof DeliberationCounts) => rows.reduce((s, r) => s + Number(r[k] ?? 0), 0);
  const registered = sum('registered');
  const checkedIn = sum('checkedIn');
  const due = sum('resolutionsDue');
  const onTime = sum('resolutionsDoneOnTime');
  return {
    topicsProposed: sum('topicsProposed'), topicsOnAgenda: sum('topicsOnAgenda'), topicsResolved: sum('topicsResolved'),
    sessionsHeld: sum('sessionsHeld'), registered, checkedIn, attendanceRate: rate(checkedIn, registered),
    resolutionsDue: due, resolutionsDoneOnTime: onTime, onTimeRate: rate(onTime, due),
    resolutionsOpen: sum('resolutionsOpen'), resolutionsOverdue: sum('resolutionsOverdue'), resolutionsEscalated: sum('resolutionsEscalated'),
  };
}
