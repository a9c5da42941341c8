import { useState } from 'react';
import { CREDIT_MINUTES_CAP } from '@contracts/volunteers.constants';
import type { HelpRequestDetail } from '@contracts/volunteers.contract';
import { hoursText, minutesFromHours } from '@/components/vol-staff/hours';
import { confirmAction, useAction } from '@/hooks/use-action';
import { confirmHelpRequest } from '@/services/help-requests.api';
import { confirmOnBehalf } from '@/services/volunteers-staff.api';

/** Who confirms: the requester themself, or staff of the area for a requester without a phone (代为确认). */
export type ConfirmMode = 'self' | 'behalf';

const MIN_CREDIT_MINUTES = 15;

/** The confirmation this caller may give now, or null (the server lists it among the request's actions). */
export function confirmModeOf(d: HelpRequestDetail): ConfirmMode | null {
  if (d.actions.includes('confirm')) return 'self';
  if (d.actions.includes('confirm_on_behalf')) return 'behalf';
  return null;
}

/**
 * Confirming a done request with 1–5 stars and an optional comment. Staff confirming for the requester (代为确认)
 * pass on the requester's stars, may type the hours actually served (else the booked window counts), and are
 * asked first: the hours are credited at once and cannot be taken back.
 */
export function useConfirm(onDone: (d: HelpRequestDetail) => void) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [hours, setHours] = useState('');
  const action = useAction<'confirm'>();

  const submit = async (d: HelpRequestDetail, mode: ConfirmMode) => {
    if (rating < 1) {
      action.setError(mode === 'self' ? '请点星星打分，1 到 5 星' : '请问问居民帮得怎么样，替居民点星星打分，1 到 5 星');
      return;
    }
    const c = comment.trim();
    const body = { rating, ...(c ? { comment: c } : {}), version: d.version };
    if (mode === 'self') {
      await action.run('confirm', async () => onDone(await confirmHelpRequest(d.id, body)), '谢谢您的评价');
      return;
    }
    const typed = hours.trim();
    const minutes = typed ? minutesFromHours(typed) : undefined;
    if (minutes === null || (minutes !== undefined && (minutes < MIN_CREDIT_MINUTES || minutes > CREDIT_MINUTES_CAP))) {
      action.setError(`服务时长请填 0.25 到 ${hoursText(CREDIT_MINUTES_CAP)} 之间的小时数，或不填（按预约时间计）`);
      return;
    }
    const who = d.volunteers.filter((v) => v.status === 'accepted').map((v) => v.name).join('、') || '志愿者';
    const question = `替 ${d.requesterName} 确认已经帮完了？确认后会给 ${who} 记入服务时长，不能撤回。`;
    if (!(await confirmAction('代为确认完成', question, '确认完成'))) return;
    await action.run('confirm', async () => onDone(await confirmOnBehalf(d.id, { ...body, ...(minutes !== undefined ? { minutes } : {}) })), '已确认，时长已记入');
  };

  return {
    rating,
    comment,
    hours,
    setRating: (n: number) => {
      action.setError(null);
      setRating(n);
    },
    setComment: (v: string) => setComment(v.slice(0, 200)),
    setHours: (v: string) => {
      action.setError(null);
      setHours(v.slice(0, 5));
    },
    busy: action.busy === 'confirm',
    error: action.error,
    submit: (d: HelpRequestDetail, mode: ConfirmMode) => void submit(d, mode),
  };
}
