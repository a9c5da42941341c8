import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { TopicDetail, TopicStatus } from '@contracts/deliberation-topics.contract';
import { TopicStatusLabels } from '@contracts/deliberation-topics.constants';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { getTopic, getTopicQueue, listTopics } from '@/services/deliberation-staff.api';
import { errorMessage } from '@/services/request';
import { delibStaffAgendaUrl } from '@/services/routes';
import { canRunDeliberation } from '../shared/access';
import { useTriageActions } from './use-triage-actions';

type TriageView = 'queue' | Exclude<TopicStatus, 'queued'>;
const triageViews: ReadonlyArray<{ key: TriageView; label: string }> = [
  { key: 'queue', label: TopicStatusLabels.queued },
  { key: 'proposed', label: TopicStatusLabels.proposed },
  { key: 'on_agenda', label: TopicStatusLabels.on_agenda },
  { key: 'discussed', label: TopicStatusLabels.discussed },
  { key: 'merged', label: TopicStatusLabels.merged },
  { key: 'declined', label: TopicStatusLabels.declined },
];

/** Topic triage: the automatic queue, then every other status; details on demand. */
export function useTriageModel() {
  const [view, setView] = useState<TriageView>('queue');
  const queue = useResource(getTopicQueue);
  const fetchPage = useCallback((cursor: string | null) => listTopics(view === 'queue' ? 'queued' : view, cursor), [view]);
  const list = usePagedList(fetchPage);
  const [details, setDetails] = useState<Record<number, TopicDetail | string>>({});

  const refresh = useCallback(async () => {
    await Promise.all([queue.reload(), view === 'queue' ? Promise.resolve() : list.reload()]);
  }, [queue.reload, list.reload, view]);
  const actions = useTriageActions(refresh);
  const gate = useRoleGate(canRunDeliberation, refresh);

  // A new view loads its list (the first load comes with the page show above).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (gate.ready && view !== 'queue') void list.reload();
  }, [view]);

  const toggleDetail = async (id: number) => {
    if (details[id]) {
      setDetails((prev) => {
        const next = { ...prev };
        delete next[id];
        return next;
      });
      return;
    }
    try {
      const d = await getTopic(id);
      setDetails((prev) => ({ ...prev, [id]: d }));
    } catch (e) {
      setDetails((prev) => ({ ...prev, [id]: errorMessage(e) }));
    }
  };

  return {
    gate,
    view,
    views: triageViews,
    setView: (v: TriageView) => {
      actions.close();
      setView(v);
    },
    queue,
    list,
    actions,
    details,
    toggleDetail: (id: number) => void toggleDetail(id),
    goAgenda: (sessionId: number) => void Taro.navigateTo({ url: delibStaffAgendaUrl(sessionId) }),
  };
}

export type TriageModel = ReturnType<typeof useTriageModel>;
