import { Text, View } from '@tarojs/components';
import type { Attendee } from '@contracts/timebank.contract';
import { chinaHm } from '@/components/deliberation/china-time';
import { LoadState } from '@/components/delib-staff/load-state';
import '@/components/vol-staff/vol-staff.scss';
import { LEADER_LIMITS_LINE, type LeaderModel } from './use-leader';

function stateText(a: Attendee): string {
  if (a.status === 'cancelled') return '已取消报名';
  if (a.attendance === 'attended') return '已记时长';
  if (a.attendance === 'no_show') return '缺席';
  if (a.checkedOutAt) return `已签退 ${chinaHm(a.checkedOutAt)}`;
  if (a.checkedInAt) return `已签到 ${chinaHm(a.checkedInAt)}`;
  return '已报名';
}

/** 报名名单 of one of the leader's team activities: names and where each stands. Read only. */
export function LeaderRoster({ activityId, l }: { activityId: number; l: LeaderModel }) {
  const r = l.roster;
  const items = r.data ?? [];
  const signed = items.filter((a) => a.status === 'signed_up').length;
  return (
    <View id={`activity-${activityId}-roster`}>
      <Text className='plain-line'>{LEADER_LIMITS_LINE}</Text>
      <LoadState loading={r.loading} loaded={r.loaded} error={r.error} onRetry={() => void r.reload()} empty={items.length === 0} emptyText='还没有人报名。' />
      {items.length ? <Text className='vs-line'>已报名 {signed} 人</Text> : null}
      {items.map((a) => (
        <View className='vs-item' key={a.userId} id={`roster-${a.userId}`}>
          <View className='ds-row'>
            <Text className='vs-title'>{a.name}</Text>
            <Text className='ds-tag'>{stateText(a)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
