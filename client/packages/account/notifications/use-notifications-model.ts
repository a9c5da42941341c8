import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { NotificationItem } from '@contracts/notifications.contract';
import { usePagedList } from '@/hooks/use-paged-list';
import {
  getUnreadCount,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '@/services/notifications.api';
import { openPath } from '@/services/navigation';
import { errorMessage } from '@/services/request';

export function useNotificationsModel() {
  const list = usePagedList(listNotifications);
  const [unread, setUnread] = useState(0);
  const [actionError, setActionError] = useState<string | null>(null);
  const [markingAll, setMarkingAll] = useState(false);

  const refreshUnread = async () => {
    try {
      setUnread((await getUnreadCount()).unread);
    } catch {
      // The list shows its own error; the count is only a hint.
    }
  };

  useDidShow(() => {
    void list.reload();
    void refreshUnread();
  });

  const open = async (item: NotificationItem) => {
    setActionError(null);
    if (!item.read) {
      try {
        const res = await markNotificationRead(item.id);
        setUnread(res.unread);
        list.setItems((prev) => prev.map((n) => (n.id === item.id ? { ...n, read: true } : n)));
      } catch (e) {
        setActionError(errorMessage(e));
        return;
      }
    }
    if (item.link) openPath(item.link);
  };

  const markAll = async () => {
    setMarkingAll(true);
    setActionError(null);
    try {
      const res = await markAllNotificationsRead();
      setUnread(res.unread);
      list.setItems((prev) => prev.map((n) => ({ ...n, read: true })));
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setMarkingAll(false);
    }
  };

  return { ...list, unread, actionError, markingAll, open: (n: NotificationItem) => void open(n), markAll };
}
