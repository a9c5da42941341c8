import { Text, View } from '@tarojs/components';
import type { LedgerLine } from '@contracts/timebank.contract';
import { ledgerNote, ledgerWhat, signedHours } from '@/components/vol-staff/hours';
import '@/components/vol-staff/vol-staff.scss';

/** One line per movement: "微心愿：帮张大爷学视频通话  +1.5 小时", the day, and a note when capped or corrected. */
export function LedgerList({ lines }: { lines: LedgerLine[] }) {
  return (
    <View>
      {lines.map((l) => {
        const note = ledgerNote(l);
        const tone = l.minutes > 0 ? ' vs-amount--plus' : l.minutes < 0 ? ' vs-amount--minus' : '';
        return (
          <View className='vs-item' key={l.transactionId} id={`ledger-${l.transactionId}`}>
            <View className='ds-row'>
              <Text>{ledgerWhat(l)}</Text>
              <Text className={`vs-amount${tone}`}>{signedHours(l.minutes)}</Text>
            </View>
            <Text className='caption'>{l.serviceDate}</Text>
            {note ? <Text className='vs-line caption'>{note}</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
