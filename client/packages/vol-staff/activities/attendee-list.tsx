import { Text, View } from '@tarojs/components';
import type { ActivityItem, Attendee } from '@contracts/timebank.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaHm } from '@/components/deliberation/china-time';
import { LoadState } from '@/components/delib-staff/load-state';
import { Notice } from '@/components/notice/notice';
import '@/components/vol-staff/vol-staff.scss';
import type { AttendeesModel } from './use-attendees';

function stateText(a: Attendee): { text: string; tone: string } {
  if (a.status === 'cancelled') return { text: '已取消报名', tone: '' };
  if (a.attendance === 'attended') return { text: '已记时长', tone: 'ds-tag--ok' };
  if (a.attendance === 'no_show') return { text: '缺席，未记时长', tone: 'ds-tag--bad' };
  if (a.checkedOutAt) return { text: `已签退 ${chinaHm(a.checkedOutAt)}`, tone: 'ds-tag--ok' };
  if (a.checkedInAt) return { text: `已签到 ${chinaHm(a.checkedInAt)}`, tone: 'ds-tag--ok' };
  return { text: '未签到', tone: '' };
}

/** Everyone who signed up: 签到 at the start, 签退 at the end (until the hours are credited). */
export function AttendeeList({ activity, m }: { activity: ActivityItem; m: AttendeesModel }) {
  const items = m.list.data ?? [];
  const open = activity.status === 'open';
  return (
    <View id={`activity-${activity.id}-attendees`}>
      {m.error ? <Notice tone='error' id='attendee-error' text={m.error} /> : null}
      <LoadState loading={m.list.loading} loaded={m.list.loaded} error={m.list.error} onRetry={() => void m.reload()} empty={items.length === 0} emptyText='还没有人报名。' />
      {items.map((a) => {
        const s = stateText(a);
        const active = open && a.status === 'signed_up';
        return (
          <View className='vs-item' key={a.userId} id={`attendee-${a.userId}`}>
            <View className='ds-row'>
              <Text className='vs-title'>{a.name}</Text>
              <Text className={`ds-tag ${s.tone}`}>{s.text}</Text>
            </View>
            {active && !a.checkedInAt ? <BigButton id={`attendee-${a.userId}-in`} text='签到' loading={m.busy === `in-${a.userId}`} onClick={() => m.checkIn(a)} /> : null}
            {active && a.checkedInAt && !a.checkedOutAt ? (
              <BigButton id={`attendee-${a.userId}-out`} variant='secondary' text='签退' loading={m.busy === `out-${a.userId}`} onClick={() => m.checkOut(a)} />
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
