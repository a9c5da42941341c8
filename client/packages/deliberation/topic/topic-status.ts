import type { TopicDetail } from '@contracts/deliberation-topics.contract';
import { chinaDateTime } from '@/components/deliberation/china-time';

/** Where the topic stands, in one or two plain sentences. */
export function topicStatusExplained(t: TopicDetail): string {
  switch (t.status) {
    case 'proposed':
      return t.supportCount < t.threshold
        ? `正在征集邻居支持：已有 ${t.supportCount} 人支持，再有 ${t.threshold - t.supportCount} 人支持，就会排队安排上会。`
        : `正在征集邻居支持：已有 ${t.supportCount} 人支持。`;
    case 'queued':
      return t.autoPlace
        ? '支持的邻居已经够了，正在排队，会安排到最近一场还有空位的议事。'
        : '支持的邻居已经够了，正在排队，社区工作人员会为它选定议事时间。';
    case 'on_agenda':
      return t.agenda
        ? `已列入议程：${chinaDateTime(t.agenda.sessionStartsAt)}在${t.agenda.sessionPlace}讨论，欢迎报名参加。`
        : '已列入议程，议事时间确定后会在这里显示。';
    case 'discussed':
      return t.agenda
        ? `已在${chinaDateTime(t.agenda.sessionStartsAt)}的议事上讨论，结果见这场议事的纪要和决议。`
        : '已在议事上讨论。';
    case 'merged':
      return t.mergedInto
        ? `和“${t.mergedInto.title}”说的是同一件事，已合并到那个议题，大家的支持一并算过去了。`
        : '已和另一个议题合并。';
    case 'declined':
      return `社区没有采纳这个议题。${t.declineReason ? `原因：${t.declineReason}` : ''}`;
  }
}
