import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MePage from '@/pages/me/index';
import HomePage from '@/pages/home/index';
import { __mock } from './mocks/taro';
import { mockApi, resetTaro, routeOf, residentMe, setToken } from './helpers';

function pageRoot(container: HTMLElement): HTMLElement {
  return container.querySelector('.page') as HTMLElement;
}

function serveMe() {
  mockApi((req) => {
    if (routeOf(req) === 'GET /api/me') return { status: 200, body: residentMe };
    if (routeOf(req) === 'GET /api/notifications/unread-count') return { status: 200, body: { unread: 0 } };
    return undefined;
  });
}

describe('large-text mode', () => {
  beforeEach(() => {
    resetTaro();
    setToken();
    serveMe();
  });

  it('the switch on the Me page puts the large class on the page root and remembers it', async () => {
    const { container } = render(<MePage />);
    await screen.findByText('王秀兰');
    expect(pageRoot(container).className).not.toContain('page--large');

    await act(async () => {
      fireEvent.click(document.getElementById('large-text-switch')!);
    });

    expect(pageRoot(container).className).toContain('page--large');
    expect(screen.getByText('已开启')).toBeTruthy();
    expect(Taro.getStorageSync('linli.largeText')).toBe('on');
  });

  it('other pages already mounted follow the change, and a new page reads the stored choice', async () => {
    const home = render(<HomePage />);
    const me = render(<MePage />);
    await screen.findByText('您好，王秀兰');

    await act(async () => {
      fireEvent.click(document.getElementById('large-text-switch')!);
    });
    expect(pageRoot(home.container).className).toContain('page--large');

    me.unmount();
    home.unmount();
    const again = render(<HomePage />);
    await screen.findByText('您好，王秀兰');
    expect(pageRoot(again.container).className).toContain('page--large');
  });

  it("follows WeChat's large font setting when the user has not chosen", async () => {
    __mock.setSystemInfo({ fontSizeSetting: 20 });
    const { container } = render(<HomePage />);
    await screen.findByText('您好，王秀兰');
    expect(pageRoot(container).className).toContain('page--large');
  });

  it("the user's choice 'off' wins over WeChat's large font setting", async () => {
    __mock.setSystemInfo({ fontSizeSetting: 20 });
    Taro.setStorageSync('linli.largeText', 'off');
    const { container } = render(<HomePage />);
    await screen.findByText('您好，王秀兰');
    expect(pageRoot(container).className).not.toContain('page--large');
  });
});
