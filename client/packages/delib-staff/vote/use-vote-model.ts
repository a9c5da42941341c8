import { useEffect, useState } from 'react';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import { OFFLINE_TALLY_EDIT_HOURS } from '@contracts/deliberation-votes.constants';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { useIdParam } from '@/hooks/use-id-param';
import { useRoleGate } from '@/hooks/use-role-gate';
import { closeVote, getAgenda, getSession, listSessionVotes, setOfflineTally } from '@/services/deliberation-staff.api';
import { canRunDeliberation } from '../shared/access';
import { useVoteForm } from './use-vote-form';

/** Counts of open votes refresh this often while the page is open. */
const LIVE_REFRESH_MS = 15_000;

/** Whether the hands-raised tally may still be (re)entered. */
export function tallyEditable(v: VoteItem, now = Date.now()): boolean {
  if (v.status === 'open') return true;
  const closed = Date.parse(v.closedAt ?? v.closesAt);
  return now - closed <= OFFLINE_TALLY_EDIT_HOURS * 3600_000;
}

/** Votes of one session: open one on an agenda item, live counts, close, and the offline tally (举手). */
export function useVoteModel() {
  const sessionId = useIdParam('sessionId');
  const votes = useResource(() => listSessionVotes(sessionId!));
  const agenda = useResource(() => getAgenda(sessionId!));
  const session = useResource(() => getSession(sessionId!));
  const form = useVoteForm(votes.reload);
  const action = useAction();
  const [tally, setTally] = useState<{ voteId: number; counts: Record<number, string> } | null>(null);

  const gate = useRoleGate(canRunDeliberation, async () => {
    if (sessionId) await Promise.all([votes.reload(), agenda.reload(), session.reload()]);
  });

  const hasOpen = (votes.data ?? []).some((v) => v.status === 'open');
  useEffect(() => {
    if (!hasOpen) return undefined;
    const timer = setInterval(() => void votes.reload(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [hasOpen, votes.reload]);

  const replace = (v: VoteItem) => votes.setData((prev) => (prev ?? []).map((x) => (x.id === v.id ? v : x)));

  const close = async (v: VoteItem) => {
    if (!(await confirmAction('结束表决', `现在结束“${v.question}”吗？结束后居民不能再投票。`, '结束'))) return;
    await action.run(`close-${v.id}`, async () => replace(await closeVote(v.id)), '表决已结束');
  };

  const startTally = (v: VoteItem) => {
    action.setError(null);
    const current = new Map((v.results?.options ?? []).map((o) => [o.optionId, o.offline]));
    setTally({ voteId: v.id, counts: Object.fromEntries(v.options.map((o) => [o.id, String(current.get(o.id) ?? 0)])) });
  };

  const saveTally = async () => {
    if (!tally) return;
    const entries = Object.entries(tally.counts).map(([id, raw]) => ({ optionId: Number(id), count: raw.trim() === '' ? NaN : Number(raw) }));
    if (entries.some((e) => !Number.isInteger(e.count) || e.count < 0 || e.count > 100000)) {
      action.setError('举手票数请填 0 或正整数；没有人举手填 0');
      return;
    }
    const ok = await action.run('tally', async () => replace(await setOfflineTally(tally.voteId, { counts: entries })), '举手票数已保存');
    if (ok) setTally(null);
  };

  return {
    gate,
    sessionId,
    session: session.data,
    votes,
    agenda,
    form,
    busy: action.busy,
    error: action.error,
    close: (v: VoteItem) => void close(v),
    tally,
    startTally,
    cancelTally: () => {
      action.setError(null);
      setTally(null);
    },
    setTallyCount: (optionId: number, v: string) =>
      setTally((t) => (t ? { ...t, counts: { ...t.counts, [optionId]: v.replace(/\D/g, '').slice(0, 6) } } : t)),
    saveTally: () => void saveTally(),
    tallyEditable: (v: VoteItem) => tallyEditable(v),
  };
}

export type VoteModel = ReturnType<typeof useVoteModel>;
