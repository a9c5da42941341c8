import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { FollowResponse, ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import { followResolution, unfollowResolution } from '@/services/deliberation.api';
import { errorMessage } from '@/services/request';

/** Follow or unfollow a resolution (notified of every status change); the server's answer is applied. */
export function useFollow(onDone: (answer: FollowResponse) => void) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const toggle = async (r: ResolutionItem) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(r.id);
    setError(null);
    try {
      const answer = r.following ? await unfollowResolution(r.id) : await followResolution(r.id);
      onDone(answer);
      void Taro.showToast({ title: answer.following ? '已关注，状态有变化会通知您' : '已取消关注', icon: 'none' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return { busy, error, toggle: (r: ResolutionItem) => void toggle(r) };
}
