import type { ActivityItem } from '@contracts/timebank.contract';

/**
 * An activity's state in plain words: 已取消 / 已记时长 / 报名中 / 进行中 / 已结束. Without its end time (a resolution's
 * list of activities) a started one is just 已开始.
 */
export function activityStatusText(a: Pick<ActivityItem, 'status' | 'startsAt'> & { endsAt?: string }, now: number = Date.now()): string {
  if (a.status === 'cancelled') return '已取消';
  if (a.status === 'credited') return '已记时长';
  if (Date.parse(a.startsAt) > now) return '报名中';
  if (a.endsAt === undefined) return '已开始';
  return Date.parse(a.endsAt) > now ? '进行中' : '已结束';
}
