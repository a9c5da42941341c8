import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import './qr-code.scss';

/** One row of the code as runs of equal modules: [dark?, length][]. */
type QrRow = Array<[boolean, number]>;

/** The QR matrix of `text` (error correction M), row by row as runs, so the view needs few nodes. */
function qrRows(text: string): QrRow[] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const rows: QrRow[] = [];
  for (let r = 0; r < n; r += 1) {
    const row: QrRow = [];
    for (let c = 0; c < n; c += 1) {
      const dark = qr.isDark(r, c);
      const last = row[row.length - 1];
      if (last && last[0] === dark) last[1] += 1;
      else row.push([dark, 1]);
    }
    rows.push(row);
  }
  return rows;
}

export interface QrCodeProps {
  /** What the code carries (the check-in code). */
  value: string;
  id?: string;
  /** Shown large under the code, for typing it in. */
  caption?: string;
}

/**
 * A QR code drawn with plain views (rows of dark and light runs, sized by flex): the same markup works in
 * the mini-program and the browser, no canvas needed. The code itself is printed large beneath.
 */
export function QrCode({ value, id, caption }: QrCodeProps) {
  const rows = useMemo(() => qrRows(value), [value]);
  return (
    <View className='qr-code' id={id}>
      <View className='qr-code__frame'>
        <View className='qr-code__grid' aria-label={`二维码：${value}`}>
          {rows.map((row, r) => (
            <View key={r} className='qr-code__row'>
              {row.map(([dark, length], i) => (
                <View key={i} className={dark ? 'qr-code__dark' : 'qr-code__light'} style={{ flex: length }} />
              ))}
            </View>
          ))}
        </View>
      </View>
      {caption ? <Text className='qr-code__caption'>{caption}</Text> : null}
      <Text className='qr-code__text' id={id ? `${id}-text` : undefined}>
        {value}
      </Text>
    </View>
  );
}
