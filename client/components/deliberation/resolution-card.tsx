import { Text, View } from '@tarojs/components';
import type { ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import { ResolutionStatusLabels } from '@contracts/deliberation-outcomes.constants';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDay } from './china-time';
import { ownerText, resolutionTone } from './resolution-status';
import './deliberation.scss';

export interface ResolutionCardProps {
  resolution: ResolutionItem;
  onOpen: (id: number) => void;
  /** Show the follow button. */
  canFollow: boolean;
  onFollow?: (r: ResolutionItem) => void;
  busy?: boolean;
}

/** One resolution on the board: what was decided, status, who carries it out, by when, overdue mark, follow. */
export function ResolutionCard({ resolution: r, onOpen, canFollow, onFollow, busy }: ResolutionCardProps) {
  return (
    <View className={`card${r.overdue ? ' delib-card--overdue' : ''}`} id={`resolution-${r.id}`}>
      <View onClick={() => onOpen(r.id)}>
        <Text className={`delib-chip delib-chip--${r.status === 'done' ? 'success' : 'warning'}`} id={`resolution-${r.id}-status`}>
          {ResolutionStatusLabels[r.status]}
        </Text>
        {r.overdue ? (
          <Text className={`delib-chip delib-chip--${resolutionTone(r)}`} id={`resolution-${r.id}-overdue`}>
            已逾期
          </Text>
        ) : null}
        <Text className='delib-card__title'>{r.text}</Text>
        <Text className='delib-line'>负责：{ownerText(r)}</Text>
        <Text className='delib-line'>完成期限：{chinaDay(r.dueDate)}</Text>
        {r.topicTitle ? <Text className='delib-line muted'>议题：{r.topicTitle}</Text> : null}
        {r.followers > 0 ? <Text className='caption'>{r.followers} 人关注</Text> : null}
      </View>
      {canFollow && onFollow ? (
        <BigButton
          id={`resolution-${r.id}-follow`}
          variant={r.following ? 'plain' : 'secondary'}
          text={r.following ? '已关注（点此取消）' : '关注进展'}
          loading={busy}
          onClick={() => onFollow(r)}
        />
      ) : null}
    </View>
  );
}
