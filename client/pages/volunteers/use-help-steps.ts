import Taro from '@tarojs/taro';
import type { HelpRequestDetail, HelpRequestItem } from '@contracts/volunteers.contract';
import { DROP_OUT_ALERT_HOURS } from '@contracts/volunteers.constants';
import { chinaTimeRange } from '@/components/deliberation/china-time';
import { startsWithin } from '@/components/volunteers/help-window';
import { confirmAction, useAction } from '@/hooks/use-action';
import { helpRequestStep, type SeatStep } from '@/services/help-requests.api';
import { errorMessage } from '@/services/request';

const DoneText: Record<SeatStep, string> = {
  claim: '接单成功',
  accept: '已接受派单',
  decline: '已谢绝',
  withdraw: '已退出',
  done: '已标记完成',
  cancel: '已取消求助',
};

export const StepButtonText: Record<SeatStep, string> = {
  claim: '我来接单',
  accept: '接受派单',
  decline: '谢绝',
  withdraw: '我去不了，退出',
  done: '我已经帮完了',
  cancel: '取消求助',
};

/** The question before a step, or null for a step that needs none (accepting a dispatch). */
function question(item: HelpRequestItem, step: SeatStep): { title: string; content: string; confirmText: string } | null {
  switch (step) {
    case 'claim':
      return { title: '确认接单', content: `${chinaTimeRange(item.windowFrom, item.windowTo)}，${item.placeLabel}。接了请按时去。`, confirmText: '确认接单' };
    case 'accept':
      return null;
    case 'decline':
      return { title: '谢绝派单', content: '谢绝后，社区会另请志愿者。确定谢绝吗？', confirmText: '确定谢绝' };
    case 'withdraw':
      return startsWithin(item.windowFrom, DROP_OUT_ALERT_HOURS)
        ? { title: '退出这次服务', content: `离开始已经不到 ${DROP_OUT_ALERT_HOURS} 小时了，退出后会通知队伍和社区赶紧另找人。确定退出吗？`, confirmText: '确定退出' }
        : { title: '退出这次服务', content: '退出后，这条求助会重新等别的志愿者来接。确定退出吗？', confirmText: '确定退出' };
    case 'done':
      return { title: '已经帮完了？', content: '确认已经帮完了吗？求助人确认后，会给您记上服务时长。', confirmText: '帮完了' };
    case 'cancel':
      return { title: '取消求助', content: '取消后，志愿者就不用来了。确定取消吗？', confirmText: '确定取消' };
  }
}

/**
 * The steps on one help request (claim, accept, decline, withdraw, done, cancel) with a question first where it
 * matters. A refused step (e.g. 409 REQUEST_TAKEN when someone was quicker) shows the server's message at once in
 * a dialog and beside the list. Afterwards the caller gets the new detail (null when the step failed) to refresh.
 * In the main package so the volunteers subpackage (hall, tasks, request) can share it.
 */
export function useHelpSteps(onChanged: (detail: HelpRequestDetail | null) => Promise<void> | void) {
  const action = useAction<string>();

  const run = async (item: HelpRequestItem, step: SeatStep) => {
    if (action.busy !== null) return;
    action.setError(null);
    const ask = question(item, step);
    if (ask && !(await confirmAction(ask.title, ask.content, ask.confirmText))) return;
    let result: HelpRequestDetail | null = null;
    let failure: unknown = null;
    await action.run(`${item.id}-${step}`, async () => {
      try {
        result = await helpRequestStep(item.id, step);
      } catch (e) {
        failure = e;
        throw e;
      }
    }, DoneText[step]);
    if (failure) void Taro.showModal({ title: '没有办成', content: errorMessage(failure), showCancel: false, confirmText: '知道了' });
    await onChanged(result);
  };

  return {
    error: action.error,
    /** Is this step on this request running now (its button spins)? */
    busy: (id: number, step: SeatStep) => action.busy === `${id}-${step}`,
    run: (item: HelpRequestItem, step: SeatStep) => void run(item, step),
  };
}
