import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { useHelpSteps } from '@/pages/volunteers/use-help-steps';
import { listMyTasks } from '@/services/help-requests.api';
import { Routes, volRequestUrl } from '@/services/routes';

/** 我的任务: the requests I hold a seat on, with the steps the server allows me now; reloaded after each step. */
export function useTasksModel() {
  const list = usePagedList(listMyTasks);
  const me = useMe(list.reload);
  const steps = useHelpSteps(() => list.reload());
  return {
    ...list,
    loadError: me.error ?? list.error,
    reload: () => void me.reload(),
    steps,
    openRequest: (id: number) => void Taro.navigateTo({ url: volRequestUrl(id) }),
    goHall: () => void Taro.navigateTo({ url: Routes.volHall }),
  };
}
