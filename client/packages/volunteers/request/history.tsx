import { Text, View } from '@tarojs/components';
import type { HelpRequestEventItem, HelpRequestEventType } from '@contracts/volunteers.contract';
import { chinaDateTime } from '@/components/deliberation/china-time';

const EventWords: Record<HelpRequestEventType, string> = {
  posted: '发出求助',
  claimed: '接单',
  dispatched: '派单',
  accepted: '接受派单',
  declined: '谢绝派单',
  withdrawn: '退出',
  done: '标记帮完了',
  confirmed: '确认完成',
  cancelled: '取消求助',
  expired: '时间过了，没人接',
  released: '收回派单',
};

function line(e: HelpRequestEventItem): string {
  const who = e.type === 'expired' ? '' : e.actorName;
  const volunteer = e.volunteerName && e.volunteerName !== e.actorName ? `给 ${e.volunteerName}` : '';
  return `${who}${volunteer}${EventWords[e.type]}${e.note ? `：${e.note}` : ''}`;
}

/** The request's history, oldest first, one line per step. */
export function History({ events }: { events: HelpRequestEventItem[] }) {
  return (
    <View className='card' id='request-history'>
      {events.map((e) => (
        <View key={e.id} className='vol-event' id={`request-event-${e.id}`}>
          <Text className='caption'>{chinaDateTime(e.at)}</Text>
          <Text className='vol-line'>{line(e)}</Text>
        </View>
      ))}
    </View>
  );
}
