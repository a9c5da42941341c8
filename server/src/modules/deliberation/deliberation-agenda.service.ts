import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type {
  AgendaItem, AgendaResponse, CreateAgendaItemRequest, ReorderAgendaRequest, UpdateAgendaItemRequest,
} from '../../../../contracts/deliberation-topics.contract';
import { topicPath } from '../../../../contracts/deliberation-topics.constants';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DeliberationAccess, type Member } from './deliberation-access';
import { DeliberationAgendaPlacement } from './deliberation-agenda.placement';
import { DeliberationAgendaItemEntity, DeliberationTopicEntity } from './deliberation-topics.entities';
import { toAgendaItem, whoJson } from './deliberation-topics.mapper';
import { retryDeadlock } from '../../database/database.service';
import { DeliberationTopicsRepository } from './deliberation-topics.repository';
import { DeliberationTopicsTriageService, illegalTransition } from './deliberation-topics-triage.service';

const itemNotFound = () => new DomainException(ErrorCode.AGENDA_ITEM_NOT_FOUND, 404, '没有找到这项议程');

/**
 * 议程 builder: staff add, edit, reorder and remove the items of a session's agenda; everyone in the
 * community reads it. Adding takes a slot from the session's counter (never more than the community's
 * agenda slots); removing a topic's item returns the topic to the queue with automatic placement off.
 */
