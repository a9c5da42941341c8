import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ConcernStatus } from '@contracts/concerns.contract';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { canHandleConcerns } from '@/services/permissions';
import { acceptConcern, listInbox } from '@/services/concerns.api';
import { errorMessage } from '@/services/request';
import { concernDetailUrl, Routes } from '@/services/routes';

export type InboxFilter = 'submitted' | 'all';

export const inboxFilters: ReadonlyArray<{ key: InboxFilter; label: string }> = [
  { key: 'submitted', label: '待受理' },
  { key: 'all', label: '全部' },
];

export function useInboxModel() {
  const [filter, setFilter] = useState<InboxFilter>('submitted');
  const [acceptingId, setAcceptingId] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const status: ConcernStatus | undefined = filter === 'all' ? undefined : filter;
  const fetchPage = useCallback((cursor: string | null) => listInbox(status, cursor), [status]);
  const list = usePagedList(fetchPage);
  const firstRender = useRef(true);

  // Reload on every page show (with the user, for their role), and whenever the filter changes.
  const { me } = useMe(list.reload);
  const { reload } = list;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void reload();
  }, [reload]);

  const accept = async (id: number) => {
    setAcceptingId(id);
    setActionError(null);
    try {
      await acceptConcern(id);
      void Taro.showToast({ title: '已受理', icon: 'success' });
      await list.reload();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setAcceptingId(null);
    }
  };

  return {
    ...list,
    filter,
    setFilter,
    filters: inboxFilters,
    canAccept: canHandleConcerns(me?.role),
    accept,
    acceptingId,
    actionError,
    openConcern: (id: number) => void Taro.navigateTo({ url: concernDetailUrl(id) }),
    goResidents: () => void Taro.navigateTo({ url: Routes.staffResidents }),
  };
}
