import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { TopicDetail, TopicItem, TopicSort } from '@contracts/deliberation-topics.contract';
import { TopicStatusLabels } from '@contracts/deliberation-topics.constants';
import type { Choice } from '@/components/choice-chips/choice-chips';
import { useMe } from '@/hooks/use-me';
import { unitAwaitsConfirmation, unitPendingText } from '@/services/permissions';
import { canTakePart, listTopics, type TopicFilter } from '@/services/deliberation.api';
import { deliberationTopicUrl, Routes } from '@/services/routes';
import { useListPage } from '../shared/use-list-page';
import { useSupport } from '../shared/use-support';

const topicSortTabs: ReadonlyArray<{ key: TopicSort; label: string }> = [
  { key: 'support', label: '支持多的在前' },
  { key: 'newest', label: '最新提出' },
];

const topicFilters: ReadonlyArray<Choice<TopicFilter>> = [
  { key: 'all', label: '全部' },
  { key: 'proposed', label: TopicStatusLabels.proposed },
  { key: 'queued', label: TopicStatusLabels.queued },
  { key: 'on_agenda', label: TopicStatusLabels.on_agenda },
  { key: 'discussed', label: TopicStatusLabels.discussed },
  { key: 'declined', label: TopicStatusLabels.declined },
  { key: 'mine', label: '我提的' },
];

const EMPTY_TEXT: Record<TopicFilter, string> = {
  all: '社区里还没有议题，有想商量的事可以点“提议题”。',
  proposed: '没有正在征集支持的议题。',
  queued: '没有排队待上会的议题。',
  on_agenda: '没有已列入议程的议题。',
  discussed: '还没有上会讨论过的议题。',
  merged: '没有合并的议题。',
  declined: '没有未采纳的议题。',
  mine: '您还没有提过议题。',
};

export function useTopicsModel() {
  const [sort, setSort] = useState<TopicSort>('support');
  const [filter, setFilter] = useState<TopicFilter>('all');
  const fetchPage = useCallback((cursor: string | null) => listTopics(sort, filter, cursor), [sort, filter]);
  // The first page on open and whenever sort or filter change; again when coming back (e.g. after proposing).
  const list = useListPage<TopicItem>(fetchPage);
  const { reload, setItems } = list;
  const { me } = useMe();

  const support = useSupport(
    (topic: TopicDetail) => setItems((prev) => prev.map((t) => (t.id === topic.id ? topic : t))),
    reload,
  );

  const threshold = list.items[0]?.threshold ?? null;
  return {
    ...list,
    sort,
    setSort,
    filter,
    setFilter,
    sortTabs: topicSortTabs,
    filters: topicFilters,
    emptyText: EMPTY_TEXT[filter],
    thresholdText: threshold ? `一个议题有 ${threshold} 位邻居支持，就会排队安排上会。` : null,
    canPropose: canTakePart(me?.role) && !unitAwaitsConfirmation(me),
    unitPending: unitPendingText(me),
    support,
    goPropose: () => void Taro.navigateTo({ url: Routes.deliberationPropose }),
    openTopic: (id: number) => void Taro.navigateTo({ url: deliberationTopicUrl(id) }),
  };
}
