import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CreateResolutionRequest, ResolutionDetail, ResolutionItem, UpdateResolutionRequest,
} from '../../../../contracts/deliberation-outcomes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { chinaDay } from '../diary/china-day';
import { UserEntity } from '../users/user.entity';
import { assertHeld, OutcomesAccess, type Viewer } from './deliberation-outcomes.access';
import type { DeliberationResolutionEntity } from './deliberation-outcomes.entities';
import { toResolutionDetail, toResolutionItem } from './deliberation-resolutions.mapper';
import { ResolutionsRepository } from './deliberation-resolutions.repository';
import { DeliberationAgendaItemEntity } from './deliberation-topics.entities';

/** Thrown inside a transaction when a conditional update found another version; turned into a 409 outside it. */
export class StaleVersion extends Error {}

export const resolutionNotFound = () => new DomainException(ErrorCode.RESOLUTION_NOT_FOUND, 404, '没有找到这项决议');

/**
 * Recording, editing and reading resolutions. The agenda item's "how it is carried out" is written from
 * its resolutions ("1. … 2. …") in the same transaction whenever one is recorded or its text edited.
 */
@Injectable()
export class DeliberationResolutionsService {
  constructor(private readonly db: DatabaseService, private readonly access: OutcomesAccess, private readonly repo: ResolutionsRepository) {}

  async create(auth: AuthClaims, sessionId: number, body: CreateResolutionRequest): Promise<ResolutionDetail> {
    const { user } = await this.access.staff(auth);
    const { session, community } = await this.access.session({ kind: 'member', user, communityId: Number(user.communityId) }, sessionId);
    assertHeld(session, new Date());
    const item = body.agendaItemId === undefined ? null : await this.agendaItem(body.agendaItemId, sessionId);
    if (body.ownerUserId !== undefined) await this.assertOwner(body.ownerUserId, community.id);
    const id = await this.db.transaction(async (m) => {
      const now = new Date();
      const newId = await this.repo.insert(m, {
        sessionId, communityId: community.id, streetId: Number(community.streetId), agendaItemId: item?.id ?? null, topicId: item?.topicId ?? null,
        text: body.text, ownerName: body.ownerName, ownerUserId: body.ownerUserId ?? null, dueDate: body.dueDate, status: 'planned',
        escalationReason: null, doneAt: null, createdBy: user.id, createdAt: now, updatedAt: now,
      });
      await this.repo.insertEvent(m, { resolutionId: newId, kind: 'created', fromStatus: null, toStatus: 'planned', note: null, byUserId: user.id, at: now });
      if (item) await this.writeCarriedOut(m, item.id, now);
      return newId;
    });
    return this.detail(auth, id);
  }

  async update(auth: AuthClaims, id: number, body: UpdateResolutionRequest): Promise<ResolutionDetail> {
    const { user, communityId } = await this.access.staff(auth);
    const r = await this.repo.find(id);
    if (!r || r.communityId !== communityId) throw resolutionNotFound();
    if (body.ownerUserId !== undefined && body.ownerUserId !== null) await this.assertOwner(body.ownerUserId, communityId);
    const patch = {
      ...(body.text === undefined ? {} : { text: body.text }),
      ...(body.ownerName === undefined ? {} : { ownerName: body.ownerName }),
      ...(body.ownerUserId === undefined ? {} : { ownerUserId: body.ownerUserId }),
      ...(body.dueDate === undefined ? {} : { dueDate: body.dueDate }),
    };
    const v: Viewer = { kind: 'member', user, communityId };
    await this.guarded(v, id, () => this.db.transaction(async (m) => {
      const now = new Date();
      if (!(await this.repo.patch(m, id, body.version, patch, now))) throw new StaleVersion();
      await this.repo.insertEvent(m, { resolutionId: id, kind: 'edited', fromStatus: r.status, toStatus: r.status, note: await this.describeEdit(m, r, patch), byUserId: user.id, at: now });
      if (patch.text !== undefined && r.agendaItemId !== null) await this.writeCarriedOut(m, r.agendaItemId, now);
    }));
    return this.detail(auth, id);
  }

  async detail(auth: AuthClaims, id: number): Promise<ResolutionDetail> {
    const v = await this.access.viewer(auth);
    return this.detailFor(v, await this.visible(v, id));
  }

