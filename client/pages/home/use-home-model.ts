import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import { getUnreadCount } from '@/services/notifications.api';
import { canSubmitConcern, canUseWorkbench } from '@/services/permissions';
import { Routes } from '@/services/routes';

export function useHomeModel() {
  const [unread, setUnread] = useState(0);
  const loadUnread = useCallback(async () => {
    try {
      setUnread((await getUnreadCount()).unread);
    } catch {
      // The count is only a hint; the page still works without it.
    }
  }, []);
  const { me, error, loading, reload } = useMe(loadUnread);

  const isResident = me?.role === 'resident';
  return {
    me,
    error,
    loading,
    reload,
    unread,
    isResident,
    canSubmit: canSubmitConcern(me?.role),
    hasWorkbench: canUseWorkbench(me?.role),
    needsUnit: isResident && !me?.unit,
    unitUnconfirmed: !!me?.unit && !me.unit.confirmed,
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
    goNewConcern: () => void Taro.navigateTo({ url: Routes.newConcern }),
    goNotifications: () => void Taro.navigateTo({ url: Routes.notifications }),
    goWorkbench: () => void Taro.navigateTo({ url: Routes.staffInbox }),
  };
}
