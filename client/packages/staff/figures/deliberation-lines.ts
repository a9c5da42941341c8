import type { DeliberationCounts } from '@contracts/deliberation-outcomes.contract';

/** n / d as "84%" or "66.7%"; "暂无" when there is nothing to divide by. */
export function shareText(n: number, d: number): string {
  return d === 0 ? '暂无' : `${Math.round((n / d) * 1000) / 10}%`;
}

/**
 * The 议事亭 figures in plain sentences. Every number is one of the counts, and every rate is shown
 * with its two counts, so a reader can check that the sentences add up.
 */
export function deliberationLines(c: DeliberationCounts): string[] {
  const attendance = c.registered === 0
    ? `举行议事 ${c.sessionsHeld} 场，到场率暂无（没有人报名）`
    : `举行议事 ${c.sessionsHeld} 场，到场率 ${shareText(c.checkedIn, c.registered)}（到场 ${c.checkedIn} 人 / 报名 ${c.registered} 人）`;
  const onTime = c.resolutionsDue === 0
    ? '决议按期完成率暂无（这段时间没有到期的决议）'
    : `决议按期完成 ${c.resolutionsDoneOnTime} / ${c.resolutionsDue} 项（${shareText(c.resolutionsDoneOnTime, c.resolutionsDue)}）`;
  const open = c.resolutionsOpen === 0
    ? '目前没有未完成的决议'
    : `目前未完成的决议 ${c.resolutionsOpen} 项，其中逾期 ${c.resolutionsOverdue} 项，已上报街道 ${c.resolutionsEscalated} 项`;
  return [`提出议题 ${c.topicsProposed} 个，其中上会 ${c.topicsOnAgenda} 个，已办结 ${c.topicsResolved} 个`, attendance, onTime, open];
}

/** Nothing happened in the period and nothing is open now. */
export function isQuiet(c: DeliberationCounts): boolean {
  return c.topicsProposed === 0 && c.sessionsHeld === 0 && c.resolutionsDue === 0 && c.resolutionsOpen === 0;
}
