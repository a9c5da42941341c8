import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { listMyConcerns, listPublicConcerns } from '@/services/concerns.api';
import { canSubmitConcern, canUseWorkbench } from '@/services/permissions';
import { concernDetailUrl, Routes } from '@/services/routes';

export type ConcernsTab = 'mine' | 'public';

export const concernsTabs: ReadonlyArray<{ key: ConcernsTab; label: string }> = [
  { key: 'mine', label: '我反映的' },
  { key: 'public', label: '社区公开的问题' },
];

export function useConcernsModel() {
  const [tab, setTab] = useState<ConcernsTab>('mine');
  const mine = usePagedList(listMyConcerns);
  const shared = usePagedList(listPublicConcerns);
  const list = tab === 'mine' ? mine : shared;
  const tabRef = useRef(tab);
  tabRef.current = tab;

  // useMe sends guests to login and reloads the shown list on every page show.
  const { me } = useMe(() => (tabRef.current === 'mine' ? mine.reload() : shared.reload()));
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void (tab === 'mine' ? mine.reload() : shared.reload());
    // Reload only when the tab changes.
  }, [tab]);

  return {
    ...list,
    tab,
    setTab,
    tabs: concernsTabs,
    emptyText: tab === 'mine' ? '您还没有反映过问题。' : '社区里暂时没有公开的问题。',
    canSubmit: canSubmitConcern(me?.role),
    hasWorkbench: canUseWorkbench(me?.role),
    goNewConcern: () => void Taro.navigateTo({ url: Routes.newConcern }),
    goWorkbench: () => void Taro.navigateTo({ url: Routes.staffInbox }),
    openConcern: (id: number) => void Taro.navigateTo({ url: concernDetailUrl(id) }),
  };
}
