import { useCallback, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import type { ConcernDetail } from '@contracts/concerns.contract';
import { getConcern } from '@/services/concerns.api';
import { errorMessage } from '@/services/request';

export function useDetailModel() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [concern, setConcern] = useState<ConcernDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('没有找到这个问题');
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setConcern(await getConcern(id));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [id]);

  useDidShow(() => {
    void reload();
  });

  return { concern, error, loading, reload };
}
