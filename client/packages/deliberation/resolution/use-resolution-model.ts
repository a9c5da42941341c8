import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import type { FollowResponse, ResolutionDetail } from '@contracts/deliberation-outcomes.contract';
import type { Role } from '@contracts/roles';
import { useIdParam } from '@/hooks/use-id-param';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { canFollowResolutions, getResolution } from '@/services/deliberation.api';
import { canRunActivities, canUseVolunteerServices } from '@/services/permissions';
import { deliberationSessionUrl, deliberationTopicUrl, Routes, volActivityUrl } from '@/services/routes';
import { useFollow } from '../shared/use-follow';

const followed = (r: ResolutionDetail | null, a: FollowResponse) => (r && r.id === a.resolutionId ? { ...r, following: a.following, followers: a.followers } : r);

const go = (url: string) => void Taro.navigateTo({ url });

/**
 * Where one of the resolution's volunteer activities opens: residents its activity page (sign-up), community staff
 * their activities screen (attendees, hours); other roles have no activity screen, so the rows are not links.
 */
function activityOpener(role: Role | undefined): ((activityId: number) => void) | null {
  if (canUseVolunteerServices(role)) return (activityId) => go(volActivityUrl(activityId));
  if (canRunActivities(role)) return () => go(Routes.volStaffActivities);
  return null;
}

export function useResolutionModel() {
  const param = useIdParam();
  const valid = param !== null;
  const id = param ?? 0;

  const resolution = useResource(() => getResolution(id));
  const { reload: reloadResolution, setData } = resolution;
  const me = useMe(useCallback(async () => {
    if (valid) await reloadResolution();
  }, [valid, reloadResolution]));
  const follow = useFollow((answer) => setData((prev) => followed(prev, answer)));

  return {
    invalid: valid ? null : '没有找到这条决议',
    resolution: resolution.data,
    loading: valid && (me.loading || resolution.loading) && !resolution.data,
    error: me.error ?? resolution.error,
    reload: () => void me.reload(),
    canFollow: canFollowResolutions(me.me?.role),
    follow,
    openSession: (sessionId: number) => void Taro.navigateTo({ url: deliberationSessionUrl(sessionId) }),
    openTopic: (topicId: number) => void Taro.navigateTo({ url: deliberationTopicUrl(topicId) }),
    /** Opens one of its volunteer activities; null when the caller's role has no screen for it. */
    openActivity: activityOpener(me.me?.role),
  };
}
