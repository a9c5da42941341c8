import { Text, View } from '@tarojs/components';
import type { RewardItem } from '@contracts/timebank.contract';
import { BigButton } from '@/components/big-button/big-button';
import { hoursText } from '@/components/vol-staff/hours';
import '@/components/vol-staff/vol-staff.scss';

function stockText(stock: number | null): string {
  if (stock === null) return '数量不限';
  return stock > 0 ? `还剩 ${stock} 份` : '已兑完';
}

export interface RewardCardProps {
  r: RewardItem;
  balance: number | null;
  busy: boolean;
  onRedeem: () => void;
}

/** One reward: what it is, what it costs, what is left, and 兑换. */
export function RewardCard({ r, balance, busy, onRedeem }: RewardCardProps) {
  const short = balance !== null && balance < r.costMinutes ? r.costMinutes - balance : 0;
  return (
    <View className='card' id={`reward-${r.id}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{r.name}</Text>
        <Text className='vs-amount'>{hoursText(r.costMinutes)} 小时</Text>
      </View>
      {r.description ? <Text className='vs-line vs-pre'>{r.description}</Text> : null}
      <Text className='vs-line caption'>{stockText(r.stock)}</Text>
      {short > 0 ? <Text className='vs-line caption'>您的时长还差 {hoursText(short)} 小时</Text> : null}
      {r.stock === 0 ? null : <BigButton id={`reward-${r.id}-redeem`} text='兑换' loading={busy} onClick={onRedeem} />}
    </View>
  );
}
