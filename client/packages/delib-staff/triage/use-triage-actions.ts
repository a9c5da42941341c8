import { useState } from 'react';
import type { SessionItem } from '@contracts/deliberation.contract';
import type { TopicItem } from '@contracts/deliberation-topics.contract';
import { useAction } from '@/hooks/use-action';
import {
  declineTopic, getTopicQueue, listSessions, listTopics, mergeTopic, scheduleTopic, setAutoPlace,
} from '@/services/deliberation-staff.api';

type PanelKind = 'schedule' | 'merge' | 'decline';
const DECLINE_REASON_MAX = 200;

interface Panel {
  topicId: number;
  kind: PanelKind;
}

/** Sessions a topic can still be put on: scheduled and not started. */
const futureSessions = (list: SessionItem[], now = Date.now()) =>
  list.filter((s) => s.status === 'scheduled' && Date.parse(s.startsAt) > now);

/** Topics another one can be merged into: still open, not itself. */
async function openTopics(exceptId: number): Promise<TopicItem[]> {
  const [queue, proposed, onAgenda] = await Promise.all([getTopicQueue(), listTopics('proposed', null), listTopics('on_agenda', null)]);
  return [...queue.items, ...proposed.items, ...onAgenda.items].filter((t) => t.id !== exceptId);
}

/**
 * Staff decisions on one topic: put it on a session's agenda, merge it into another topic, decline it
 * with a reason the proposer sees, or keep it out of (or back in) the automatic queue.
 */
export function useTriageActions(afterChange: () => Promise<void>) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const [reason, setReason] = useState('');
  const [sessions, setSessions] = useState<SessionItem[] | null>(null);
  const [targets, setTargets] = useState<TopicItem[] | null>(null);
  const action = useAction();

  const open = async (topic: TopicItem, kind: PanelKind) => {
    setPanel({ topicId: topic.id, kind });
    setReason('');
    setSessions(null);
    setTargets(null);
    action.setError(null);
    if (kind === 'schedule') await action.run('load', async () => setSessions(futureSessions(await listSessions())));
    if (kind === 'merge') await action.run('load', async () => setTargets(await openTopics(topic.id)));
  };

  const finish = async (key: string, work: () => Promise<unknown>, doneText: string) => {
    if (await action.run(key, work, doneText)) {
      setPanel(null);
      await afterChange();
    }
  };

  const decline = async () => {
    if (!panel) return;
    if (!reason.trim()) {
      action.setError('请写明不采纳的原因，提出议题的居民会看到');
      return;
    }
    await finish('decline', () => declineTopic(panel.topicId, reason.trim()), '已回复提出人');
  };

  return {
    panel,
    reason,
    sessions,
    targets,
    busy: action.busy,
    error: action.error,
    open: (t: TopicItem, kind: PanelKind) => void open(t, kind),
    close: () => {
      setPanel(null);
      action.setError(null);
    },
    setReason: (r: string) => setReason(r.slice(0, DECLINE_REASON_MAX)),
    schedule: (sessionId: number) => panel && void finish(`schedule-${sessionId}`, () => scheduleTopic(panel.topicId, sessionId), '已列入议程'),
    merge: (targetId: number) => panel && void finish(`merge-${targetId}`, () => mergeTopic(panel.topicId, targetId), '已合并'),
    decline: () => void decline(),
    toggleAutoPlace: (topicId: number, enabled: boolean) =>
      void finish(`auto-${topicId}`, () => setAutoPlace(topicId, enabled), enabled ? '已恢复自动排队' : '已不再自动排入'),
  };
}
