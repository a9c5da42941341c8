import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { MeResponse } from '@contracts/users.contract';
import { getMe } from '@/services/users.api';
import { errorMessage } from '@/services/request';
import { getToken, goToLogin } from '@/services/session';

/** Loads the signed-in user each time the page shows; sends guests to the login page. */
export function useMe(onShow?: () => Promise<void> | void) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    if (!getToken()) {
      goToLogin();
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const [user] = await Promise.all([getMe(), onShow?.()]);
      setMe(user);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [onShow]);

  useDidShow(() => {
    void reload();
  });

  return { me, setMe, error, loading, reload };
}
