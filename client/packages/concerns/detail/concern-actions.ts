import type { ConcernAction, ConcernDetail } from '@contracts/concerns.contract';
import { CloseReasonLabels, HolderLevelLabels, HolderLevels, type CloseReason } from '@contracts/concerns.constants';

/** Steps taken with one tap; the others open a short form first. */
export const DIRECT_ACTIONS: readonly ConcernAction[] = ['accept', 'start', 'me_too'];

/** Steps only staff take: they carry the version the staff member saw. */
export const STAFF_ACTIONS: readonly ConcernAction[] = ['accept', 'start', 'resolve', 'escalate', 'return', 'close'];

const levelNext = (c: Pick<ConcernDetail, 'holderLevel'>, step: 1 | -1) => HolderLevels[HolderLevels.indexOf(c.holderLevel) + step];

/** The button text of each step, in plain words ("上报给社区", "退回给网格"). */
export function actionLabel(action: ConcernAction, c: Pick<ConcernDetail, 'holderLevel'>): string {
  switch (action) {
    case 'accept':
      return '受理';
    case 'start':
      return '开始处理';
    case 'resolve':
      return '处理完毕，填写结果';
    case 'escalate': {
      const up = levelNext(c, 1);
      return up === 'department' ? '上报职能部门（吹哨）' : up ? `上报给${HolderLevelLabels[up]}` : '上报上级';
    }
    case 'return': {
      const down = levelNext(c, -1);
      return down ? `退回给${HolderLevelLabels[down]}` : '退回下级';
    }
    case 'close':
      return '关闭问题（不予办理）';
    case 'rate':
      return '问题解决了，去评价';
    case 'not_solved':
      return '问题没解决';
    case 'withdraw':
      return '撤回问题';
    case 'me_too':
      return '我也遇到了';
  }
}

export interface ActionForm {
  title: string;
  /** The text field's label, or null when the step has none. */
  noteLabel: string | null;
  /** The message when the text is required and empty; null when optional. */
  noteRequired: string | null;
  confirm: string;
}

export const ActionForms: Partial<Record<ConcernAction, ActionForm>> = {
  resolve: { title: '填写处理结果', noteLabel: '做了什么、结果如何', noteRequired: '请写明处理结果', confirm: '确认处理完毕' },
  escalate: { title: '上报上级', noteLabel: '上报原因', noteRequired: '请写明上报原因', confirm: '确认上报' },
  return: { title: '退回下级', noteLabel: '退回的处理意见', noteRequired: '请写明退回的处理意见', confirm: '确认退回' },
  close: { title: '关闭问题', noteLabel: '补充说明（可不填）', noteRequired: null, confirm: '确认关闭' },
  rate: { title: '给处理结果打分', noteLabel: '想说的话（可不填）', noteRequired: null, confirm: '提交评价' },
  not_solved: { title: '问题没解决', noteLabel: '哪里还没解决', noteRequired: '请说说哪里还没解决', confirm: '提交，请上级督办' },
  withdraw: { title: '撤回问题', noteLabel: '撤回原因（可不填）', noteRequired: null, confirm: '确认撤回' },
};

/** Staff close a concern without resolving it for one of these reasons (居民撤回 is the resident's own step). */
export const closeReasonChoices: ReadonlyArray<{ key: CloseReason; label: string }> = (['duplicate', 'not_responsible'] as const).map((key) => ({
  key,
  label: CloseReasonLabels[key],
}));

export const ActionDone: Record<ConcernAction, string> = {
  accept: '已受理',
  start: '已开始处理',
  resolve: '已处理完毕',
  escalate: '已上报',
  return: '已退回',
  close: '已关闭',
  rate: '感谢您的评价',
  not_solved: '已请上级督办',
  withdraw: '已撤回',
  me_too: '已加入',
};
