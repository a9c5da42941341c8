import Taro from '@tarojs/taro';
import { canUseVolunteerServices } from '@/services/permissions';
import { useIdParam } from '@/hooks/use-id-param';
import { useRoleGate } from '@/hooks/use-role-gate';
import { useResource } from '@/hooks/use-resource';
import { getActivity } from '@/services/timebank.api';
import { deliberationResolutionUrl } from '@/services/routes';
import { useActivitySignup } from '../activities/use-activity-signup';
import { useLeader } from '../activities/use-leader';

/** One activity (?id=) with its description, sign-up and cancel, and the 议事亭 resolution it comes from. */
export function useActivityModel() {
  const id = useIdParam();
  const activity = useResource(() => getActivity(id!));
  // A 队长 sees the roster of their team's activity here too (creating happens on the list screen).
  const leader = useLeader(() => undefined);
  const gate = useRoleGate(canUseVolunteerServices, async () => {
    if (id) await Promise.all([activity.reload(), leader.reload()]);
  });
  const signup = useActivitySignup((a) => activity.setData(a));
  const openResolution = (resolutionId: number) => void Taro.navigateTo({ url: deliberationResolutionUrl(resolutionId) });
  return { gate, id, activity, signup, leader, openResolution };
}
