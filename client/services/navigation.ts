import Taro from '@tarojs/taro';
import { TabRoutes } from './routes';

/** Open an in-app path: tab pages need switchTab, everything else navigateTo. */
export function openPath(url: string): void {
  const path = `/${url.split('?')[0].replace(/^\/+/, '')}`;
  if (TabRoutes.includes(path)) {
    void Taro.switchTab({ url: path });
  } else {
    void Taro.navigateTo({ url: url.startsWith('/') ? url : `/${url}` });
  }
}

/** Back to the previous page, or to the given tab when there is none (e.g. opened by a link). */
export function goBackOr(tabPath: string): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: tabPath });
  }
}
