import Taro from '@tarojs/taro';
import type { FollowResponse, ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import { useAction } from '@/hooks/use-action';
import { followResolution, unfollowResolution } from '@/services/deliberation.api';

/** Follow or unfollow a resolution (notified of every status change); the server's answer is applied. */
export function useFollow(onDone: (answer: FollowResponse) => void) {
  const action = useAction<number>();

  const toggle = (r: ResolutionItem) =>
    void action.run(r.id, async () => {
      const answer = r.following ? await unfollowResolution(r.id) : await followResolution(r.id);
      onDone(answer);
      void Taro.showToast({ title: answer.following ? '已关注，状态有变化会通知您' : '已取消关注', icon: 'none' });
    });

  return { busy: action.busy, error: action.error, toggle };
}
