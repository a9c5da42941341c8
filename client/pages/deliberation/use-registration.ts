import Taro from '@tarojs/taro';
import type { RegistrationItem, SessionItem } from '@contracts/deliberation.contract';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { useAction } from '@/hooks/use-action';
import { signUpForSession, withdrawFromSession } from '@/services/deliberation.api';

function signedUpText(r: RegistrationItem): string {
  if (r.status === 'confirmed') return '报名成功，座位已为您留好';
  return r.waitlistPosition ? `座位已满，您在候补第 ${r.waitlistPosition} 位` : '座位已满，您已进入候补名单';
}

/**
 * Sign-up and cancellation with a confirm dialog each, for the tab page and the session page (this file is
 * in the main package so the deliberation subpackage can use it too). After a change the caller reloads.
 */
export function useRegistration(onChanged: () => Promise<void> | void) {
  const action = useAction<'sign-up' | 'cancel'>();

  const run = async (kind: 'sign-up' | 'cancel', s: SessionItem, ask: { title: string; content: string; confirmText: string }) => {
    if (action.busy !== null) return;
    action.setError(null);
    const answer = await Taro.showModal({ ...ask, cancelText: '再想想' });
    if (!answer.confirm) return;
    await action.run(kind, async () => {
      if (kind === 'sign-up') {
        const r = await signUpForSession(s.id);
        void Taro.showToast({ title: signedUpText(r), icon: 'none' });
      } else {
        await withdrawFromSession(s.id);
        void Taro.showToast({ title: '已取消报名', icon: 'none' });
      }
    });
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

  return { busy: action.busy, error: action.error, signUp, cancel };
}
