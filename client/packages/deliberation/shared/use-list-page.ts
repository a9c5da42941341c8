import { useEffect, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Page } from '@contracts/common.contract';
import { usePagedList } from '@/hooks/use-paged-list';

/**
 * The paged list of a list page: the first page on open and whenever `fetchPage` changes (another filter or
 * sort), and again each time the page shows again (e.g. coming back after proposing or following).
 */
export function useListPage<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const list = usePagedList<T>(fetchPage);
  const { reload } = list;
  useEffect(() => {
    void reload();
  }, [reload]);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  return list;
}
