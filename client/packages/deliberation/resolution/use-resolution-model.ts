import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import type { FollowResponse, ResolutionDetail } from '@contracts/deliberation-outcomes.contract';
import { useIdParam } from '@/hooks/use-id-param';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { canFollowResolutions, getResolution } from '@/services/deliberation.api';
import { deliberationSessionUrl, deliberationTopicUrl } from '@/services/routes';
import { useFollow } from '../shared/use-follow';

const followed = (r: ResolutionDetail | null, a: FollowResponse) => (r && r.id === a.resolutionId ? { ...r, following: a.following, followers: a.followers } : r);

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
  };
}
