import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ConcernCategory, ConcernItem, ConcernStatus } from '@contracts/concerns.contract';
import { ConcernCategories, ConcernCategoryLabels, ConcernStatuses, ConcernStatusLabels } from '@contracts/concerns.constants';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { acceptConcern, listInbox, type InboxView } from '@/services/concerns.api';
import {
  canActOnConcerns,
  canConfigureCategories, canKeepDiary, canManageApiKeys, canSeeFigures,
  canSeeUnconfirmedResidents,
  canSubmitForResident,
} from '@/services/permissions';
import { errorMessage } from '@/services/request';
import { concernDetailUrl, Routes } from '@/services/routes';

export const inboxViews: ReadonlyArray<{ key: InboxView; label: string }> = [
  { key: 'inbox', label: '待我处理' },
  { key: 'area', label: '辖区全部' },
];

type All = 'all';
export const statusChoices: ReadonlyArray<{ key: ConcernStatus | All; label: string }> = [
  { key: 'all', label: '全部状态' },
  ...ConcernStatuses.map((s) => ({ key: s, label: ConcernStatusLabels[s] })),
];
export const categoryChoices: ReadonlyArray<{ key: ConcernCategory | All; label: string }> = [
  { key: 'all', label: '全部类别' },
  ...ConcernCategories.map((c) => ({ key: c, label: ConcernCategoryLabels[c] })),
];

/** Waiting for the level that holds them to accept (the quick "受理" button). */
const AWAITING_ACCEPT: readonly ConcernStatus[] = ['submitted', 'escalated', 'returned', 'reopened'];

export function useInboxModel() {
  const [view, setView] = useState<InboxView>('inbox');
  const [status, setStatus] = useState<ConcernStatus | All>('all');
  const [category, setCategory] = useState<ConcernCategory | All>('all');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [acceptingId, setAcceptingId] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const fetchPage = useCallback(
    (cursor: string | null) =>
      listInbox({ view, status: status === 'all' ? undefined : status, category: category === 'all' ? undefined : category }, cursor),
    [view, status, category],
  );
  const list = usePagedList(fetchPage);
  const firstRender = useRef(true);

  // Reload on every page show (with the user, for their role), and whenever a filter changes.
  const { me } = useMe(list.reload);
  const { reload } = list;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    void reload();
  }, [reload]);

  const accept = async (concern: ConcernItem) => {
    setAcceptingId(concern.id);
    setActionError(null);
    try {
      await acceptConcern(concern.id, concern.version);
      void Taro.showToast({ title: '已受理', icon: 'success' });
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setAcceptingId(null);
    }
    // Accepted, or someone else was first (409): either way show the current list.
    await list.reload();
  };

  const role = me?.role;
  const chosen = [status === 'all' ? null : ConcernStatusLabels[status], category === 'all' ? null : ConcernCategoryLabels[category]].filter(Boolean);
  return {
    ...list,
    view,
    setView: (v: InboxView) => {
      setActionError(null);
      setView(v);
    },
    views: inboxViews,
    status,
    setStatus,
    category,
    setCategory,
    filtersOpen,
    toggleFilters: () => setFiltersOpen((o) => !o),
    filterSummary: chosen.length ? `筛选：${chosen.join('、')}` : '筛选：全部状态、全部类别',
    /** Only rows my level holds (the inbox view) and that wait to be accepted get the quick button. */
    canQuickAccept: (c: ConcernItem) => view === 'inbox' && canActOnConcerns(role) && AWAITING_ACCEPT.includes(c.status),
    accept: (c: ConcernItem) => void accept(c),
    acceptingId,
    actionError,
    showResidents: canSeeUnconfirmedResidents(role),
    showProxy: canSubmitForResident(role),
    showCategories: canConfigureCategories(role),
    showDiary: canKeepDiary(role),
    showFigures: canSeeFigures(role),
    showApiKeys: canManageApiKeys(role),
    openConcern: (id: number) => void Taro.navigateTo({ url: concernDetailUrl(id) }),
    goResidents: () => void Taro.navigateTo({ url: Routes.staffResidents }),
    goProxy: () => void Taro.navigateTo({ url: Routes.staffProxy }),
    goCategories: () => void Taro.navigateTo({ url: Routes.staffCategories }),
    goDiary: () => void Taro.navigateTo({ url: Routes.staffDiary }),
    goFigures: () => void Taro.navigateTo({ url: Routes.staffFigures }),
    goApiKeys: () => void Taro.navigateTo({ url: Routes.staffApiKeys }),
  };
}
