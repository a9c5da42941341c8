import Taro from '@tarojs/taro';

interface ShareCard {
  title: string;
  /** In-app path, e.g. /packages/deliberation/session/index?id=3 */
  path: string;
}

/**
 * The card WeChat shows when the page is shared into a chat (the page config must say
 * enableShareAppMessage: true). Until the page has loaded, the card opens the same page.
 */
export function useShareCard(card: ShareCard | null, fallback: ShareCard): void {
  Taro.useShareAppMessage(() => card ?? fallback);
}

/** Browser: the full address of an in-app path (the H5 build uses the hash router). */
function appLink(path: string): string {
  if (process.env.TARO_ENV === 'h5') {
    const { origin, pathname } = window.location;
    return `${origin}${pathname}#${path.startsWith('/') ? path : `/${path}`}`;
  }
  return path;
}

/** Browser: copy the page's full link so it can be pasted into a chat. */
export async function copyLink(path: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: appLink(path) });
    void Taro.showToast({ title: '链接已复制，可以粘贴发给邻居', icon: 'none' });
  } catch {
    void Taro.showToast({ title: '没能复制，请长按地址栏里的链接复制', icon: 'none' });
  }
}
