import { Text, View } from '@tarojs/components';
import type { HelpRequestItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaSpan } from '@/components/deliberation/china-time';
import '@/components/vol-staff/vol-staff.scss';
import { SuggestionList } from './suggestion-list';
import type { DispatchModel } from './use-dispatch-model';

/**
 * One request on the board: what, when, where, for whom, who is coming; 派单 when the server allows it, and 代为确认
 * opening the request's page, whose one confirmation form (stars, comment, hours) serves requester and staff alike.
 */
export function RequestCard({ r, m }: { r: HelpRequestItem; m: DispatchModel }) {
  const canDispatch = r.actions.includes('dispatch');
  const canConfirm = r.actions.includes('confirm_on_behalf');
  return (
    <View className='card' id={`request-${r.id}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{r.skillLabel}</Text>
        <Text className='ds-tag'>{r.statusLabel}</Text>
      </View>
      <Text className='vs-line vs-pre'>{r.description}</Text>
      <Text className='vs-line'>时间：{chinaSpan(r.windowFrom, r.windowTo)}</Text>
      <Text className='vs-line'>地点：{r.placeLabel}</Text>
      <Text className='vs-line'>
        求助人：{r.requesterName}
        {r.proxyFor ? '（网格员代办）' : ''}
      </Text>
      <Text className='vs-line'>
        需要 {r.volunteersNeeded} 位，已有 {r.takenCount} 位{r.volunteers.length ? `：${r.volunteers.map((v) => `${v.name}（${v.statusLabel}）`).join('、')}` : ''}
      </Text>
      {canDispatch ? (
        <BigButton id={`request-${r.id}-dispatch`} variant='secondary' text={m.openId === r.id ? '收起推荐' : '派单'} onClick={() => m.showSuggestions(r)} />
      ) : null}
      {canDispatch && m.openId === r.id ? <SuggestionList r={r} m={m} /> : null}
      {canConfirm ? (
        <BigButton id={`request-${r.id}-confirm`} variant='secondary' text='代为确认完成（求助人没有手机）' onClick={() => m.openConfirm(r)} />
      ) : null}
    </View>
  );
}
