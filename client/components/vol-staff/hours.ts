import type { LedgerLine } from '@contracts/timebank.contract';

/** Minutes as hours with at most one decimal: 90 -> "1.5", 120 -> "2". */
export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}

/** "+1.5 小时" / "-2 小时" / "0 小时". */
export function signedHours(minutes: number): string {
  const sign = minutes > 0 ? '+' : minutes < 0 ? '-' : '';
  return `${sign}${hoursText(Math.abs(minutes))} 小时`;
}

/** What one ledger line was for, in plain words ("微心愿：帮张大爷学视频通话", "志愿活动：清理楼道"). */
export function ledgerWhat(line: LedgerLine): string {
  if (line.kind === 'credit' && line.sourceType === 'activity') return `志愿活动：${line.memo}`;
  return line.memo;
}

/** The note under a line: the daily cap cut, or a later correction. */
export function ledgerNote(line: LedgerLine): string | null {
  if (line.kind === 'credit' && line.minutes < line.requestedMinutes) {
    return line.minutes === 0
      ? `当天时长已到上限，这次的 ${hoursText(line.requestedMinutes)} 小时没有计入`
      : `当天时长已到上限，应记 ${hoursText(line.requestedMinutes)} 小时，实记 ${hoursText(line.minutes)} 小时`;
  }
  if (line.reversedById !== null) return '这笔已被冲正';
  return null;
}

/** Hours typed by staff ("1.5") as whole minutes, or null when not a number. */
export function minutesFromHours(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Math.round(Number(t) * 60);
}
