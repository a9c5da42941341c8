import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgendaWhoInput } from '../../../../contracts/deliberation-topics.contract';
import { topicPath } from '../../../../contracts/deliberation-topics.constants';
import { ErrorCode } from '../../../../contracts/errors';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { DeliberationTopicEntity } from './deliberation-topics.entities';
import { whoJson } from './deliberation-topics.mapper';
import { chinaTime } from './schedule';
import { retryDeadlock } from '../../database/database.service';
import { DeliberationTopicsRepository, type UpcomingSession } from './deliberation-topics.repository';

export interface AgendaFields {
  title?: string;
  whereText?: string;
  whatText?: string;
  who?: AgendaWhoInput;
  howText?: string;
}

export const agendaFull = () => new DomainException(ErrorCode.AGENDA_FULL, 409, '这场议事的议程已满，请选择其他场次或调整议程数');
class NoSpace extends Error {}

/** The five-step defaults for a topic's agenda item: where = the session's place, what = the problem and the hope. */
function itemValues(session: UpcomingSession, topic: DeliberationTopicEntity | null, f: AgendaFields) {
  return {
    title: f.title || topic?.title || '',
    whereText: f.whereText ?? session.place,
    whatText: f.whatText || (topic ? `${topic.problem}\n希望：${topic.hope}` : ''),
    who: whoJson(f.who ?? { parties: ['residents_committee', 'representatives'], others: '' }),
    howText: f.howText ?? '充分讨论后举手或线上表决',
  };
}

/**
 * Agenda slots and topic placement. A session's agenda never exceeds the community's slots: the slot is
 * taken by a conditional update of the session's counter row. Lock order everywhere: topic row, then
 * counter row, then items.
 */
@Injectable()
export class DeliberationAgendaPlacement {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Adds an item to a session's agenda (the topic, if any, was already moved to on_agenda by the caller in
   * this transaction). Throws AGENDA_FULL when no slot is free.
   */
  async addItem(
    m: EntityManager, session: UpcomingSession, communityId: number, slots: number, topic: DeliberationTopicEntity | null, fields: AgendaFields, now: Date,
  ): Promise<number> {
    const position = await this.repo.takeSlot(m, session.id, slots, now);
    if (position === null) throw agendaFull();
    const id = await this.repo.insertAgendaItem(m, { sessionId: session.id, topicId: topic?.id ?? null, communityId, position, ...itemValues(session, topic, fields) }, now);
    if (topic) await this.noticeOnAgenda(m, topic, session);
    return id;
  }

  /**
   * Places the community's queued topics (automatic placement on) on the next sessions with free agenda
   * space, most supported first, then oldest. Safe with several processes: each topic moves by a
   * conditional update and each slot by the counter; a topic another process placed is skipped.
   */
  async placeQueue(communityId: number, now: Date): Promise<number> {
    const sessions = await this.repo.upcomingSessions(communityId, now);
    if (!sessions.length) return 0;
    await this.repo.ensureCounters(communityId, sessions.map((s) => s.id));
    const { agendaSlots } = await this.repo.settings(communityId);
    const tried: number[] = [];
    let placed = 0;
    for (;;) {
      const rows: { id: number }[] = await this.db.manager.query(
        `SELECT id FROM deliberation_topics WHERE community_id = ? AND status = 'queued' AND auto_place = 1
          ${tried.length ? `AND id NOT IN (${tried.join(', ')})` : ''} ORDER BY support_count DESC, created_at ASC, id ASC LIMIT 1`,
        [communityId],
      );
      if (!rows.length) return placed;
      const topicId = Number(rows[0].id);
      tried.push(topicId);
      const outcome = await retryDeadlock(() => this.db.transaction((m) => this.placeOne(m, topicId, sessions, communityId, agendaSlots, now))).catch((err) => {
        if (err instanceof NoSpace) return 'full' as const;
        throw err;
      });
      if (outcome === 'full') return placed;
      if (outcome === 'placed') placed++;
    }
  }

  private async placeOne(
    m: EntityManager, topicId: number, sessions: UpcomingSession[], communityId: number, slots: number, now: Date,
  ): Promise<'placed' | 'skipped'> {
    if (!(await this.repo.transition(m, topicId, ['queued'], 'on_agenda', now, {}, 'auto_place = 1'))) return 'skipped';
    const topic = (await this.repo.findTopic(topicId, m))!;
    for (const session of sessions) {
      const position = await this.repo.takeSlot(m, session.id, slots, now);
      if (position === null) continue;
      await this.repo.insertAgendaItem(m, { sessionId: session.id, topicId, communityId, position, ...itemValues(session, topic, {}) }, now);
      await this.noticeOnAgenda(m, topic, session);
      return 'placed';
    }
    throw new NoSpace(); // rolls the topic back to queued
  }

  private noticeOnAgenda(m: EntityManager, topic: DeliberationTopicEntity, session: UpcomingSession): Promise<void> {
    return this.notifications.notify(m, {
      userId: topic.proposerId, type: 'deliberation.topic_on_agenda', title: '议题已列入议程',
      body: `您提出的议题「${topic.title}」已列入${chinaTime(session.startsAt)}的议事（${session.place}），欢迎报名参加。`, link: topicPath(topic.id),
    });
  }
}
