import type { HelpRequestItem } from '@contracts/volunteers.contract';

/** The colour of a status chip. */
export function statusTone(item: Pick<HelpRequestItem, 'status'>): 'success' | 'warning' | 'muted' | 'info' {
  switch (item.status) {
    case 'filled':
    case 'confirmed':
      return 'success';
    case 'open':
    case 'done':
      return 'warning';
    default:
      return 'muted';
  }
}

/** Who is coming, in one plain line (for the requester). */
export function comingText(item: HelpRequestItem): string {
  if (item.status === 'cancelled') return '已取消';
  if (item.status === 'expired') return '时间过了，没有志愿者接';
  const accepted = item.volunteers.filter((v) => v.status === 'accepted').map((v) => v.name);
  const waiting = item.volunteers.filter((v) => v.status === 'dispatched').map((v) => v.name);
  const parts: string[] = [];
  if (accepted.length > 0) parts.push(item.status === 'open' || item.status === 'filled' ? `${accepted.join('、')} 会来帮忙` : `${accepted.join('、')} 来帮过忙`);
  if (waiting.length > 0) parts.push(`社区已请 ${waiting.join('、')}，等回复`);
  const missing = item.volunteersNeeded - item.takenCount;
  if (item.status === 'open' && missing > 0) parts.push(parts.length > 0 ? `还差 ${missing} 位志愿者` : '正在找志愿者');
  return parts.join('；');
}

/** Where the request stands and what happens next, in one or two sentences (detail page). */
export function statusExplained(item: HelpRequestItem): string {
  switch (item.status) {
    case 'open':
      return '正在找志愿者。有人接了，会通知您。';
    case 'filled':
      return '志愿者已经接了，会按约定的时间来。';
    case 'done':
      return '志愿者说已经帮完了。请确认并打个分，志愿者的服务时长才会记上。';
    case 'confirmed':
      return '已经完成，谢谢您的评价。';
    case 'cancelled':
      return '这条求助已经取消了。';
    case 'expired':
      return '约定的时间过了，没有志愿者接。需要的话可以再发一次。';
  }
}
