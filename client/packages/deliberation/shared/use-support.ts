import Taro from '@tarojs/taro';
import type { TopicDetail, TopicItem } from '@contracts/deliberation-topics.contract';
import { supportAction } from '@/components/deliberation/topic-support';
import { useAction } from '@/hooks/use-action';
import { supportTopic, withdrawTopicSupport } from '@/services/deliberation.api';

/**
 * Supporting a topic, or withdrawing my support (after a confirm). The server's answer replaces the topic;
 * on an error its message is shown and `onFailed` may reload what is on screen.
 */
export function useSupport(onDone: (topic: TopicDetail) => void, onFailed?: () => Promise<void> | void) {
  const action = useAction<number>();

  const toggle = async (t: TopicItem) => {
    const kind = supportAction(t);
    if (!kind || action.busy !== null) return;
    action.setError(null);
    if (kind === 'withdraw') {
      const answer = await Taro.showModal({
        title: '取消支持',
        content: `确定不再支持“${t.title}”吗？`,
        confirmText: '取消支持',
        cancelText: '继续支持',
      });
      if (!answer.confirm) return;
    }
    const done = await action.run(t.id, async () => {
      const topic = kind === 'support' ? await supportTopic(t.id) : await withdrawTopicSupport(t.id);
      onDone(topic);
      void Taro.showToast({ title: kind === 'support' ? '已支持' : '已取消支持', icon: 'none' });
    });
    if (!done) await onFailed?.();
  };

  return { busy: action.busy, error: action.error, toggle: (t: TopicItem) => void toggle(t) };
}
