import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { useIdParam } from '@/hooks/use-id-param';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { unitPendingText } from '@/services/permissions';
import { canTakePart, getTopic } from '@/services/deliberation.api';
import { deliberationSessionUrl, deliberationTopicUrl } from '@/services/routes';
import { copyLink, useShareCard } from '../shared/share';
import { useSupport } from '../shared/use-support';
import { topicStatusExplained } from './topic-status';

export function useTopicModel() {
  const param = useIdParam();
  const valid = param !== null;
  const id = param ?? 0;

  const topic = useResource(() => getTopic(id));
  const { reload: reloadTopic, setData } = topic;
  const me = useMe(useCallback(async () => {
    if (valid) await reloadTopic();
  }, [valid, reloadTopic]));

  const t = topic.data;
  const path = t?.sharePath ?? deliberationTopicUrl(id);
  useShareCard(t ? { title: `邻里议事议题：${t.title}（${t.supportCount} 人支持）`, path } : null, { title: '邻里议事亭', path });
  const support = useSupport(setData, reloadTopic);

  return {
    invalid: valid ? null : '没有找到这个议题',
    topic: t,
    statusText: t ? topicStatusExplained(t) : '',
    loading: valid && (me.loading || topic.loading) && !t,
    error: me.error ?? topic.error,
    reload: () => void me.reload(),
    canSupport: canTakePart(me.me?.role),
    unitPending: unitPendingText(me.me),
    support,
    copyLink: () => void copyLink(path),
    openSession: (sessionId: number) => void Taro.navigateTo({ url: deliberationSessionUrl(sessionId) }),
    openTopic: (topicId: number) => void Taro.navigateTo({ url: deliberationTopicUrl(topicId) }),
  };
}
