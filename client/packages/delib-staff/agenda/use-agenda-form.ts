import { useState } from 'react';
import type {
  AgendaItem, AgendaParty, CreateAgendaItemRequest, TopicItem, UpdateAgendaItemRequest,
} from '@contracts/deliberation-topics.contract';
import { TOPIC_TEXT_MAX, TOPIC_TITLE_MAX } from '@contracts/deliberation-topics.constants';
import { useAction } from '@/hooks/use-action';
import { addAgendaItem, getTopicQueue, listTopics, updateAgendaItem } from '@/services/deliberation-staff.api';

const WHERE_MAX = 200;
const WHO_OTHERS_MAX = 200;
const HOW_MAX = 500;
const DEFAULT_HOW = '先充分讨论，再举手和线上表决';

interface AgendaFields {
  /** new: a free item or one for `topic`; edit: change item `itemId`. */
  mode: 'new' | 'edit';
  itemId: number | null;
  topic: { id: number; title: string } | null;
  title: string;
  whereText: string;
  whatText: string;
  parties: AgendaParty[];
  others: string;
  howText: string;
}

const blank = (place: string): AgendaFields => ({
  mode: 'new', itemId: null, topic: null, title: '', whereText: place, whatText: '', parties: ['representatives'], others: '', howText: DEFAULT_HOW,
});

const fromItem = (i: AgendaItem): AgendaFields => ({
  mode: 'edit', itemId: i.id, topic: null, title: i.title, whereText: i.whereText, whatText: i.whatText,
  parties: [...i.who.parties], others: i.who.others, howText: i.howText,
});

function agendaProblem(f: AgendaFields): string | null {
  if (!f.topic && !f.title.trim()) return '请填写议程标题，例如：文明养犬';
  return null;
}

/** Optional texts are left out when empty, so the server fills them from the topic. */
function createBody(f: AgendaFields): CreateAgendaItemRequest {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    ...(f.topic ? { topicId: f.topic.id } : {}),
    title: opt(f.title),
    whereText: opt(f.whereText),
    whatText: opt(f.whatText),
    who: { parties: f.parties, others: f.others.trim() },
    howText: opt(f.howText),
  };
}

function updateBody(f: AgendaFields): UpdateAgendaItemRequest {
  return {
    title: f.title.trim(),
    whereText: f.whereText.trim(),
    whatText: f.whatText.trim(),
    who: { parties: f.parties, others: f.others.trim() },
    howText: f.howText.trim(),
  };
}

/** Open topics that can be put on this session: the queue first (in its order), then proposed ones. */
async function pickableTopics(): Promise<TopicItem[]> {
  const [queue, proposed] = await Promise.all([getTopicQueue(), listTopics('proposed', null)]);
  return [...queue.items, ...proposed.items];
}

/** The add / edit form of the agenda builder, in the five-step form. */
export function useAgendaForm(sessionId: number | null, place: string, onSaved: () => Promise<void>) {
  const [fields, setFields] = useState<AgendaFields | null>(null);
  const [topics, setTopics] = useState<TopicItem[] | null>(null);
  const action = useAction();

  const edit = (patch: Partial<AgendaFields>) => setFields((f) => (f ? { ...f, ...patch } : f));

  const save = async () => {
    if (!fields || !sessionId) return;
    const problem = agendaProblem(fields);
    if (problem) {
      action.setError(problem);
      return;
    }
    const f = fields;
    const ok = await action.run(
      'save',
      () => (f.mode === 'edit' && f.itemId ? updateAgendaItem(f.itemId, updateBody(f)) : addAgendaItem(sessionId, createBody(f))),
      f.mode === 'edit' ? '已保存' : '已加入议程',
    );
    if (ok) {
      setFields(null);
      setTopics(null);
      await onSaved();
    }
  };

  return {
    fields,
    topics,
    saving: action.busy === 'save',
    loadingTopics: action.busy === 'topics',
    error: action.error,
    startFree: () => {
      action.setError(null);
      setTopics(null);
      setFields(blank(place));
    },
    startFromTopic: () => {
      action.setError(null);
      setFields(null);
      void action.run('topics', async () => setTopics(await pickableTopics()));
    },
    pickTopic: (t: TopicItem) => {
      setTopics(null);
      setFields({ ...blank(place), topic: { id: t.id, title: t.title } });
    },
    startEdit: (i: AgendaItem) => {
      action.setError(null);
      setTopics(null);
      setFields(fromItem(i));
    },
    cancel: () => {
      action.setError(null);
      setFields(null);
      setTopics(null);
    },
    setTitle: (v: string) => edit({ title: v.slice(0, TOPIC_TITLE_MAX) }),
    setWhere: (v: string) => edit({ whereText: v.slice(0, WHERE_MAX) }),
    setWhat: (v: string) => edit({ whatText: v.slice(0, TOPIC_TEXT_MAX) }),
    toggleParty: (p: AgendaParty) =>
      setFields((f) => (f ? { ...f, parties: f.parties.includes(p) ? f.parties.filter((x) => x !== p) : [...f.parties, p] } : f)),
    setOthers: (v: string) => edit({ others: v.slice(0, WHO_OTHERS_MAX) }),
    setHow: (v: string) => edit({ howText: v.slice(0, HOW_MAX) }),
    save: () => void save(),
  };
}

export type AgendaForm = ReturnType<typeof useAgendaForm>;
