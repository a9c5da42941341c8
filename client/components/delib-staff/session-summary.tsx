import { Text, View } from '@tarojs/components';
import type { SessionItem } from '@contracts/deliberation.contract';
import { InfoRow } from '@/components/info-row/info-row';
import { chinaSpan, chinaWhen } from '@/components/deliberation/china-time';
import './delib-staff.scss';

/** Seats taken (open and reserved) of a session. */
export function confirmedCount(s: SessionItem): number {
  return Math.max(0, s.seats - s.seatsLeft - s.reservedLeft);
}

export function seatsText(s: SessionItem): string {
  const reserved = s.reservedSeats > 0 ? `，居民代表席还剩 ${s.reservedLeft} 个` : '';
  return `共 ${s.seats} 座（居民代表预留 ${s.reservedSeats} 座）；已报名 ${confirmedCount(s)} 人，普通座位还剩 ${s.seatsLeft} 个${reserved}`;
}

export interface SessionSummaryProps {
  session: SessionItem;
  /** Show seats and the registration window (the hub); headers of other screens leave them out. */
  detailed?: boolean;
}

/** One session in plain words: which, when, where, and (detailed) seats, waiting list and sign-up window. */
export function SessionSummary({ session: s, detailed }: SessionSummaryProps) {
  const cancelled = s.status === 'cancelled';
  return (
    <View className='ds-session'>
      <View className='ds-row'>
        <Text className='section-title'>{s.name}</Text>
        {cancelled ? <Text className='ds-tag ds-tag--bad'>已取消</Text> : null}
        {!cancelled && s.registrationOpen ? <Text className='ds-tag ds-tag--ok'>报名中</Text> : null}
      </View>
      <InfoRow label='时间' value={chinaSpan(s.startsAt, s.endsAt)} />
      <InfoRow label='地点' value={s.place} />
      {cancelled ? <InfoRow label='取消原因' value={s.cancelReason ?? '未说明'} /> : null}
      {detailed && !cancelled ? (
        <View>
          <InfoRow label='座位' value={seatsText(s)} />
          <InfoRow label='候补' value={s.waitingCount > 0 ? `${s.waitingCount} 人在候补` : '没有人候补'} />
          <InfoRow label='报名' value={`${chinaWhen(s.registrationOpensAt)} 开始，${chinaWhen(s.registrationClosesAt)} 截止`} />
        </View>
      ) : null}
    </View>
  );
}
