import Taro from '@tarojs/taro';
import { StorageKeys } from './storage-keys';
import { Routes } from './routes';

export function getToken(): string | null {
  const value: unknown = Taro.getStorageSync(StorageKeys.token);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function setToken(token: string): void {
  Taro.setStorageSync(StorageKeys.token, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(StorageKeys.token);
}

function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1] as { route?: string } | undefined;
  return top?.route ? `/${top.route.replace(/^\//, '')}` : '';
}

/** Go to the login page, dropping the page stack (no-op when already there). */
export function goToLogin(): void {
  if (currentRoute().startsWith(Routes.login)) return;
  void Taro.reLaunch({ url: Routes.login });
}

/** Log out: forget the token and show the login page. */
export function logout(): void {
  clearToken();
  goToLogin();
}
