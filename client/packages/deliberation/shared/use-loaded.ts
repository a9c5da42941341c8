import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/services/request';

/** One thing loaded from the server: data, the error message, loading, and reload (latest answer wins). */
export function useLoaded<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const value = await load();
      if (gen === generation.current) setData(value);
    } catch (e) {
      if (gen === generation.current) setError(errorMessage(e));
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [load]);

  return { data, setData, error, loading, reload };
}
