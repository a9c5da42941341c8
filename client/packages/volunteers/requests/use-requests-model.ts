import Taro from '@tarojs/taro';
import { useMe } from '@/hooks/use-me';
import { usePagedList } from '@/hooks/use-paged-list';
import { listMyHelpRequests } from '@/services/help-requests.api';
import { Routes, volRequestUrl } from '@/services/routes';
import { canUseVolunteerServices } from '@/services/permissions';

/** 我的求助: every request I posted (or, for a grid worker, posted for a resident), newest first. */
export function useRequestsModel() {
  const list = usePagedList(listMyHelpRequests);
  const me = useMe(list.reload);
  return {
    ...list,
    error: me.error ?? list.error,
    canAsk: canUseVolunteerServices(me.me?.role),
    openRequest: (id: number) => void Taro.navigateTo({ url: volRequestUrl(id) }),
    goAsk: () => void Taro.navigateTo({ url: Routes.volAsk }),
    reload: () => void me.reload(),
  };
}
