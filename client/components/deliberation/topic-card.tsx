import { Text, View } from '@tarojs/components';
import type { TopicItem } from '@contracts/deliberation-topics.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDate } from './china-time';
import { ProgressLine } from './progress-line';
import { SupportButtonText, supportAction, supportText, topicTone } from './topic-support';
import './deliberation.scss';

export interface TopicCardProps {
  topic: TopicItem;
  onOpen: (id: number) => void;
  /** Residents get the support button; others only see the count. */
  canSupport: boolean;
  onSupport?: (topic: TopicItem) => void;
  busy?: boolean;
}

/** One topic in the list: title, status, category, proposer, supports against the threshold and the support button. */
export function TopicCard({ topic: t, onOpen, canSupport, onSupport, busy }: TopicCardProps) {
  const action = canSupport ? supportAction(t) : null;
  return (
    <View className='card' id={`topic-${t.id}`}>
      <View onClick={() => onOpen(t.id)}>
        <Text className='delib-card__title'>{t.title}</Text>
        <Text className={`delib-chip delib-chip--${topicTone(t)}`} id={`topic-${t.id}-status`}>
          {t.statusText}
        </Text>
        <Text className='delib-chip delib-chip--muted'>{t.categoryText}</Text>
        {t.agenda ? <Text className='delib-line'>已列入 {chinaDate(t.agenda.sessionStartsAt)} 的议事</Text> : null}
        <Text className='delib-line' id={`topic-${t.id}-count`}>
          {supportText(t)}
        </Text>
        {t.status === 'proposed' ? <ProgressLine value={t.supportCount} max={t.threshold} label={`${t.supportCount} / ${t.threshold} 人支持`} /> : null}
        <Text className='caption'>
          {t.mine ? '我提的' : `${t.proposerName} 提出`} · {chinaDate(t.createdAt)}
        </Text>
      </View>
      {action && onSupport ? (
        <BigButton
          id={`topic-${t.id}-${action}`}
          variant={action === 'support' ? 'primary' : 'plain'}
          text={SupportButtonText[action]}
          loading={busy}
          onClick={() => onSupport(t)}
        />
      ) : null}
    </View>
  );
}
