/* A small in-memory stand-in for @tarojs/taro (only what the client uses). */
import { useEffect, useRef } from 'react';

type Json = unknown;
const storage = new Map<string, string>();
let routerParams: Record<string, string> = {};
let pages: Array<{ route: string }> = [{ route: 'pages/home/index' }];
let systemInfo: Record<string, unknown> = { fontSizeSetting: 16, platform: 'devtools' };

export const getStorageSync = jest.fn((key: string): Json => {
  const raw = storage.get(key);
  return raw === undefined ? '' : JSON.parse(raw);
});
export const setStorageSync = jest.fn((key: string, value: Json) => {
  storage.set(key, JSON.stringify(value));
});
export const removeStorageSync = jest.fn((key: string) => {
  storage.delete(key);
});

export const request = jest.fn();
export const login = jest.fn(async () => ({ code: 'wx-code', errMsg: 'login:ok' }));
export const reLaunch = jest.fn(async () => ({}));
export const navigateTo = jest.fn(async () => ({}));
export const redirectTo = jest.fn(async () => ({}));
export const switchTab = jest.fn(async () => ({}));
export const navigateBack = jest.fn(async () => ({}));
export const showToast = jest.fn(async () => ({}));
export const getSystemInfoSync = jest.fn(() => systemInfo);
export const getCurrentPages = jest.fn(() => pages);

/** Page show: runs once after mount (tests re-render to simulate a new show). */
export function useDidShow(callback: () => void): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    ref.current();
  }, []);
}

export function useRouter() {
  return { params: routerParams, path: '' };
}

/** Test helpers (not part of Taro). */
export const __mock = {
  reset(): void {
    storage.clear();
    routerParams = {};
    pages = [{ route: 'pages/home/index' }];
    systemInfo = { fontSizeSetting: 16, platform: 'devtools' };
  },
  storage,
  setRouterParams(params: Record<string, string>): void {
    routerParams = params;
  },
  setPages(routes: string[]): void {
    pages = routes.map((route) => ({ route }));
  },
  setSystemInfo(info: Record<string, unknown>): void {
    systemInfo = info;
  },
};

const Taro = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  request,
  login,
  reLaunch,
  navigateTo,
  redirectTo,
  switchTab,
  navigateBack,
  showToast,
  getSystemInfoSync,
  getCurrentPages,
  useDidShow,
  useRouter,
};

export default Taro;
