import { Text, View } from '@tarojs/components';
import type { ActivityItem } from '@contracts/timebank.contract';
import { chinaSpan } from '@/components/deliberation/china-time';
import { hoursText } from './hours';
import './vol-staff.scss';

/** Slots in plain words: "名额 20 个，还剩 5 个" / "名额已满". */
function slotsText(a: Pick<ActivityItem, 'slots' | 'taken'>): string {
  const left = Math.max(0, a.slots - a.taken);
  return left > 0 ? `名额 ${a.slots} 个，还剩 ${left} 个` : `名额 ${a.slots} 个，已报满`;
}

function activityStatusText(a: ActivityItem, now: number = Date.now()): string {
  if (a.status === 'cancelled') return '已取消';
  if (a.status === 'credited') return '已记时长';
  if (Date.parse(a.startsAt) > now) return '报名中';
  return Date.parse(a.endsAt) > now ? '进行中' : '已结束';
}

/** Title, team, time, place, slots and the hours it earns. */
export function ActivityFacts({ a, showDescription }: { a: ActivityItem; showDescription?: boolean }) {
  return (
    <View className='vs-facts'>
      <View className='ds-row'>
        <Text className='vs-title'>{a.title}</Text>
        <Text className={`ds-tag${a.status === 'open' ? ' ds-tag--ok' : ''}`}>{activityStatusText(a)}</Text>
      </View>
      {a.teamName ? <Text className='vs-line caption'>{a.teamName}</Text> : null}
      <Text className='vs-line'>时间：{chinaSpan(a.startsAt, a.endsAt)}</Text>
      <Text className='vs-line'>地点：{a.place}</Text>
      <Text className='vs-line'>{slotsText(a)}</Text>
      <Text className='vs-line'>参加后记 {hoursText(a.creditMinutes)} 小时</Text>
      {showDescription && a.description ? <Text className='vs-line vs-pre'>{a.description}</Text> : null}
    </View>
  );
}
