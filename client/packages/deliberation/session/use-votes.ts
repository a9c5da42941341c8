import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import { ErrorCode } from '@contracts/errors';
import { castBallot, getVote } from '@/services/deliberation.api';
import { ApiError, errorMessage } from '@/services/request';

/** The labels of the chosen options, in the vote's order: "每天遛狗必须牵绳、固定遛狗时间". */
export function choiceText(vote: VoteItem, optionIds: readonly number[]): string {
  return vote.options
    .filter((o) => optionIds.includes(o.id))
    .map((o) => o.label)
    .join('、');
}

/**
 * Choosing options and casting a ballot, per vote: single choice replaces the choice, multiple choice toggles
 * up to maxChoices. Casting asks for confirmation (a ballot cannot be changed), then shows the server's state.
 */
export function useVotes(replace: (vote: VoteItem) => void) {
  const [chosen, setChosen] = useState<Record<number, number[]>>({});
  const [errors, setErrors] = useState<Record<number, string | null>>({});
  const [busy, setBusy] = useState<number | null>(null);
  const inFlight = useRef(false);

  const setError = (voteId: number, message: string | null) => setErrors((prev) => ({ ...prev, [voteId]: message }));

  const toggle = (vote: VoteItem, optionId: number) => {
    const current = chosen[vote.id] ?? [];
    setError(vote.id, null);
    if (vote.mode === 'single') {
      setChosen((prev) => ({ ...prev, [vote.id]: [optionId] }));
      return;
    }
    if (current.includes(optionId)) {
      setChosen((prev) => ({ ...prev, [vote.id]: current.filter((id) => id !== optionId) }));
      return;
    }
    if (current.length >= vote.maxChoices) {
      setError(vote.id, `最多只能选 ${vote.maxChoices} 项，请先点掉一项再选`);
      return;
    }
    setChosen((prev) => ({ ...prev, [vote.id]: [...current, optionId] }));
  };

  const refresh = async (voteId: number) => {
    try {
      replace(await getVote(voteId));
    } catch {
      // The ballot (or the error) is already shown; the next page show reloads the votes.
    }
  };

  const submit = async (vote: VoteItem) => {
    const optionIds = chosen[vote.id] ?? [];
    if (optionIds.length === 0) {
      setError(vote.id, vote.mode === 'single' ? '请先点选一项' : '请先点选您同意的选项');
      return;
    }
    if (inFlight.current) return;
    const answer = await Taro.showModal({
      title: '确认投票',
      content: `您选择了：${choiceText(vote, optionIds)}。投票后不能修改，确认投票吗？`,
      confirmText: '确认投票',
      cancelText: '再想想',
    });
    if (!answer.confirm) return;
    inFlight.current = true;
    setBusy(vote.id);
    setError(vote.id, null);
    try {
      const ballot = await castBallot(vote.id, optionIds);
      replace({ ...vote, myBallot: ballot, canVote: false, cannotVoteReason: null });
      void Taro.showToast({ title: '投票成功', icon: 'success' });
      await refresh(vote.id);
    } catch (e) {
      setError(vote.id, errorMessage(e));
      const code = e instanceof ApiError ? e.code : '';
      if (code === ErrorCode.ALREADY_VOTED || code === ErrorCode.VOTE_CLOSED || code === ErrorCode.VOTE_NOT_ELIGIBLE) await refresh(vote.id);
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  return {
    chosenOf: (voteId: number) => chosen[voteId] ?? [],
    errorOf: (voteId: number) => errors[voteId] ?? null,
    busy,
    toggle,
    submit: (vote: VoteItem) => void submit(vote),
  };
}
