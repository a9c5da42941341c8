import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ConcernCategory } from '../../../../contracts/concerns.constants';
import type {
  TopicAgendaRef, TopicDetail, TopicListResponse, TopicQueueResponse,
} from '../../../../contracts/deliberation-topics.contract';
import type { TopicListQuerySchema } from '../../../../contracts/deliberation-topics.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { toIso } from '../../common/time';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { DeliberationAccess, type Member } from './deliberation-access';
import { DeliberationTopicEntity, DeliberationTopicSupportEntity } from './deliberation-topics.entities';
import { toTopicItem, type TopicViewContext } from './deliberation-topics.mapper';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';

const badCursor = () => new DomainException(ErrorCode.VALIDATION_FAILED, 400, '分页参数不正确', [{ path: 'cursor', message: '分页参数不正确' }]);

function encode(sort: 'support' | 'newest', t: DeliberationTopicEntity): string {
  return Buffer.from(sort === 'support' ? `s:${t.supportCount}:${t.id}` : `i:${t.id}`).toString('base64url');
}

function decode(sort: 'support' | 'newest', cursor: string | undefined): { count: number; id: number } | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = sort === 'support' ? /^s:(\d{1,10}):(\d{1,10})$/.exec(text) : /^i:()(\d{1,10})$/.exec(text);
  if (!m) throw badCursor();
  return { count: Number(m[1] || 0), id: Number(m[2]) };
}

