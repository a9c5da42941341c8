import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { HelpRequestDetail } from '@contracts/volunteers.contract';
import { comingText, statusExplained } from '@/components/volunteers/help-text';
import { useAction } from '@/hooks/use-action';
import { useMe } from '@/hooks/use-me';
import { useResource } from '@/hooks/use-resource';
import { useHelpSteps } from '@/pages/volunteers/use-help-steps';
import { confirmHelpRequest, getHelpRequest } from '@/services/help-requests.api';

/** The requester's confirmation: 1–5 stars and an optional comment. */
function useConfirm(onDone: (d: HelpRequestDetail) => void) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const action = useAction<'confirm'>();
  const submit = async (d: HelpRequestDetail) => {
    if (rating < 1) {
      action.setError('请点星星打分，1 到 5 星');
      return;
    }
    const c = comment.trim();
    await action.run('confirm', async () => onDone(await confirmHelpRequest(d.id, { rating, ...(c ? { comment: c } : {}), version: d.version })), '谢谢您的评价');
  };
  return {
    rating,
    comment,
    setRating: (n: number) => {
      action.setError(null);
      setRating(n);
    },
    setComment: (v: string) => setComment(v.slice(0, 200)),
    busy: action.busy === 'confirm',
    error: action.error,
    submit: (d: HelpRequestDetail) => void submit(d),
  };
}

/** 求助详情: status and history, who is coming; cancel, confirm and rate, and the volunteer's steps. */
export function useRequestModel() {
  const { params } = useRouter();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const request = useResource(() => getHelpRequest(id));
  const { reload, setData } = request;
  const me = useMe(useCallback(async () => {
    if (valid) await reload();
  }, [valid, reload]));
  const steps = useHelpSteps(async (detail) => {
    if (detail) setData(detail);
    else await reload();
  });
  const confirm = useConfirm(setData);
  const d = request.data;
  return {
    invalid: valid ? null : '没有找到这条求助',
    detail: d,
    explained: d ? statusExplained(d) : '',
    coming: d ? comingText(d) : '',
    loading: valid && (me.loading || request.loading) && !d,
    error: me.error ?? request.error,
    reload: () => void me.reload(),
    steps,
    confirm,
  };
}
