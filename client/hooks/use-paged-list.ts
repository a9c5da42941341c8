import { useCallback, useRef, useState } from 'react';
import type { Page } from '@contracts/common.contract';
import { errorMessage } from '@/services/request';

/** A cursor-paged list: reload() fetches the first page, loadMore() appends the next. */
export function usePagedList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(null);
      if (gen !== generation.current) return;
      setItems(page.items);
      setNextCursor(page.nextCursor);
      setLoaded(true);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [fetchPage]);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loading) return;
    const gen = generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(nextCursor);
      if (gen !== generation.current) return;
      setItems((prev) => [...prev, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [fetchPage, nextCursor, loading]);

  return { items, setItems, hasMore: nextCursor !== null, loading, loaded, error, reload, loadMore };
}
