import type { ResolutionHistoryEntry, ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import { ResolutionStatusLabels } from '@contracts/deliberation-outcomes.constants';

export function resolutionTone(r: ResolutionItem): 'success' | 'warning' | 'error' {
  if (r.status === 'done') return 'success';
  if (r.overdue) return 'error';
  return 'warning';
}

/** The owner in one line: "物业公司（负责人：李建国）". */
export function ownerText(r: ResolutionItem): string {
  return r.owner.user && r.owner.user.name !== r.owner.name ? `${r.owner.name}（负责人：${r.owner.user.name}）` : r.owner.name;
}

/** What one history entry says, in plain words. */
export function historyText(e: ResolutionHistoryEntry): string {
  switch (e.kind) {
    case 'created':
      return '记录了这条决议';
    case 'status':
      return e.fromStatus === 'done' && e.toStatus === 'in_progress'
        ? '重新打开，继续落实'
        : `状态改为“${ResolutionStatusLabels[e.toStatus]}”`;
    case 'note':
      return '更新了进展';
    case 'edited':
      return '修改了决议内容';
  }
}
