import { Text, View } from '@tarojs/components';
import type { Attendee, CreditActivityResponse } from '@contracts/timebank.contract';
import { hoursText } from '@/components/vol-staff/hours';
import '@/components/vol-staff/vol-staff.scss';

/** After 记入时长: who was credited how much (and who hit the daily cap), and who did not come. */
export function CreditResult({ r, attendees }: { r: CreditActivityResponse; attendees: Attendee[] | null }) {
  const name = (id: number) => attendees?.find((a) => a.userId === id)?.name ?? `志愿者 ${id}`;
  const fresh = r.credited.filter((c) => !c.duplicate);
  return (
    <View className='card' id={`credit-result-${r.activityId}`}>
      <Text className='vs-line'>
        已记时长 {fresh.length} 人{r.noShows.length ? `，缺席 ${r.noShows.length} 人` : ''}
      </Text>
      {fresh.map((c) => (
        <Text className='vs-line' key={c.userId}>
          {name(c.userId)}：+{hoursText(c.creditedMinutes)} 小时{c.cappedMinutes > 0 ? `（当天已到上限，少记 ${hoursText(c.cappedMinutes)} 小时）` : ''}
        </Text>
      ))}
      {r.credited.length > fresh.length ? <Text className='vs-line caption'>{r.credited.length - fresh.length} 人之前已记过，没有重复记入</Text> : null}
      {r.noShows.length ? <Text className='vs-line'>缺席：{r.noShows.map(name).join('、')}</Text> : null}
    </View>
  );
}
