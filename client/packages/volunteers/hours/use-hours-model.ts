import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { canUseVolunteerServices } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { Routes } from '@/services/routes';
import { getMyHistory, getMyTimebank } from '@/services/timebank.api';

/** My hours: balance, rank in the community, today's allowance, and the ledger lines (newest first, paged). */
export function useHoursModel() {
  const summary = useResource(getMyTimebank);
  const fetchPage = useCallback((cursor: string | null) => getMyHistory(cursor), []);
  const history = usePagedList(fetchPage);
  const gate = useRoleGate(canUseVolunteerServices, () => Promise.all([summary.reload(), history.reload()]));
  return {
    gate,
    summary,
    history,
    openRewards: () => void Taro.navigateTo({ url: Routes.volRewards }),
    openActivities: () => void Taro.navigateTo({ url: Routes.volActivities }),
  };
}
