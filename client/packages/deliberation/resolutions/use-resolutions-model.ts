import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { FollowResponse, ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import { ResolutionStatusLabels } from '@contracts/deliberation-outcomes.constants';
import type { Choice } from '@/components/choice-chips/choice-chips';
import { useMe } from '@/hooks/use-me';
import { canFollowResolutions, listResolutions, type ResolutionFilter } from '@/services/deliberation.api';
import { deliberationResolutionUrl } from '@/services/routes';
import { useFollow } from '../shared/use-follow';
import { useListPage } from '../shared/use-list-page';

const resolutionFilters: ReadonlyArray<Choice<ResolutionFilter>> = [
  { key: 'all', label: '全部' },
  { key: 'overdue', label: '已逾期' },
  { key: 'planned', label: ResolutionStatusLabels.planned },
  { key: 'in_progress', label: ResolutionStatusLabels.in_progress },
  { key: 'escalated', label: ResolutionStatusLabels.escalated },
  { key: 'done', label: ResolutionStatusLabels.done },
];

const EMPTY_TEXT: Record<ResolutionFilter, string> = {
  all: '还没有议事决议。',
  overdue: '没有逾期的决议。',
  planned: '没有待落实的决议。',
  in_progress: '没有正在落实的决议。',
  escalated: '没有上报街道的决议。',
  done: '还没有完成的决议。',
};

function applyFollow(items: ResolutionItem[], answer: FollowResponse): ResolutionItem[] {
  return items.map((r) => (r.id === answer.resolutionId ? { ...r, following: answer.following, followers: answer.followers } : r));
}

export function useResolutionsModel() {
  const [filter, setFilter] = useState<ResolutionFilter>('all');
  const fetchPage = useCallback((cursor: string | null) => listResolutions(filter, cursor), [filter]);
  const list = useListPage<ResolutionItem>(fetchPage);
  const { setItems } = list;
  const { me } = useMe();
  const follow = useFollow((answer) => setItems((prev) => applyFollow(prev, answer)));

  return {
    ...list,
    filter,
    setFilter,
    filters: resolutionFilters,
    emptyText: EMPTY_TEXT[filter],
    canFollow: canFollowResolutions(me?.role),
    follow,
    openResolution: (id: number) => void Taro.navigateTo({ url: deliberationResolutionUrl(id) }),
  };
}
