import type { TopicItem } from '@contracts/deliberation-topics.contract';
import { SupportableTopicStatuses, WithdrawableTopicStatuses } from '@contracts/deliberation-topics.constants';

type SupportAction = 'support' | 'withdraw' | null;

/** Which support button a resident gets on a topic (the server still checks). */
export function supportAction(t: TopicItem): SupportAction {
  if (!t.supportedByMe && SupportableTopicStatuses.includes(t.status)) return 'support';
  if (t.supportedByMe && WithdrawableTopicStatuses.includes(t.status)) return 'withdraw';
  return null;
}

export const SupportButtonText: Record<'support' | 'withdraw', string> = {
  support: '我支持这个议题',
  withdraw: '取消我的支持',
};

/** "已有 3 人支持，还差 2 人就能排队上会" — plain words for the support count against the threshold. */
export function supportText(t: TopicItem): string {
  const mine = t.supportedByMe ? '（含您）' : '';
  if (t.status === 'proposed' && t.supportCount < t.threshold) {
    return `已有 ${t.supportCount} 人支持${mine}，还差 ${t.threshold - t.supportCount} 人就能排队上会`;
  }
  return `已有 ${t.supportCount} 人支持${mine}`;
}

/** Chip colour of a topic status. */
export function topicTone(t: TopicItem): 'success' | 'muted' | 'warning' {
  if (t.status === 'on_agenda' || t.status === 'discussed') return 'success';
  if (t.status === 'merged' || t.status === 'declined') return 'muted';
  return 'warning';
}
