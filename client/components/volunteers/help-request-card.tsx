import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { HelpRequestItem } from '@contracts/volunteers.contract';
import { chinaTimeRange } from '@/components/deliberation/china-time';
import { comingText, statusTone } from './help-text';
import './volunteers.scss';

export interface HelpRequestCardProps {
  item: HelpRequestItem;
  /** Tapping the text opens the request. */
  onOpen?: (id: number) => void;
  /** 'requester' shows who is coming; 'volunteer' shows who asked and how many are needed. */
  view: 'requester' | 'volunteer';
  /** Buttons under the card's text. */
  children?: ReactNode;
}

/** One help request: what, status, when, where, and who is coming (or who asked). */
export function HelpRequestCard({ item, onOpen, view, children }: HelpRequestCardProps) {
  const id = `help-${item.id}`;
  const who = item.proxyFor ? `${item.requesterName}（网格员代发）` : item.requesterName;
  return (
    <View className='card vol-card' id={id}>
      <View onClick={onOpen ? () => onOpen(item.id) : undefined}>
        <View className='vol-card__head'>
          <Text className='vol-card__skill'>{item.skillLabel}</Text>
          <Text className={`vol-chip vol-chip--${statusTone(item)}`} id={`${id}-status`}>
            {item.statusLabel}
          </Text>
        </View>
        <Text className='vol-line vol-card__text'>{item.description}</Text>
        <Text className='vol-line' id={`${id}-when`}>时间：{chinaTimeRange(item.windowFrom, item.windowTo)}</Text>
        <Text className='vol-line'>地点：{item.placeLabel}</Text>
        {view === 'requester' ? (
          <Text className='vol-line vol-card__coming' id={`${id}-coming`}>
            {comingText(item)}
          </Text>
        ) : (
          <Text className='vol-line' id={`${id}-who`}>
            求助人：{who}；需要 {item.volunteersNeeded} 位，已有 {item.takenCount} 位
          </Text>
        )}
        {onOpen ? <Text className='vol-link'>查看详情 ›</Text> : null}
      </View>
      {children}
    </View>
  );
}
