import type { ActivityItem } from '@contracts/timebank.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { signUpActivity, withdrawActivity } from '@/services/timebank.api';

/** Whether the volunteer may still sign up or cancel: the activity is open and has not started. */
export function beforeStart(a: ActivityItem, now: number = Date.now()): boolean {
  return a.status === 'open' && Date.parse(a.startsAt) > now;
}

/** Sign up for an activity, or cancel after asking; `onChanged` gets the server's fresh activity. */
export function useActivitySignup(onChanged: (a: ActivityItem) => void) {
  const action = useAction<number>();

  const signUp = (a: ActivityItem) =>
    void action.run(a.id, async () => onChanged(await signUpActivity(a.id)), '报名成功');

  const withdraw = async (a: ActivityItem) => {
    if (!(await confirmAction('取消报名', `确定不参加“${a.title}”了吗？名额会让给其他志愿者。`, '取消报名'))) return;
    await action.run(a.id, async () => onChanged(await withdrawActivity(a.id)), '已取消报名');
  };

  return { busy: action.busy, error: action.error, signUp, withdraw: (a: ActivityItem) => void withdraw(a) };
}

export type ActivitySignup = ReturnType<typeof useActivitySignup>;
