/** Every key this app writes with Taro.setStorageSync, in one place. */
export const StorageKeys = {
  token: 'linli.token',
  largeText: 'linli.largeText',
  concernDraft: 'linli.concernDraft',
} as const;
