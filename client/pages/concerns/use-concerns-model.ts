import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { listMyConcerns } from '@/services/concerns.api';
import { canSubmitConcern, canUseWorkbench } from '@/services/permissions';
import { concernDetailUrl, Routes } from '@/services/routes';

export function useConcernsModel() {
  const list = usePagedList(listMyConcerns);
  // useMe sends guests to login and reloads the list on every page show.
  const { me } = useMe(list.reload);

  return {
    ...list,
    canSubmit: canSubmitConcern(me?.role),
    hasWorkbench: canUseWorkbench(me?.role),
    goNewConcern: () => void Taro.navigateTo({ url: Routes.newConcern }),
    goWorkbench: () => void Taro.navigateTo({ url: Routes.staffInbox }),
    openConcern: (id: number) => void Taro.navigateTo({ url: concernDetailUrl(id) }),
  };
}
