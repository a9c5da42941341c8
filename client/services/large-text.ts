import Taro from '@tarojs/taro';
import { LARGE_FONT_SIZE_SETTING } from '@/styles/tokens';
import { StorageKeys } from './storage-keys';

type Listener = (large: boolean) => void;
const listeners = new Set<Listener>();

/** WeChat's own font size setting (weapp only; undefined elsewhere). */
function systemPrefersLargeText(): boolean {
  try {
    const info = Taro.getSystemInfoSync() as { fontSizeSetting?: number };
    return typeof info.fontSizeSetting === 'number' && info.fontSizeSetting > LARGE_FONT_SIZE_SETTING;
  } catch {
    return false;
  }
}

/** The user's own choice on the Me page wins; otherwise follow WeChat's font size setting. */
export function isLargeText(): boolean {
  const stored: unknown = Taro.getStorageSync(StorageKeys.largeText);
  if (stored === 'on') return true;
  if (stored === 'off') return false;
  return systemPrefersLargeText();
}

export function setLargeText(large: boolean): void {
  Taro.setStorageSync(StorageKeys.largeText, large ? 'on' : 'off');
  listeners.forEach((listener) => listener(large));
}

export function subscribeLargeText(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
