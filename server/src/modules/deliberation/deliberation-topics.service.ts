import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CreateTopicRequest, TopicDetail } from '../../../../contracts/deliberation-topics.contract';
import {
  SupportableTopicStatuses, WithdrawableTopicStatuses, topicPath,
} from '../../../../contracts/deliberation-topics.constants';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException } from '../../common/domain-exception';
import { IdempotencyService, type StoredResponse } from '../../common/idempotency/idempotency.service';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DeliberationAccess } from './deliberation-access';
import { DeliberationAgendaPlacement } from './deliberation-agenda.placement';
import type { DeliberationTopicEntity } from './deliberation-topics.entities';
import { DeliberationTopicsQueryService } from './deliberation-topics-query.service';
import { retryDeadlock } from '../../database/database.service';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';

const alreadySupported = () => conflict(ErrorCode.TOPIC_ALREADY_SUPPORTED, '您已经支持过这个议题');
const notOpen = () => conflict(ErrorCode.TOPIC_NOT_OPEN, '这个议题已不再征集支持');
const supportLocked = () => conflict(ErrorCode.TOPIC_SUPPORT_LOCKED, '议题已列入议程或已结束，不能再撤回支持');

/** The proposer is told when their topic has gathered enough support to queue for a session. */
export function noticeQueued(notifications: NotificationsService, m: EntityManager, t: Pick<DeliberationTopicEntity, 'id' | 'title' | 'proposerId'>) {
  return notifications.notify(m, {
    userId: t.proposerId, type: 'deliberation.topic_queued', title: '议题获得足够支持',
    body: `您提出的议题「${t.title}」已达到居民支持数门槛，正在排队等待列入议事议程。`, link: topicPath(t.id),
  });
}

/**
 * Residents propose topics and support them. The proposer's own support counts (a topic starts with one).
 * A support is a row unique per (topic, resident); the count changes in the same transaction by a
 * conditional update that also checks the topic still takes supports. Reaching the threshold queues the
 * topic (proposed -> queued) and then places the community's queue on the next sessions with space.
 */
@Injectable()
export class DeliberationTopicsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly access: DeliberationAccess,
    private readonly query: DeliberationTopicsQueryService,
    private readonly placement: DeliberationAgendaPlacement,
    private readonly notifications: NotificationsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  async propose(auth: AuthClaims, body: CreateTopicRequest, idempotencyKey: string | undefined): Promise<StoredResponse<TopicDetail>> {
    const key = IdempotencyService.validateKey(idempotencyKey);
    const member = await this.access.confirmedMember(auth);
    const concernIds = body.concernIds ?? [];
    await this.assertConcernsVisible(member.communityId, member.user.id, concernIds);
    const { supportThreshold } = await this.repo.settings(member.communityId);
    let queued = false;
    const result = await this.idempotency.run({ userId: member.user.id, scope: 'deliberation.topics.create', key, body }, async (m) => {
      const now = new Date();
      const at = this.repo.date(now);
      const id = await this.db.insert(
        m,
        `INSERT INTO deliberation_topics (street_id, community_id, proposer_id, title, problem, hope, category, status, support_count, auto_place,
           merged_into_id, decline_reason, queued_at, status_changed_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'proposed', 1, 1, NULL, NULL, NULL, ?, ?, ?)`,
        [member.user.streetId ?? 0, member.communityId, member.user.id, body.title, body.problem, body.hope, body.category, at, at, at],
      );
      await m.query('INSERT INTO deliberation_topic_supports (topic_id, user_id, created_at) VALUES (?, ?, ?)', [id, member.user.id, at]);
      for (const concernId of concernIds) await m.query('INSERT INTO deliberation_topic_concerns (topic_id, concern_id) VALUES (?, ?)', [id, concernId]);
      if (await this.repo.queueIfReached(m, id, supportThreshold, now)) {
        queued = true;
        await noticeQueued(this.notifications, m, { id, title: body.title, proposerId: member.user.id });
      }
      return this.query.detail(member, id, m);
    });
    if (queued) await this.placement.placeQueue(member.communityId, new Date());
    return result;
  }

  async support(auth: AuthClaims, topicId: number): Promise<TopicDetail> {
    const member = await this.access.confirmedMember(auth);
    const topic = await this.repo.ownTopic(member.communityId, topicId);
    if (!SupportableTopicStatuses.includes(topic.status)) throw notOpen();
    const { supportThreshold } = await this.repo.settings(member.communityId);
    const queued = await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const now = new Date();
        try {
          await m.query('INSERT INTO deliberation_topic_supports (topic_id, user_id, created_at) VALUES (?, ?, ?)', [topicId, member.user.id, this.repo.date(now)]);
        } catch (err) {
          if (isUniqueViolation(err)) throw alreadySupported();
          throw err;
        }
        if (!(await this.repo.addSupports(m, topicId, 1, SupportableTopicStatuses, now))) throw notOpen();
        if (!(await this.repo.queueIfReached(m, topicId, supportThreshold, now))) return false;
        await noticeQueued(this.notifications, m, topic);
        return true;
      }),
    );
    if (queued) await this.placement.placeQueue(member.communityId, new Date());
    return this.query.detail(member, topicId);
  }

  /** Withdraws my support while the topic is proposed or queued; below the threshold a queued topic returns to proposed. */
  async withdraw(auth: AuthClaims, topicId: number): Promise<TopicDetail> {
    const member = await this.access.member(auth);
    const topic = await this.repo.ownTopic(member.communityId, topicId);
    if (!WithdrawableTopicStatuses.includes(topic.status)) throw supportLocked();
    const { supportThreshold } = await this.repo.settings(member.communityId);
    await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const now = new Date();
        const gone = await this.repo.exec(m, 'DELETE FROM deliberation_topic_supports WHERE topic_id = ? AND user_id = ?', [topicId, member.user.id]);
        if (gone !== 1) throw conflict(ErrorCode.TOPIC_NOT_SUPPORTED, '您还没有支持这个议题');
        if (!(await this.repo.addSupports(m, topicId, -1, WithdrawableTopicStatuses, now))) throw supportLocked();
        await this.repo.unqueueIfBelow(m, topicId, supportThreshold, now);
      }),
    );
    return this.query.detail(member, topicId);
  }

  /** Linked concerns must be of the proposer's community and visible to them: their own or public ones. */
  private async assertConcernsVisible(communityId: number, userId: number, ids: number[]): Promise<void> {
    if (!ids.length) return;
    const rows: { id: number }[] = await this.db.manager.query(
      `SELECT id FROM concerns WHERE id IN (${ids.map(() => '?').join(', ')}) AND community_id = ? AND (submitter_id = ? OR is_public = 1)`,
      [...ids, communityId, userId],
    );
    const found = new Set(rows.map((r) => Number(r.id)));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new DomainException(ErrorCode.TOPIC_CONCERN_INVALID, 422, '关联的问题不存在或您无权查看', missing.map((id) => ({ path: 'concernIds', message: `问题 ${id} 无法关联` })));
    }
  }
}