@Injectable()
export class DeliberationAgendaService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: DeliberationTopicsRepository,
    private readonly access: DeliberationAccess,
    private readonly triage: DeliberationTopicsTriageService,
    private readonly placement: DeliberationAgendaPlacement,
    private readonly notifications: NotificationsService,
  ) {}

  async list(auth: AuthClaims, sessionId: number): Promise<AgendaResponse> {
    const member = await this.access.member(auth);
    await this.access.session(member, sessionId);
    return this.agenda(member, sessionId);
  }

  async create(auth: AuthClaims, sessionId: number, body: CreateAgendaItemRequest): Promise<AgendaItem> {
    const member = await this.access.member(auth);
    const fields = { title: body.title, whereText: body.whereText, whatText: body.whatText, who: body.who, howText: body.howText };
    let itemId: number;
    if (body.topicId !== undefined) {
      itemId = await this.triage.scheduleOn(member, body.topicId, sessionId, fields);
    } else {
      const session = await this.triage.openSession(member, sessionId);
      const { agendaSlots } = await this.repo.settings(member.communityId);
      await this.repo.ensureCounters(member.communityId, [session.id]);
      itemId = await retryDeadlock(() =>
        this.db.transaction((m) => this.placement.addItem(m, session, member.communityId, agendaSlots, null, fields, new Date())),
      );
    }
    return this.one(member, itemId);
  }

  /** Edits any of the five steps; "how it is carried out" stays editable after the session (filled with the resolutions). */
  async update(auth: AuthClaims, itemId: number, body: UpdateAgendaItemRequest): Promise<AgendaItem> {
    const member = await this.access.member(auth);
    await this.ownItem(member, itemId);
    const patch: Partial<DeliberationAgendaItemEntity> = { updatedAt: new Date() };
    if (body.title !== undefined) patch.title = body.title;
    if (body.whereText !== undefined) patch.whereText = body.whereText;
    if (body.whatText !== undefined) patch.whatText = body.whatText;
    if (body.who !== undefined) patch.who = whoJson(body.who);
    if (body.howText !== undefined) patch.howText = body.howText;
    if (body.carriedOutText !== undefined) patch.carriedOutText = body.carriedOutText;
    await this.db.transaction((m) => m.update(DeliberationAgendaItemEntity, { id: itemId }, patch));
    return this.one(member, itemId);
  }

  /** A new order: exactly the session's item ids, each once. */
  async reorder(auth: AuthClaims, sessionId: number, body: ReorderAgendaRequest): Promise<AgendaResponse> {
    const member = await this.access.member(auth);
    const session = await this.triage.openSession(member, sessionId);
    await this.repo.ensureCounters(member.communityId, [session.id]);
    await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        await this.repo.lockAgenda(m, sessionId);
        const current = await m.find(DeliberationAgendaItemEntity, { where: { sessionId }, select: { id: true } });
        const ids = new Set(current.map((i) => i.id));
        if (ids.size !== body.itemIds.length || body.itemIds.some((id) => !ids.has(id))) {
          throw new DomainException(ErrorCode.AGENDA_ORDER_MISMATCH, 422, '议程已有变化，请刷新后重新排序');
        }
        await this.repo.renumber(m, sessionId, body.itemIds);
      }),
    );
    return this.agenda(member, sessionId);
  }

  /** Removes an item before the session starts; its topic goes back to queued (or proposed) and is kept out of automatic placement. */
  async remove(auth: AuthClaims, itemId: number): Promise<AgendaResponse> {
    const member = await this.access.member(auth);
    const item = await this.ownItem(member, itemId);
    const session = await this.access.session(member, item.sessionId);
    if (session.status === 'scheduled' && new Date(session.startsAt) <= new Date()) {
      throw conflict(ErrorCode.SESSION_STARTED, '这场议事已经开始，议程不能再改');
    }
    const { supportThreshold } = await this.repo.settings(member.communityId);
    await retryDeadlock(() =>
      this.db.transaction(async (m) => {
        const now = new Date();
        if (item.topicId !== null) await this.returnTopic(m, item.topicId, supportThreshold, now);
        await this.repo.lockAgenda(m, item.sessionId);
        if ((await this.repo.exec(m, 'DELETE FROM deliberation_agenda_items WHERE id = ?', [itemId])) !== 1) throw itemNotFound();
        await this.repo.releaseSlotAndRenumber(m, item.sessionId);
      }),
    );
    await this.placement.placeQueue(member.communityId, new Date());
    return this.agenda(member, item.sessionId);
  }

  /** on_agenda -> queued (enough support) or proposed; staff took it off, so automatic placement is off. */
  private async returnTopic(m: EntityManager, topicId: number, threshold: number, now: Date): Promise<void> {
    const back =
      (await this.repo.transition(m, topicId, ['on_agenda'], 'queued', now, { auto_place: 0, queued_at: this.repo.date(now) }, 'support_count >= ?', [threshold])) ||
      (await this.repo.transition(m, topicId, ['on_agenda'], 'proposed', now, { auto_place: 0, queued_at: null }));
    const topic = (await this.repo.findTopic(topicId, m))!;
    if (!back) throw illegalTransition(topic, '移出议程');
    await this.notifications.notify(m, {
      userId: topic.proposerId, type: 'deliberation.topic_off_agenda', title: '议题移出议程',
      body: `您提出的议题「${topic.title}」已被工作人员移出本场议程，将另行安排。`, link: topicPath(topicId),
    });
  }

  private async ownItem(member: Member, itemId: number): Promise<DeliberationAgendaItemEntity> {
    const item = await this.db.manager.findOne(DeliberationAgendaItemEntity, { where: { id: itemId } });
    if (!item || item.communityId !== member.communityId) throw itemNotFound();
    return item;
  }

  private async one(member: Member, itemId: number): Promise<AgendaItem> {
    const item = await this.ownItem(member, itemId);
    const topic = item.topicId ? await this.db.manager.findOne(DeliberationTopicEntity, { where: { id: item.topicId } }) : null;
    return toAgendaItem(item, topic ?? undefined);
  }

  private async agenda(member: Member, sessionId: number): Promise<AgendaResponse> {
    const items = await this.db.manager.find(DeliberationAgendaItemEntity, { where: { sessionId }, order: { position: 'ASC', id: 'ASC' } });
    const topicIds = items.map((i) => i.topicId).filter((id): id is number => id !== null);
    const topics = topicIds.length ? await this.db.manager.find(DeliberationTopicEntity, { where: { id: In(topicIds) } }) : [];
    const byId = new Map(topics.map((t) => [t.id, t]));
    const { agendaSlots } = await this.repo.settings(member.communityId);
    return { sessionId, agendaSlots, items: items.map((i) => toAgendaItem(i, i.topicId ? byId.get(i.topicId) : undefined)) };
  }
}