  /** A resolution the viewer may see; 404 otherwise. */
  async visible(v: Viewer, id: number, m?: EntityManager): Promise<DeliberationResolutionEntity> {
    const r = await this.repo.find(id, m);
    if (!r || !this.access.canSee(v, r)) throw resolutionNotFound();
    return r;
  }

  async detailFor(v: Viewer, r: DeliberationResolutionEntity): Promise<ResolutionDetail> {
    const [events, activities] = await Promise.all([this.repo.events(r.id), this.repo.activities([r.id])]);
    const ctx = await this.repo.context([r], v.user.id, events.map((e) => e.byUserId));
    return toResolutionDetail(toResolutionItem(r, ctx, chinaDay(new Date())), events, ctx.users, activities.get(r.id) ?? []);
  }

  async items(v: Viewer, rows: DeliberationResolutionEntity[]): Promise<ResolutionItem[]> {
    const ctx = await this.repo.context(rows, v.user.id);
    const today = chinaDay(new Date());
    return rows.map((r) => toResolutionItem(r, ctx, today));
  }

  /**
   * Runs a change whose conditional update may find the resolution changed meanwhile (it throws StaleVersion);
   * then answers 409 RESOLUTION_STATE_CONFLICT with the current resolution, read after the rollback.
   */
  async guarded<T>(v: Viewer, id: number, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof StaleVersion)) throw err;
      const current = await this.detailFor(v, await this.visible(v, id));
      throw new DomainException(ErrorCode.RESOLUTION_STATE_CONFLICT, 409, '这项决议刚刚被别人更新过，请刷新后再试', undefined, { current });
    }
  }

  private async agendaItem(agendaItemId: number, sessionId: number): Promise<DeliberationAgendaItemEntity> {
    const item = await this.db.manager.findOne(DeliberationAgendaItemEntity, { where: { id: agendaItemId } });
    if (!item || item.sessionId !== sessionId) {
      throw new DomainException(ErrorCode.RESOLUTION_AGENDA_ITEM_INVALID, 422, '这条议程不属于这场议事', [{ path: 'agendaItemId', message: 'not an agenda item of this session' }]);
    }
    return item;
  }

  private async assertOwner(userId: number, communityId: number): Promise<void> {
    const u = await this.db.manager.findOne(UserEntity, { where: { id: userId }, select: { id: true, role: true, communityId: true } });
    if (!u || Number(u.communityId) !== communityId || (u.role !== 'community_staff' && u.role !== 'grid_worker')) {
      throw new DomainException(ErrorCode.RESOLUTION_OWNER_INVALID, 422, '负责人应是本社区的工作人员或网格员', [{ path: 'ownerUserId', message: 'not staff of this community' }]);
    }
  }

  /** Rewrites the agenda item's carried_out_text from all its resolutions, in recording order. */
  private async writeCarriedOut(m: EntityManager, agendaItemId: number, now: Date): Promise<void> {
    const rows: { text: string }[] = await m.query('SELECT text FROM deliberation_resolutions WHERE agenda_item_id = ? ORDER BY id', [agendaItemId]);
    const text = rows.map((r, i) => `${i + 1}. ${r.text}`).join('\n');
    await m.update(DeliberationAgendaItemEntity, { id: agendaItemId }, { carriedOutText: text, updatedAt: now });
  }

  private async describeEdit(m: EntityManager, r: DeliberationResolutionEntity, p: { text?: string; ownerName?: string; ownerUserId?: number | null; dueDate?: string }): Promise<string> {
    const parts: string[] = [];
    if (p.text !== undefined && p.text !== r.text) parts.push('修改了决议内容');
    if (p.ownerName !== undefined && p.ownerName !== r.ownerName) parts.push(`负责方：${r.ownerName} → ${p.ownerName}`);
    if (p.ownerUserId !== undefined && p.ownerUserId !== r.ownerUserId) {
      const u = p.ownerUserId === null ? null : await m.findOne(UserEntity, { where: { id: p.ownerUserId }, select: { id: true, name: true } });
      parts.push(u ? `负责人改为 ${u.name}` : '取消了负责人');
    }
    if (p.dueDate !== undefined && p.dueDate !== r.dueDate) parts.push(`完成期限：${r.dueDate} → ${p.dueDate}`);
    return (parts.length ? parts.join('；') : '未改动内容').slice(0, 500);
  }
}
