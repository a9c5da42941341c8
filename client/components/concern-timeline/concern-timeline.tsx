import type { ConcernEventItem } from '@contracts/concerns.contract';
import { HolderLevelLabels } from '@contracts/concerns.constants';
import { Text, View } from '@tarojs/components';
import { PhotoGrid } from '@/components/photo-grid/photo-grid';
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

/** "上报给社区", "退回给网格": where the concern went, in plain words. */
function describe(event: ConcernEventItem): string {
  const level = event.toLevel ? HolderLevelLabels[event.toLevel] : null;
  if (level && event.type === 'escalated') return `上报给${level}`;
  if (level && event.type === 'auto_escalated') return `超时自动上报给${level}`;
  if (level && event.type === 'returned') return `退回给${level}`;
  return EventText[event.type] ?? '更新了问题';
}

export interface ConcernTimelineProps {
  events: ConcernEventItem[];
  /** Photo URL -> local path once downloaded ('failed' when it could not be). */
  photos?: Readonly<Record<string, string>>;
  onOpenPhoto?: (url: string) => void;
}

/** Every step of a concern: who (and their role), when, what, and the photos of the step (e.g. of the fix). */
export function ConcernTimeline({ events, photos = {}, onOpenPhoto = () => undefined }: ConcernTimelineProps) {
  if (events.length === 0) return <Text className='muted'>暂无处理记录</Text>;
  return (
    <View className='timeline'>
      {events.map((event) => (
        <View className='timeline__item' key={event.id} id={`event-${event.id}`}>
          <Text className='timeline__when caption'>{formatDateTime(event.at)}</Text>
          <Text className='timeline__what'>
            {event.actorName}（{event.actorRoleLabel}）{describe(event)}
          </Text>
          {event.note ? <Text className='timeline__note'>说明：{event.note}</Text> : null}
          {event.photoUrls?.length ? <PhotoGrid urls={event.photoUrls} local={photos} onOpen={onOpenPhoto} /> : null}
        </View>
      ))}
    </View>
  );
}
