import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { RegistrationItem, SessionItem } from '@contracts/deliberation.contract';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { signUpForSession, withdrawFromSession } from '@/services/deliberation.api';
import { errorMessage } from '@/services/request';

function signedUpText(r: RegistrationItem): string {
  if (r.status === 'confirmed') return '报名成功，座位已为您留好';
  return r.waitlistPosition ? `座位已满，您在候补第 ${r.waitlistPosition} 位` : '座位已满，您已进入候补名单';
}

/**
 * Sign-up and cancellation with a confirm dialog each, for the tab page and the session page (this file is
 * in the main package so the deliberation subpackage can use it too). After a change the caller reloads.
 */
export function useRegistration(onChanged: () => Promise<void> | void) {
  const [busy, setBusy] = useState<'sign-up' | 'cancel' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const run = async (kind: 'sign-up' | 'cancel', s: SessionItem, ask: { title: string; content: string; confirmText: string }) => {
    if (inFlight.current) return;
    setError(null);
    const answer = await Taro.showModal({ ...ask, cancelText: '再想想' });
    if (!answer.confirm) return;
    inFlight.current = true;
    setBusy(kind);
    try {
      if (kind === 'sign-up') {
        const r = await signUpForSession(s.id);
        void Taro.showToast({ title: signedUpText(r), icon: 'none' });
      } else {
        await withdrawFromSession(s.id);
        void Taro.showToast({ title: '已取消报名', icon: 'none' });
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
    // Whatever happened, show the server's current seats and my place.
    await onChanged();
  };

  const signUp = (s: SessionItem) =>
    void run('sign-up', s, {
      title: '确认报名',
      content: `${chinaDateTime(s.startsAt)}，${s.place}。${s.seatsLeft > 0 ? '' : '座位已满，报名后进入候补名单。'}`,
      confirmText: '确认报名',
    });

  const cancel = (s: SessionItem) =>
    void run('cancel', s, {
      title: '取消报名',
      content: s.mine?.status === 'confirmed' ? '取消后，您的座位会让给候补的邻居。确定取消吗？' : '取消后，您会离开候补名单。确定取消吗？',
      confirmText: '确定取消',
    });

  return { busy, error, signUp, cancel };
}
