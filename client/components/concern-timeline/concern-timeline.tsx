import type { ConcernEventItem } from '@contracts/concerns.contract';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@/utils/format';
import './concern-timeline.scss';

const EventText: Record<ConcernEventItem['type'], string> = {
  submitted: '提交了问题',
  accepted: '受理了问题',
  started: '开始处理',
  resolved: '处理完毕',
  escalated: '上报给上级',
  returned: '退回给下级',
  closed: '办结了问题',
  rated: '确认并评价',
  reopened: '反映问题未解决',
  auto_escalated: '超时自动上报',
  auto_closed: '自动办结',
  me_too: '表示也遇到了',
  made_public: '公开了问题',
};

export interface ConcernTimelineProps {
  events: ConcernEventItem[];
}

/** Every step of a concern: who (and their role), when, what. */
export function ConcernTimeline({ events }: ConcernTimelineProps) {
  if (events.length === 0) return <Text className='muted'>暂无处理记录</Text>;
  return (
    <View className='timeline'>
      {events.map((event) => (
        <View className='timeline__item' key={event.id}>
          <Text className='timeline__when caption'>{formatDateTime(event.at)}</Text>
          <Text className='timeline__what'>
            {event.actorName}（{event.actorRoleLabel}）{EventText[event.type] ?? '更新了问题'}
          </Text>
          {event.note ? <Text className='timeline__note'>备注：{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
