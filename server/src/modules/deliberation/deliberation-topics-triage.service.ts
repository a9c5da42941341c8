import { Injectable } from '@nestjs/common';
import type {
  AutoPlaceRequest, DeclineTopicRequest, MergeTopicRequest, ScheduleTopicRequest, TopicDetail,
} from '../../../../contracts/deliberation-topics.contract';
import { SupportableTopicStatuses, topicPath, type TopicStatus } from '../../../../contracts/deliberation-topics.constants';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DeliberationAccess, type Member } from './deliberation-access';
import { DeliberationAgendaPlacement, type AgendaFields } from './deliberation-agenda.placement';
import type { DeliberationSessionEntity } from './deliberation.entities';
import type { DeliberationTopicEntity } from './deliberation-topics.entities';
import { DeliberationTopicsQueryService } from './deliberation-topics-query.service';
import { retryDeadlock } from '../../database/database.service';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';
import { noticeQueued } from './deliberation-topics.service';

/** Statuses staff may still triage (put on an agenda, merge, decline). */
const TRIAGEABLE: readonly TopicStatus[] = ['proposed', 'queued'];

export const illegalTransition = (t: Pick<DeliberationTopicEntity, 'status'>, action: string) =>
  conflict(ErrorCode.TOPIC_ILLEGAL_TRANSITION, `议题当前状态不能${action}`, { status: t.status });

/**
 * Staff triage of their community's topics: put one on a session's agenda, merge it into another topic
 * (its supports carry over, each resident counted once), decline it with a reason, or keep it out of
 * automatic placement. Every step is a conditional update on the topic's status.
 */
@Injectable()
export class DeliberationTopicsTriageService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly access: DeliberationAccess,
    private readonly query: DeliberationTopicsQueryService,
    private readonly placement: DeliberationAgendaPlacement,
    private readonly notifications: NotificationsService,
  ) {}

  async schedule(auth: AuthClaims, topicId: number, body: ScheduleTopicRequest): Promise<TopicDetail> {
    const member = await this.access.member(auth);
    await this.scheduleOn(member, topicId, body.sessionId, {});
    return this.query.detail(member, topicId);
  }

  /** Puts a proposed or queued topic on a session's agenda (staff's choice overrides the queue); returns the item id. */
  async scheduleOn(member: Member, topicId: number, sessionId: number, fields: AgendaFields): Promise<number> {
    const topic = await this.repo.ownTopic(member.communityId, topicId);
    const session = await this.openSession(member, sessionId);
    if (!TRIAGEABLE.includes(topic.status)) throw illegalTransition(topic, '列入议程');
    const { agendaSlots } = await this.repo.settings(member.communityId);
    await this.repo.ensureCounters(member.communityId, [session.id]);
    return retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const now = new Date();
        if (!(await this.repo.transition(m, topicId, TRIAGEABLE, 'on_agenda', now))) throw illegalTransition((await this.repo.findTopic(topicId, m))!, '列入议程');
        const current = (await this.repo.findTopic(topicId, m))!;
        return this.placement.addItem(m, { id: session.id, startsAt: session.startsAt, place: session.place }, member.communityId, agendaSlots, current, fields, now);
      }),
    );
  }

  async merge(auth: AuthClaims, topicId: number, body: MergeTopicRequest): Promise<TopicDetail> {
    const member = await this.access.member(auth);
    const source = await this.repo.ownTopic(member.communityId, topicId);
    if (body.targetTopicId === topicId) throw conflict(ErrorCode.TOPIC_MERGE_INVALID, '不能把议题合并到它自己');
    const target = await this.repo.ownTopic(member.communityId, body.targetTopicId);
    if (!TRIAGEABLE.includes(source.status)) throw illegalTransition(source, '合并');
    if (!SupportableTopicStatuses.includes(target.status)) throw conflict(ErrorCode.TOPIC_MERGE_INVALID, '只能合并到仍在进行中的议题', { targetStatus: target.status });
    const { supportThreshold } = await this.repo.settings(member.communityId);
    const targetQueued = await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const now = new Date();
        if (!(await this.repo.transition(m, topicId, TRIAGEABLE, 'merged', now, { merged_into_id: target.id, queued_at: null }))) {
          throw illegalTransition((await this.repo.findTopic(topicId, m))!, '合并');
        }
        const carried = await this.repo.carryOver(m, topicId, target.id);
        if (!(await this.repo.addSupports(m, target.id, carried, SupportableTopicStatuses, now))) {
          throw conflict(ErrorCode.TOPIC_MERGE_INVALID, '只能合并到仍在进行中的议题');
        }
        await this.notifications.notify(m, {
          userId: source.proposerId, type: 'deliberation.topic_merged', title: '议题已合并',
          body: `您提出的议题「${source.title}」已与「${target.title}」合并讨论，您和邻居们的支持都已计入。`, link: topicPath(target.id),
        });
        const queued = await this.repo.queueIfReached(m, target.id, supportThreshold, now);
        if (queued) await noticeQueued(this.notifications, m, target);
        return queued;
      }),
    );
    if (targetQueued) await this.placement.placeQueue(member.communityId, new Date());
    return this.query.detail(member, topicId);
  }

  async decline(auth: AuthClaims, topicId: number, body: DeclineTopicRequest): Promise<TopicDetail> {
    const member = await this.access.member(auth);
    const topic = await this.repo.ownTopic(member.communityId, topicId);
    if (!TRIAGEABLE.includes(topic.status)) throw illegalTransition(topic, '不予采纳');
    await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const now = new Date();
        if (!(await this.repo.transition(m, topicId, TRIAGEABLE, 'declined', now, { decline_reason: body.reason, queued_at: null }))) {
          throw illegalTransition((await this.repo.findTopic(topicId, m))!, '不予采纳');
        }
        await this.notifications.notify(m, {
          userId: topic.proposerId, type: 'deliberation.topic_declined', title: '议题未被采纳',
          body: `您提出的议题「${topic.title}」暂不列入议事，原因：${body.reason}`, link: topicPath(topicId),
        });
      }),
    );
    return this.query.detail(member, topicId);
  }

  /** Staff keep a topic out of automatic placement (false) or hand it back to the queue (true). */
  async autoPlace(auth: AuthClaims, topicId: number, body: AutoPlaceRequest): Promise<TopicDetail> {
    const member = await this.access.member(auth);
    const topic = await this.repo.ownTopic(member.communityId, topicId);
    if (!TRIAGEABLE.includes(topic.status)) throw illegalTransition(topic, '调整排队');
    await this.db.transaction(async (m) => {
      const changed = await this.repo.exec(
        m,
        `UPDATE deliberation_topics SET auto_place = ?, updated_at = ? WHERE id = ? AND status IN ('proposed', 'queued')`,
        [body.enabled ? 1 : 0, this.repo.date(new Date()), topicId],
      );
      if (changed !== 1) throw illegalTransition((await this.repo.findTopic(topicId, m))!, '调整排队');
    });
    if (body.enabled) await this.placement.placeQueue(member.communityId, new Date());
    return this.query.detail(member, topicId);
  }

  /** A session of my community that still takes agenda changes: scheduled and not started. */
  async openSession(member: Member, sessionId: number): Promise<DeliberationSessionEntity> {
    const session = await this.access.session(member, sessionId);
    if (session.status === 'cancelled') throw conflict(ErrorCode.SESSION_CANCELLED, '这场议事已经取消');
    if (new Date(session.startsAt) <= new Date()) throw conflict(ErrorCode.SESSION_STARTED, '这场议事已经开始，议程不能再改');
    return session;
  }
}
