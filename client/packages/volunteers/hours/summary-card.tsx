import { Text, View } from '@tarojs/components';
import type { MyTimebank } from '@contracts/timebank.contract';
import { hoursText } from '@/components/vol-staff/hours';
import '@/components/vol-staff/vol-staff.scss';

function rankText(t: MyTimebank): string {
  if (t.rank === null) return '还没有服务时长，完成第一次服务后就有排名了';
  return `在本社区排第 ${t.rank} 名（共 ${t.rankedVolunteers} 位志愿者有时长）`;
}

/** The balance in big figures, what was earned in all, the rank and today's allowance. */
export function SummaryCard({ t }: { t: MyTimebank }) {
  return (
    <View className='card' id='hours-summary'>
      <Text className='caption'>我的红色银行余额</Text>
      <Text className='vs-big' id='hours-balance'>
        {hoursText(t.balanceMinutes)} 小时
      </Text>
      <Text className='vs-line' id='hours-earned'>
        累计服务 {hoursText(t.earnedMinutes)} 小时
      </Text>
      <Text className='vs-line' id='hours-rank'>
        {rankText(t)}
      </Text>
      <Text className='vs-line caption' id='hours-today'>
        今天已记 {hoursText(t.creditedTodayMinutes)} 小时，每人每天最多记 {hoursText(t.dailyCapMinutes)} 小时
      </Text>
    </View>
  );
}
