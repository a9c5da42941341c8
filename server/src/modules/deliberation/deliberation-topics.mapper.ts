import { ConcernCategoryLabels } from '../../../../contracts/concerns.constants';
import type { AgendaItem, AgendaWho, AgendaWhoInput, TopicAgendaRef, TopicItem } from '../../../../contracts/deliberation-topics.contract';
import { AgendaParties, AgendaPartyLabels, TopicStatusLabels, topicPath, type AgendaParty, type TopicStatus } from '../../../../contracts/deliberation-topics.constants';
import { toIso } from '../../common/time';
import type { DeliberationAgendaItemEntity, DeliberationTopicEntity } from './deliberation-topics.entities';

export function whoJson(who: AgendaWhoInput): string {
  return JSON.stringify({ parties: who.parties ?? [], others: who.others ?? '' });
}

export function parseWho(text: string): AgendaWho {
  let raw: { parties?: unknown; others?: unknown } = {};
  try {
    raw = JSON.parse(text) as typeof raw;
  } catch {
    /* stored by this module only; an unreadable value shows as nobody invited */
  }
  const parties = (Array.isArray(raw.parties) ? raw.parties : []).filter((p): p is AgendaParty => (AgendaParties as readonly unknown[]).includes(p));
  return { parties, partyTexts: parties.map((p) => AgendaPartyLabels[p]), others: typeof raw.others === 'string' ? raw.others : '' };
}

export interface TopicViewContext {
  threshold: number;
  viewerId: number;
  supported: Set<number>;
  proposerNames: Map<number, string>;
  agendas: Map<number, TopicAgendaRef>;
}

export function toTopicItem(t: DeliberationTopicEntity, c: TopicViewContext): TopicItem {
  return {
    id: t.id, title: t.title, category: t.category, categoryText: ConcernCategoryLabels[t.category] ?? t.category,
    status: t.status, statusText: TopicStatusLabels[t.status as TopicStatus] ?? t.status, supportCount: t.supportCount, threshold: c.threshold,
    supportedByMe: c.supported.has(t.id), mine: t.proposerId === c.viewerId, proposerName: c.proposerNames.get(t.proposerId) ?? '居民',
    createdAt: toIso(t.createdAt)!, agenda: c.agendas.get(t.id) ?? null, sharePath: topicPath(t.id),
  };
}

export function toAgendaItem(i: DeliberationAgendaItemEntity, topic: { status: TopicStatus; supportCount: number } | undefined): AgendaItem {
  return {
    id: i.id, sessionId: i.sessionId, topicId: i.topicId, position: i.position, title: i.title, whereText: i.whereText, whatText: i.whatText,
    who: parseWho(i.who), howText: i.howText, carriedOutText: i.carriedOutText, topicStatus: topic?.status ?? null,
    topicSupportCount: topic?.supportCount ?? null, createdAt: toIso(i.createdAt)!, updatedAt: toIso(i.updatedAt)!,
  };
}
