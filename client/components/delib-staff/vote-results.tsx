import { Text, View } from '@tarojs/components';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import { chinaWhen } from '@/components/deliberation/china-time';
import './delib-staff.scss';

/** Per option: ballots in the app, hands raised under the pavilion, and the total. */
export function VoteResults({ vote }: { vote: VoteItem }) {
  const r = vote.results;
  if (!r) return <Text className='muted'>结果暂不可见。</Text>;
  const byOption = new Map(r.options.map((o) => [o.optionId, o]));
  return (
    <View className='ds-table' id={`vote-results-${vote.id}`}>
      <View className='ds-table__head'>
        <Text className='ds-table__label'>选项</Text>
        <Text className='ds-table__num'>线上</Text>
        <Text className='ds-table__num'>举手</Text>
        <Text className='ds-table__num'>合计</Text>
      </View>
      {vote.options.map((o) => {
        const res = byOption.get(o.id);
        return (
          <View key={o.id} className='ds-table__row' id={`vote-${vote.id}-option-${o.id}`}>
            <Text className='ds-table__label'>{o.label}</Text>
            <Text className='ds-table__num'>{res?.online ?? 0}</Text>
            <Text className='ds-table__num'>{res?.offline ?? 0}</Text>
            <Text className='ds-table__num ds-table__num--total'>{res?.total ?? 0}</Text>
          </View>
        );
      })}
      <Text className='caption'>
        线上 {r.ballots} 人投票；举手合计 {r.offlineTotal} 票
        {r.offlineRecordedAt ? `（${chinaWhen(r.offlineRecordedAt)} 录入）` : '（还没有录入举手票数）'}
        {r.final ? '；最终结果' : '；表决进行中，数字会变化'}
      </Text>
    </View>
  );
}
