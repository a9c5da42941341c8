import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { TopicDetail, TopicItem } from '@contracts/deliberation-topics.contract';
import { supportAction } from '@/components/deliberation/topic-support';
import { supportTopic, withdrawTopicSupport } from '@/services/deliberation.api';
import { errorMessage } from '@/services/request';

/**
 * Supporting a topic, or withdrawing my support (after a confirm). The server's answer replaces the topic;
 * on an error its message is shown and `onFailed` may reload what is on screen.
 */
export function useSupport(onDone: (topic: TopicDetail) => void, onFailed?: () => Promise<void> | void) {
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  const toggle = async (t: TopicItem) => {
    const action = supportAction(t);
    if (!action || inFlight.current) return;
    setError(null);
    if (action === 'withdraw') {
      const answer = await Taro.showModal({
        title: '取消支持',
        content: `确定不再支持“${t.title}”吗？`,
        confirmText: '取消支持',
        cancelText: '继续支持',
      });
      if (!answer.confirm) return;
    }
    inFlight.current = true;
    setBusy(t.id);
    try {
      const topic = action === 'support' ? await supportTopic(t.id) : await withdrawTopicSupport(t.id);
      onDone(topic);
      void Taro.showToast({ title: action === 'support' ? '已支持' : '已取消支持', icon: 'none' });
    } catch (e) {
      setError(errorMessage(e));
      await onFailed?.();
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return { busy, error, toggle: (t: TopicItem) => void toggle(t) };
}
