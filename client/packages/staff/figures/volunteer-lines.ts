import type { TeamMinutes, VolunteerCounts } from '@contracts/volunteer-figures.contract';
import { hoursText } from '@/components/vol-staff/hours';
import { shareText } from './deliberation-lines';

/** Hours as every 小红帽 screen writes them (one definition, components/vol-staff/hours.ts). */
export { hoursText };

const finalCount = (c: VolunteerCounts) => c.requestsConfirmed + c.requestsExpired + c.requestsCancelled;

/**
 * The 小红帽 help-request figures in plain sentences. Every rate is shown with its two counts and every time says
 * what it measures, so a reader can check them (definitions: contracts/volunteer-figures.contract.ts).
 */
export function requestLines(c: VolunteerCounts): string[] {
  if (c.requestsPosted === 0) return ['这段时间没有新的微心愿'];
  const final = finalCount(c);
  return [
    `收到微心愿 ${c.requestsPosted} 个：已完成 ${c.requestsConfirmed} 个，还在进行 ${c.requestsOpen} 个，过期无人接 ${c.requestsExpired} 个，已取消 ${c.requestsCancelled} 个`,
    final === 0
      ? '完成率暂无（还没有已有结果的微心愿）'
      : `完成率 ${shareText(c.requestsConfirmed, final)}（已完成 ${c.requestsConfirmed} 个 / 已有结果 ${final} 个，已有结果指已完成、过期或取消的）`,
    c.medianHoursToFirstVolunteer === null
      ? '还没有志愿者接单，暂无接单用时'
      : `从许愿到有志愿者接单：一半在 ${c.medianHoursToFirstVolunteer} 小时内，平均 ${c.averageHoursToFirstVolunteer} 小时`,
    c.medianHoursToConfirm === null
      ? '还没有确认完成的微心愿，暂无完成用时'
      : `从许愿到确认完成：一半在 ${c.medianHoursToConfirm} 小时内，平均 ${c.averageHoursToConfirm} 小时`,
    c.rated === 0 ? '还没有居民打分' : `居民打分 ${c.rated} 次，平均 ${c.averageRating} 分（满分 5 分）`,
    `网格员代办 ${c.proxyPosted} 个（占 ${shareText(c.proxyPosted, c.requestsPosted)}）`,
  ];
}

export function volunteerLine(c: VolunteerCounts): string {
  return `志愿者已通过 ${c.volunteersApproved} 人，待审核 ${c.volunteersApplied} 人；这段时间参加服务的 ${c.volunteersActive} 人`;
}

export function hoursLines(c: VolunteerCounts): string[] {
  const activities = c.activitiesHeld === 0
    ? '这段时间没有举行团队活动'
    : c.activitySignups === 0
      ? `举行团队活动 ${c.activitiesHeld} 场，到场率暂无（没有人报名）`
      : `举行团队活动 ${c.activitiesHeld} 场，到场率 ${shareText(c.activityAttended, c.activitySignups)}（到场 ${c.activityAttended} 人 / 报名 ${c.activitySignups} 人）`;
  return [`记入时间银行 ${hoursText(c.creditedMinutes)} 小时（按服务日期，已扣除冲正）`, activities];
}

/** One team's hours (idle teams show 0 小时: the server lists every team of the community). */
export function teamLine(t: TeamMinutes): string {
  return `${hoursText(t.minutes)} 小时`;
}

/** Nothing was asked for, served or held in the period. */
export function isQuietVolunteers(c: VolunteerCounts): boolean {
  return c.requestsPosted === 0 && c.creditedMinutes === 0 && c.activitiesHeld === 0 && c.volunteersActive === 0;
}
