import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/services/request';

/**
 * One piece of server data on a screen (resident and staff pages alike): loading, loaded, the server's message
 * when it failed, and reload(), which always runs the latest `fetch`. A late answer to an older reload never
 * overwrites a newer one.
 */
export function useResource<T>(fetch: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const next = await fetchRef.current();
      if (gen === generation.current) setData(next);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  return { data, setData, loading, loaded: data !== null, error, reload };
}
