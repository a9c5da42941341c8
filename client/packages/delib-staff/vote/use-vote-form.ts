import { useState } from 'react';
import type { CreateVoteRequest, VoteEligibility, VoteMode } from '@contracts/deliberation-votes.contract';
import { VOTE_OPTIONS_MAX, VOTE_OPTIONS_MIN } from '@contracts/deliberation-votes.constants';
import { chinaInstant, isFuture } from '@/components/deliberation/china-time';
import { useAction } from '@/hooks/use-action';
import { openVote } from '@/services/deliberation-staff.api';

/** When the vote closes: in so many minutes, or at a chosen day and time. */
type ClosesIn = 10 | 30 | 60 | 1440 | 'custom';
export const closesInChoices: ReadonlyArray<{ key: ClosesIn; label: string }> = [
  { key: 10, label: '10 分钟后' },
  { key: 30, label: '30 分钟后' },
  { key: 60, label: '1 小时后' },
  { key: 1440, label: '明天这时' },
  { key: 'custom', label: '指定时间' },
];

interface VoteFields {
  agendaItemId: number | null;
  question: string;
  options: string[];
  mode: VoteMode;
  maxChoices: string;
  eligibility: VoteEligibility;
  closesIn: ClosesIn;
  closeDay: string;
  closeTime: string;
  liveResults: boolean;
}

const EMPTY_VOTE: VoteFields = {
  agendaItemId: null, question: '', options: ['', ''], mode: 'single', maxChoices: '', eligibility: 'checked_in',
  closesIn: 30, closeDay: '', closeTime: '', liveResults: false,
};

/** The first thing wrong, in plain words (the server's limits), or the agenda item and the request. */
function voteRequest(f: VoteFields, now = new Date()): { problem: string } | { agendaItemId: number; body: CreateVoteRequest } {
  const question = f.question.trim();
  const options = f.options.map((o) => o.trim());
  if (f.agendaItemId === null) return { problem: '请选择就哪一项议程表决' };
  if (!question) return { problem: '请写下表决的问题' };
  if (question.length > 200) return { problem: '问题最多 200 字' };
  if (options.some((o) => !o)) return { problem: '有选项还没有填写；用不到的选项请删除' };
  if (options.length < VOTE_OPTIONS_MIN) return { problem: `至少 ${VOTE_OPTIONS_MIN} 个选项` };
  if (options.some((o) => o.length > 100)) return { problem: '每个选项最多 100 字' };
  if (new Set(options).size !== options.length) return { problem: '选项不能重复' };
  let maxChoices: number | undefined;
  if (f.mode === 'multiple' && f.maxChoices.trim()) {
    maxChoices = Number(f.maxChoices);
    if (!Number.isInteger(maxChoices) || maxChoices < 1 || maxChoices > options.length) {
      return { problem: `最多选几项请填 1 到 ${options.length} 之间的整数；不填表示可以全选` };
    }
  }
  let closesAt: string;
  if (f.closesIn === 'custom') {
    if (!f.closeDay || !f.closeTime) return { problem: '请选择截止的日期和时间' };
    if (!isFuture(f.closeDay, f.closeTime, now)) return { problem: '截止时间必须在现在之后' };
    closesAt = chinaInstant(f.closeDay, f.closeTime);
  } else {
    closesAt = new Date(now.getTime() + f.closesIn * 60_000).toISOString();
  }
  return {
    agendaItemId: f.agendaItemId,
    body: { question, options, mode: f.mode, ...(maxChoices !== undefined ? { maxChoices } : {}), eligibility: f.eligibility, closesAt, liveResults: f.liveResults },
  };
}

/** The "发起表决" form: agenda item, question, options, single/multiple, who may vote, closing time, live results. */
export function useVoteForm(onOpened: () => Promise<void>) {
  const [fields, setFields] = useState<VoteFields | null>(null);
  const action = useAction();
  const edit = (patch: Partial<VoteFields> | ((f: VoteFields) => Partial<VoteFields>)) =>
    setFields((f) => (f ? { ...f, ...(typeof patch === 'function' ? patch(f) : patch) } : f));

  const submit = async () => {
    if (!fields) return;
    const checked = voteRequest(fields);
    if ('problem' in checked) {
      action.setError(checked.problem);
      return;
    }
    if (await action.run('open', () => openVote(checked.agendaItemId, checked.body), '表决已开始')) {
      setFields(null);
      await onOpened();
    }
  };

  return {
    fields,
    opening: action.busy === 'open',
    error: action.error,
    start: (agendaItemId: number | null) => {
      action.setError(null);
      setFields({ ...EMPTY_VOTE, options: ['', ''], agendaItemId });
    },
    cancel: () => {
      action.setError(null);
      setFields(null);
    },
    setAgendaItem: (agendaItemId: number) => edit({ agendaItemId }),
    setQuestion: (v: string) => edit({ question: v.slice(0, 200) }),
    setOption: (i: number, v: string) => edit((f) => ({ options: f.options.map((o, j) => (j === i ? v.slice(0, 100) : o)) })),
    addOption: () => edit((f) => (f.options.length < VOTE_OPTIONS_MAX ? { options: [...f.options, ''] } : {})),
    removeOption: (i: number) => edit((f) => (f.options.length > VOTE_OPTIONS_MIN ? { options: f.options.filter((_, j) => j !== i) } : {})),
    setMode: (mode: VoteMode) => edit({ mode }),
    setMaxChoices: (v: string) => edit({ maxChoices: v.replace(/\D/g, '').slice(0, 2) }),
    setEligibility: (eligibility: VoteEligibility) => edit({ eligibility }),
    setClosesIn: (closesIn: ClosesIn) => edit({ closesIn }),
    setCloseDay: (closeDay: string) => edit({ closeDay }),
    setCloseTime: (closeTime: string) => edit({ closeTime }),
    setLiveResults: (liveResults: boolean) => edit({ liveResults }),
    submit: () => void submit(),
    canAddOption: !!fields && fields.options.length < VOTE_OPTIONS_MAX,
    canRemoveOption: !!fields && fields.options.length > VOTE_OPTIONS_MIN,
  };
}

export type VoteForm = ReturnType<typeof useVoteForm>;
