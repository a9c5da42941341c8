import Taro from '@tarojs/taro';
import type { ActivityItem } from '@contracts/timebank.contract';
import { canUseVolunteerServices } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import { useResource } from '@/hooks/use-resource';
import { volActivityUrl } from '@/services/routes';
import { listActivities } from '@/services/timebank.api';
import { useActivitySignup } from './use-activity-signup';
import { useLeader } from './use-leader';

/** The community's team activities (upcoming first, as the server orders them), with sign-up and cancel; for a 队长, 发起活动 and rosters. */
export function useActivitiesModel() {
  const list = useResource(listActivities);
  const leader = useLeader((a: ActivityItem) => list.setData((prev) => [a, ...(prev ?? [])]));
  const gate = useRoleGate(canUseVolunteerServices, () => Promise.all([list.reload(), leader.reload()]));
  const signup = useActivitySignup((a: ActivityItem) => list.setData((prev) => (prev ?? []).map((x) => (x.id === a.id ? a : x))));
  return {
    gate,
    list,
    signup,
    leader,
    open: (a: ActivityItem) => void Taro.navigateTo({ url: volActivityUrl(a.id) }),
  };
}
