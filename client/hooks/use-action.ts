import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { errorMessage } from '@/services/request';

/**
 * One action at a time on a screen (resident and staff pages alike): which one is running (its key, for the
 * button's spinner), and the server's message when it failed. `run` resolves true when the work succeeded.
 */
export function useAction<K = string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const run = async (key: K, work: () => Promise<unknown>, doneText?: string): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(key);
    setError(null);
    try {
      await work();
      if (doneText) void Taro.showToast({ title: doneText, icon: 'success' });
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return { busy, error, setError, run };
}

/** Asks before something that cannot be undone; resolves true on 确定. */
export async function confirmAction(title: string, content: string, confirmText: string): Promise<boolean> {
  const answer = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
  return !!answer.confirm;
}
