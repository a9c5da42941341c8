import type { SessionItem } from '@contracts/deliberation.contract';
import { chinaHm, chinaDateTime } from './china-time';

type RegistrationTone = 'info' | 'success' | 'warning';

/** What a resident sees about their place in one session, and which buttons make sense now. */
interface RegistrationView {
  /** One plain line: my status. */
  statusText: string;
  tone: RegistrationTone;
  /** Registered: a seat or a place on the waiting list. */
  registered: boolean;
  canSignUp: boolean;
  canCancel: boolean;
  /** Why sign-up is not possible now, or what signing up will mean (full → waiting list). */
  hint: string | null;
}

const ended = (s: SessionItem, now: Date) => now.getTime() >= new Date(s.endsAt).getTime();
const started = (s: SessionItem, now: Date) => now.getTime() >= new Date(s.startsAt).getTime();

/** The registration part of a session, from the server's answer (the server still decides on every tap). */
export function registrationView(s: SessionItem, now = new Date()): RegistrationView {
  const mine = s.mine && s.mine.status !== 'cancelled' ? s.mine : null;
  const closed = { canSignUp: false, canCancel: false, hint: null };
  if (s.status === 'cancelled') {
    return { ...closed, statusText: `这场议事已取消${s.cancelReason ? `：${s.cancelReason}` : ''}`, tone: 'warning', registered: false };
  }
  if (ended(s, now)) {
    return { ...closed, statusText: '这场议事已经结束', tone: 'info', registered: !!mine };
  }
  if (mine) {
    const canCancel = !started(s, now) && !mine.checkedInAt;
    if (mine.status === 'confirmed') {
      const text = mine.checkedInAt
        ? `您已签到（${chinaHm(mine.checkedInAt)}）`
        : `您已报名，座位已为您留好${mine.seatKind === 'reserved' ? '（居民代表席）' : ''}`;
      return { statusText: text, tone: 'success', registered: true, canSignUp: false, canCancel, hint: null };
    }
    const place = mine.waitlistPosition ? `第 ${mine.waitlistPosition} 位` : '中';
    return {
      statusText: `您在候补名单${place}。有人取消时，会按顺序自动递补并通知您`,
      tone: 'warning',
      registered: true,
      canSignUp: false,
      canCancel,
      hint: null,
    };
  }
  if (s.registrationOpen) {
    const hint = s.seatsLeft > 0 ? null : '座位已满：现在报名会进入候补名单，有人取消时按顺序递补';
    return { statusText: '您还没有报名', tone: 'info', registered: false, canSignUp: true, canCancel: false, hint };
  }
  const notYet = now.getTime() < new Date(s.registrationOpensAt).getTime();
  return {
    ...closed,
    statusText: '您还没有报名',
    tone: 'info',
    registered: false,
    hint: notYet ? `${chinaDateTime(s.registrationOpensAt, now)} 开始报名` : '报名已经截止',
  };
}

/** "剩余座位 3 个（共 25 个）" */
export function seatsText(s: SessionItem): string {
  return `剩余座位 ${s.seatsLeft} 个（共 ${s.seats - s.reservedSeats} 个）`;
}

/** "居民代表预留 5 个，还剩 2 个"; null without reserved seats. */
export function reservedText(s: SessionItem): string | null {
  return s.reservedSeats > 0 ? `居民代表预留 ${s.reservedSeats} 个，还剩 ${s.reservedLeft} 个` : null;
}

/** "候补 4 人"; null when nobody waits. */
export function waitingText(s: SessionItem): string | null {
  return s.waitingCount > 0 ? `候补 ${s.waitingCount} 人` : null;
}
