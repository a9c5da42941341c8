import { Text, View } from '@tarojs/components';
import './delib-staff.scss';

export interface CheckInOutcome {
  /** ok: checked in now; again: had already checked in; error: not checked in. */
  tone: 'ok' | 'again' | 'error';
  /** The resident's name (none on an error). */
  name: string | null;
  /** e.g. "签到成功", "已于 16:52 签到过", or the reason it failed. */
  line: string;
  /** A small line under it, e.g. "代办报名（李网格员）". */
  detail?: string | null;
}

/** The answer to a scan or typed code, big enough to read at arm's length. */
export function CheckInResult({ outcome }: { outcome: CheckInOutcome | null }) {
  if (!outcome) return null;
  return (
    <View id='checkin-result' className={`ds-result ds-result--${outcome.tone}`}>
      {outcome.name ? <Text className='ds-result__name'>{outcome.name}</Text> : null}
      <Text className='ds-result__line'>{outcome.line}</Text>
      {outcome.detail ? <Text className='ds-field__hint'>{outcome.detail}</Text> : null}
    </View>
  );
}