/** Reading topics: lists of my community, one topic in detail, the staff's placement queue. */
@Injectable()
export class DeliberationTopicsQueryService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly access: DeliberationAccess,
  ) {}

  async list(auth: AuthClaims, q: z.infer<typeof TopicListQuerySchema>): Promise<TopicListResponse> {
    const member = await this.access.member(auth);
    const { sort, limit } = q;
    const after = decode(sort, q.cursor);
    const qb = this.db.manager.createQueryBuilder(DeliberationTopicEntity, 't').where('t.community_id = :c', { c: member.communityId });
    if (q.status) qb.andWhere('t.status = :s', { s: q.status });
    if (q.mine === 'true') qb.andWhere('t.proposer_id = :u', { u: member.user.id });
    if (sort === 'support') {
      qb.orderBy('t.support_count', 'DESC').addOrderBy('t.id', 'DESC');
      if (after) qb.andWhere('(t.support_count < :sc OR (t.support_count = :sc AND t.id < :sid))', { sc: after.count, sid: after.id });
    } else {
      qb.orderBy('t.id', 'DESC');
      if (after) qb.andWhere('t.id < :sid', { sid: after.id });
    }
    const rows = await qb.limit(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const { supportThreshold } = await this.repo.settings(member.communityId);
    const ctx = await this.context(page, member, supportThreshold);
    return {
      items: page.map((t) => toTopicItem(t, ctx)),
      nextCursor: rows.length > limit ? encode(sort, page[page.length - 1]) : null,
      threshold: supportThreshold,
    };
  }

  async detailFor(auth: AuthClaims, id: number): Promise<TopicDetail> {
    const member = await this.access.member(auth);
    return this.detail(member, id);
  }

  /** One topic as `member` sees it; with `m`, read inside that transaction. */
  async detail(member: Member, id: number, m: EntityManager = this.db.manager): Promise<TopicDetail> {
    const t = await this.repo.ownTopic(member.communityId, id, m);
    const { supportThreshold } = await this.repo.settings(member.communityId, m);
    const ctx = await this.context([t], member, supportThreshold, m);
    const concerns: { id: number; text: string; category: ConcernCategory; submitterId: number; isPublic: number | boolean }[] = await m.query(
      `SELECT c.id AS id, c.text AS text, c.category AS category, c.submitter_id AS submitterId, c.is_public AS isPublic
         FROM deliberation_topic_concerns tc JOIN concerns c ON c.id = tc.concern_id WHERE tc.topic_id = ? ORDER BY c.id ASC`,
      [t.id],
    );
    // Residents see the linked concerns they could open anyway: their own and public ones.
    const visible = concerns.filter((c) => member.user.role !== 'resident' || Number(c.submitterId) === member.user.id || Boolean(Number(c.isPublic)));
    const mergedInto = t.mergedIntoId ? await m.findOne(DeliberationTopicEntity, { where: { id: t.mergedIntoId }, select: { id: true, title: true } }) : null;
    const mergedFrom = await m.find(DeliberationTopicEntity, { where: { mergedIntoId: t.id }, select: { id: true, title: true }, order: { id: 'ASC' } });
    return {
      ...toTopicItem(t, ctx),
      problem: t.problem, hope: t.hope,
      linkedConcerns: visible.map((c) => ({ id: Number(c.id), title: c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text, category: c.category })),
      mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
      mergedFrom: mergedFrom.map((f) => ({ id: f.id, title: f.title })),
      declineReason: t.declineReason, autoPlace: Boolean(t.autoPlace), statusChangedAt: toIso(t.statusChangedAt)!,
    };
  }

  /** Staff: queued topics in the order automatic placement takes them, and the next session with free space. */
  async queue(auth: AuthClaims): Promise<TopicQueueResponse> {
    const member = await this.access.member(auth);
    const settings = await this.repo.settings(member.communityId);
    const topics = await this.db.manager
      .createQueryBuilder(DeliberationTopicEntity, 't')
      .where("t.community_id = :c AND t.status = 'queued'", { c: member.communityId })
      .orderBy('t.support_count', 'DESC').addOrderBy('t.created_at', 'ASC').addOrderBy('t.id', 'ASC')
      .limit(200)
      .getMany();
    const ctx = await this.context(topics, member, settings.supportThreshold);
    const sessions = await this.repo.upcomingSessions(member.communityId, new Date());
    const used = await this.repo.itemCounts(sessions.map((s) => s.id));
    const free = sessions.find((s) => (used.get(s.id) ?? 0) < settings.agendaSlots);
    let position = 0;
    return {
      items: topics.map((t) => ({ ...toTopicItem(t, ctx), queuePosition: t.autoPlace ? ++position : 0, autoPlace: Boolean(t.autoPlace) })),
      threshold: settings.supportThreshold,
      agendaSlots: settings.agendaSlots,
      nextSession: free ? { id: free.id, startsAt: free.startsAt.toISOString(), place: free.place, freeSlots: settings.agendaSlots - (used.get(free.id) ?? 0) } : null,
    };
  }

  /** What each listed topic needs from elsewhere: my supports, proposers' names, the session each is on. */
  private async context(topics: DeliberationTopicEntity[], member: Member, threshold: number, m: EntityManager = this.db.manager): Promise<TopicViewContext> {
    const ids = topics.map((t) => t.id);
    const ctx: TopicViewContext = { threshold, viewerId: member.user.id, supported: new Set(), proposerNames: new Map(), agendas: new Map() };
    if (!ids.length) return ctx;
    const mine = await m.find(DeliberationTopicSupportEntity, { where: { userId: member.user.id, topicId: In(ids) }, select: { id: true, topicId: true } });
    mine.forEach((s) => ctx.supported.add(s.topicId));
    const proposers = [...new Set(topics.map((t) => t.proposerId))];
    const users = await m.find(UserEntity, { where: { id: In(proposers) }, select: { id: true, name: true } });
    users.forEach((u) => ctx.proposerNames.set(u.id, u.name));
    const refs: { topicId: number; id: number; sessionId: number; position: number; startsAt: Date | string; place: string }[] = await m.query(
      `SELECT a.topic_id AS topicId, a.id AS id, a.session_id AS sessionId, a.position AS position, s.starts_at AS startsAt, s.place AS place
         FROM deliberation_agenda_items a JOIN deliberation_sessions s ON s.id = a.session_id
        WHERE a.topic_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const r of refs) {
      const ref: TopicAgendaRef = {
        agendaItemId: Number(r.id), sessionId: Number(r.sessionId), sessionStartsAt: toIso(r.startsAt)!, sessionPlace: r.place, position: Number(r.position),
      };
      ctx.agendas.set(Number(r.topicId), ref);
    }
    return ctx;
  }
}
