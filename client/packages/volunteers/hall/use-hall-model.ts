import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { useHelpSteps } from '@/pages/volunteers/use-help-steps';
import { listHall } from '@/services/help-requests.api';
import { volRequestUrl } from '@/services/routes';

/** 接单大厅: the open requests of my community; claiming one opens it. A lost race says so at once and reloads. */
export function useHallModel() {
  const list = usePagedList(listHall);
  const me = useMe(list.reload);
  const steps = useHelpSteps(async (detail) => {
    if (detail) void Taro.navigateTo({ url: volRequestUrl(detail.id) });
    await list.reload();
  });
  return {
    ...list,
    loadError: me.error ?? list.error,
    reload: () => void me.reload(),
    steps,
    openRequest: (id: number) => void Taro.navigateTo({ url: volRequestUrl(id) }),
  };
}
