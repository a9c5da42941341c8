import type { AttendeeItem, CheckInResponse, ProxyRegistrationResponse } from '@contracts/deliberation-votes.contract';
import type { CheckInOutcome } from '@/components/delib-staff/check-in-result';
import { chinaHm } from '@/components/deliberation/china-time';

/**
 * What staff typed or the camera read, as a code: a bare code, or a link / text carrying `code=…`.
 * Spaces and case do not matter (the server compares the same way).
 */
export function codeFrom(scanned: string): string {
  const text = scanned.trim();
  const param = /[?&]code=([^&#\s]+)/i.exec(text);
  const raw = param ? decodeURIComponent(param[1]) : text;
  return raw.replace(/\s+/g, '').toUpperCase();
}

function detailOf(a: AttendeeItem): string | null {
  const parts = [a.unitLabel, a.proxy ? `代办${a.proxyByName ? `（${a.proxyByName}）` : ''}` : null, a.seatKind === 'reserved' ? '居民代表席' : null];
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}

export function checkInOutcome(r: CheckInResponse): CheckInOutcome {
  const a = r.attendee;
  if (r.alreadyCheckedIn) {
    return { tone: 'again', name: a.name, line: a.checkedInAt ? `已于 ${chinaHm(a.checkedInAt)} 签到过` : '已经签到过', detail: detailOf(a) };
  }
  return { tone: 'ok', name: a.name, line: '签到成功', detail: detailOf(a) };
}

export function proxyOutcome(r: ProxyRegistrationResponse): CheckInOutcome {
  const a = r.attendee;
  if (r.checkedIn) return { tone: 'ok', name: a.name, line: '已代报名并签到', detail: detailOf(a) };
  if (r.waitlistPosition !== null) return { tone: 'again', name: a.name, line: `座位已满，候补第 ${r.waitlistPosition} 位`, detail: r.message };
  return { tone: 'again', name: a.name, line: '已代报名，还没有签到', detail: r.message };
}

export const errorOutcome = (message: string): CheckInOutcome => ({ tone: 'error', name: null, line: message });
