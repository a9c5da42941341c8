import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { isLargeText, setLargeText, subscribeLargeText } from '@/services/large-text';

/** Large-text mode, kept in step across pages (live updates plus a re-read on page show). */
export function useLargeText(): [boolean, (large: boolean) => void] {
  const [large, setLarge] = useState<boolean>(() => isLargeText());
  useEffect(() => subscribeLargeText(setLarge), []);
  useDidShow(() => setLarge(isLargeText()));
  return [large, setLargeText];
}
