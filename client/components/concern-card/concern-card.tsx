import type { ConcernItem } from '@contracts/concerns.contract';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@/utils/format';
import { BigButton } from '@/components/big-button/big-button';
import './concern-card.scss';

export interface ConcernCardProps {
  concern: ConcernItem;
  onOpen: (id: number) => void;
  /** Staff view: show submitter and place. */
  showSubmitter?: boolean;
  /** An optional action button under the card, e.g. "受理". */
  actionText?: string;
  onAction?: (id: number) => void;
  actionBusy?: boolean;
}

/**
 * One concern in a list: category, status, an overdue mark, the deadline in plain words, date and
 * the start of the text.
 */
export function ConcernCard({ concern, onOpen, showSubmitter, actionText, onAction, actionBusy }: ConcernCardProps) {
  return (
    <View className={`concern-card card${concern.overdue ? ' concern-card--overdue' : ''}`} id={`concern-${concern.id}`}>
      <View className='concern-card__body' onClick={() => onOpen(concern.id)}>
        <View className='concern-card__head'>
          <Text className='concern-card__category'>{concern.categoryLabel}</Text>
          <Text className={`concern-card__status concern-card__status--${concern.status}`}>{concern.statusLabel}</Text>
        </View>
        {concern.overdue ? <Text className='concern-card__overdue'>已超时</Text> : null}
        {showSubmitter ? (
          <View className='concern-card__meta'>
            <Text>
              {concern.submitterName} · {concern.placeLabel}
            </Text>
            {concern.unconfirmed ? <Text className='concern-card__flag'>未确认</Text> : null}
            {concern.proxyFor ? <Text className='concern-card__flag'>代办</Text> : null}
          </View>
        ) : null}
        <Text className='concern-card__text'>{concern.text}</Text>
        {concern.deadlineText ? <Text className='concern-card__deadline'>{concern.deadlineText}</Text> : null}
        {concern.meTooCount > 0 ? <Text className='concern-card__metoo caption'>{concern.meTooCount} 位邻居也遇到了</Text> : null}
        <Text className='concern-card__date caption'>{formatDateTime(concern.createdAt)}</Text>
      </View>
      {actionText && onAction ? (
        <BigButton
          text={actionText}
          className='concern-card__action'
          loading={actionBusy}
          onClick={() => onAction(concern.id)}
        />
      ) : null}
    </View>
  );
}
