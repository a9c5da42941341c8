import Taro from '@tarojs/taro';
import type { ActivityItem } from '@contracts/timebank.contract';
import { canUseVolunteerServices } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import { useResource } from '@/hooks/use-resource';
import { volActivityUrl } from '@/services/routes';
import { listActivities } from '@/services/timebank.api';
import { useActivitySignup } from './use-activity-signup';

/** The community's team activities (upcoming first, as the server orders them), with sign-up and cancel. */
export function useActivitiesModel() {
  const list = useResource(listActivities);
  const gate = useRoleGate(canUseVolunteerServices, () => list.reload());
  const signup = useActivitySignup((a: ActivityItem) => list.setData((prev) => (prev ?? []).map((x) => (x.id === a.id ? a : x))));
  return {
    gate,
    list,
    signup,
    open: (a: ActivityItem) => void Taro.navigateTo({ url: volActivityUrl(a.id) }),
  };
}
