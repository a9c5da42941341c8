import { Text, View } from '@tarojs/components';
import type { ActivityItem } from '@contracts/timebank.contract';
import { chinaSpan } from '@/components/deliberation/china-time';
import { activityStatusText } from './activity-status';
import { hoursText } from './hours';
import './vol-staff.scss';

/** Slots in plain words: "名额 20 个，还剩 5 个" / "名额已满". */
function slotsText(a: Pick<ActivityItem, 'slots' | 'taken'>): string {
  const left = Math.max(0, a.slots - a.taken);
  return left > 0 ? `名额 ${a.slots} 个，还剩 ${left} 个` : `名额 ${a.slots} 个，已报满`;
}

/** A long resolution in one line: its first 40 characters. */
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export interface ActivityFactsProps {
  a: ActivityItem;
  showDescription?: boolean;
  /** Opens the 议事亭 resolution the activity carries out (来自议事决议); without it the line is plain text. */
  onOpenResolution?: (resolutionId: number) => void;
}

/** Title, team, the resolution it comes from, time, place, slots and the hours it earns. */
export function ActivityFacts({ a, showDescription, onOpenResolution }: ActivityFactsProps) {
  const r = a.resolution;
  return (
    <View className='vs-facts'>
      <View className='ds-row'>
        <Text className='vs-title'>{a.title}</Text>
        <Text className={`ds-tag${a.status === 'open' ? ' ds-tag--ok' : ''}`}>{activityStatusText(a)}</Text>
      </View>
      {a.teamName ? <Text className='vs-line caption'>{a.teamName}</Text> : null}
      {r ? (
        <Text className={`vs-line${onOpenResolution ? ' vs-link' : ''}`} id={`activity-${a.id}-resolution`} onClick={onOpenResolution ? () => onOpenResolution(r.id) : undefined}>
          来自议事决议：{short(r.title)}{onOpenResolution ? ' ›' : ''}
        </Text>
      ) : null}
      <Text className='vs-line'>时间：{chinaSpan(a.startsAt, a.endsAt)}</Text>
      <Text className='vs-line'>地点：{a.place}</Text>
      <Text className='vs-line'>{slotsText(a)}</Text>
      <Text className='vs-line'>参加后记 {hoursText(a.creditMinutes)} 小时</Text>
      {showDescription && a.description ? <Text className='vs-line vs-pre'>{a.description}</Text> : null}
    </View>
  );
}
