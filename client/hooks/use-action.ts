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

/** WeChat (and Taro H5) refuse a modal whose button text is longer than 4 characters: the dialog never opens. */
export const MODAL_BUTTON_MAX = 4;

/**
 * Asks before something that cannot be undone; resolves true on 确定. A button text too long for WeChat falls back to
 * 确定 (test/client/modal-texts.test.ts keeps the literals short); a modal that still fails to open is asked again with
 * the plain texts, so the button never silently does nothing.
 */
export async function confirmAction(title: string, content: string, confirmText: string): Promise<boolean> {
  const text = [...confirmText].length <= MODAL_BUTTON_MAX ? confirmText : '确定';
  try {
    return !!(await Taro.showModal({ title, content, confirmText: text, cancelText: '取消' })).confirm;
  } catch {
    return !!(await Taro.showModal({ title, content })).confirm;
  }
}
