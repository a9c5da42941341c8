import { Text, View } from '@tarojs/components';
import type { ResolutionHistoryEntry, ResolutionStatus } from '@contracts/deliberation-outcomes.contract';
import { chinaWhen } from '@/components/deliberation/china-time';
import './delib-staff.scss';

function describe(e: ResolutionHistoryEntry, labels: Record<ResolutionStatus, string>): string {
  if (e.kind === 'created') return '记录了这条决议';
  if (e.kind === 'edited') return '修改了决议内容';
  if (e.kind === 'note') return '添加了进展';
  return e.fromStatus ? `状态：${labels[e.fromStatus]} → ${labels[e.toStatus]}` : `状态：${labels[e.toStatus]}`;
}

export interface ResolutionHistoryProps {
  entries: ResolutionHistoryEntry[];
  labels: Record<ResolutionStatus, string>;
}

/** Every change and progress note of a resolution, oldest first. */
export function ResolutionHistory({ entries, labels }: ResolutionHistoryProps) {
  if (entries.length === 0) return <Text className='muted'>还没有记录。</Text>;
  return (
    <View className='ds-history'>
      {entries.map((e) => (
        <View key={e.id} className='ds-history__item' id={`history-${e.id}`}>
          <Text className='caption'>
            {chinaWhen(e.at)} · {e.by.name}
          </Text>
          <Text className='ds-step__text'>{describe(e, labels)}</Text>
          {e.note ? <Text className='ds-step__text'>说明：{e.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
