import { Text, View } from '@tarojs/components';
import type { SessionItem } from '@contracts/deliberation.contract';
import { InfoRow } from '@/components/info-row/info-row';
import { chinaTimeRange } from './china-time';
import { registrationView, reservedText, seatsText, waitingText } from './registration';
import './deliberation.scss';

export interface SessionFactsProps {
  session: SessionItem;
  /** Prefix of the element ids, e.g. 'next-session'. */
  idPrefix: string;
  /** Show my registration status line (residents). */
  showMine?: boolean;
  now?: Date;
}

/** When and where a session is, its seats and waiting list, and (for residents) my status in one line. */
export function SessionFacts({ session: s, idPrefix, showMine, now = new Date() }: SessionFactsProps) {
  const view = registrationView(s, now);
  const reserved = reservedText(s);
  const waiting = waitingText(s);
  const cancelled = s.status === 'cancelled';
  return (
    <View className='delib-session-facts'>
      <Text className='delib-session-facts__when' id={`${idPrefix}-when`}>
        {chinaTimeRange(s.startsAt, s.endsAt, now)}
      </Text>
      {s.name ? <Text className='delib-session-facts__name muted'>{s.name}</Text> : null}
      <InfoRow label='地点' value={s.place} id={`${idPrefix}-place`} />
      {cancelled ? null : <InfoRow label='座位' value={seatsText(s)} id={`${idPrefix}-seats`} />}
      {!cancelled && reserved ? <InfoRow label='代表席' value={reserved} /> : null}
      {!cancelled && waiting ? <InfoRow label='候补' value={waiting} id={`${idPrefix}-waiting`} /> : null}
      {showMine || cancelled ? (
        <Text className={`delib-status delib-status--${view.tone}`} id={`${idPrefix}-status`}>
          {view.statusText}
        </Text>
      ) : null}
    </View>
  );
}
