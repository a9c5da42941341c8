import { Text, View } from '@tarojs/components';
import type { AttendanceResponse, AttendeeItem } from '@contracts/deliberation-votes.contract';
import { chinaHm, chinaWhen } from '@/components/deliberation/china-time';
import { Notice } from '@/components/notice/notice';

function stateOf(a: AttendeeItem): { text: string; tone: string } {
  if (a.checkedInAt) return { text: `已签到 ${chinaHm(a.checkedInAt)}`, tone: 'ds-tag--ok' };
  if (a.attendance === 'absent') return { text: '缺席', tone: 'ds-tag--bad' };
  return { text: '未签到', tone: '' };
}

/** Who came and who has not (yet): the counts in big figures, then everyone with a seat. */
export function AttendanceView({ data }: { data: AttendanceResponse }) {
  const c = data.counts;
  return (
    <View>
      {!data.checkInOpen ? (
        <Notice
          tone='warning'
          id='checkin-window'
          text={
            Date.parse(data.checkInOpensAt) > Date.now()
              ? `还没到签到时间：${chinaWhen(data.checkInOpensAt)} 开始签到。`
              : '这场议事的签到已经结束。'
          }
        />
      ) : null}
      <View className='card checkin-counts' id='checkin-counts'>
        <Text className='checkin-counts__big'>
          已到 {c.present} / {c.confirmed} 人
        </Text>
        <Text className='caption'>
          未到 {c.pending} 人{data.absencesRecorded ? ` · 缺席 ${c.absent} 人` : ''} · 候补 {c.waitlisted} 人 · 代办 {c.proxy} 人
        </Text>
      </View>
      {data.attendees.length === 0 ? <Text className='plain-line muted'>还没有人报名。</Text> : null}
      {data.attendees.map((a) => {
        const s = stateOf(a);
        return (
          <View className='card checkin-attendee' key={a.registrationId} id={`attendee-${a.registrationId}`}>
            <View className='ds-row'>
              <Text className='checkin-attendee__name'>{a.name}</Text>
              <Text className={`ds-tag ${s.tone}`}>{s.text}</Text>
            </View>
            <View>
              {a.unitLabel ? <Text className='caption'>{a.unitLabel}</Text> : null}
              {a.proxy ? <Text className='ds-tag'>代办{a.proxyByName ? `（${a.proxyByName}）` : ''}</Text> : null}
              {a.seatKind === 'reserved' ? <Text className='ds-tag'>居民代表席</Text> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
