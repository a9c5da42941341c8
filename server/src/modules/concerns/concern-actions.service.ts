import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  CloseReasonLabels,
  ConcernCategoryLabels,
  HolderLevelLabels,
  type CloseReason,
  type ConcernCategory,
  type ConcernStatus,
  type HolderLevel,
} from '../../../../contracts/concerns.constants';
import type { ConcernAction, ConcernDetail } from '../../../../contracts/concerns.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DomainEvents, type DomainEvent } from '../../common/events/domain-events';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { DepartmentEntity, GridEntity } from '../org/org.entities';
import { PhotosService } from '../photos/photos.service';
import { ConcernEntity } from './concern.entity';
import { ConcernAccess, type ConcernContext } from './concern-access';
import { levelAbove, levelBelow, RESIDENT_TRANSITIONS, STAFF_TRANSITIONS, stageDeadline } from './concern-lifecycle';
import { ConcernCategoriesService } from './concern-categories.service';
import { ConcernsQueryService } from './concerns-query.service';
import { toConcernItem } from './concerns.mapper';
import { ConcernsRepository, type ConcernRow } from './concerns.repository';

export interface ActionInput {
  version?: number;
  note?: string | null;
  photoIds?: number[];
  departmentId?: number;
  closeReason?: CloseReason;
  rating?: number;
}

type Patch = Partial<Omit<ConcernEntity, 'id' | 'version'>>;
type EventAction = Extract<DomainEvent, { type: 'concern.transitioned' }>['action'];

/** Every step after submission: one conditional update on (id, version), one immutable event, notices. */
@Injectable()
export class ConcernActionsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly concerns: ConcernsRepository,
    private readonly access: ConcernAccess,
    private readonly events: DomainEvents,
    private readonly categories: ConcernCategoriesService,
    private readonly photos: PhotosService,
    private readonly query: ConcernsQueryService,
  ) {}

  /** "Me too": a neighbour joins a public concern instead of filing a duplicate (one per person, by unique key). */
  async meToo(auth: AuthClaims, id: number): Promise<ConcernDetail> {
    const ctx = await this.access.load(auth, id);
    if (!this.access.actions(ctx).includes('me_too')) {
      if (ctx.view.role === 'resident' && !ctx.view.isSubmitter && !ctx.view.mayJoin && Boolean(Number(ctx.row.isPublic))) {
        throw new DomainException(ErrorCode.ALREADY_JOINED, 409, '您已经表示过“我也遇到了”');
      }
      throw new DomainException(ErrorCode.CONCERN_ILLEGAL_TRANSITION, 409, '这条问题不能再加入');
    }
    const now = new Date();
    await this.db.transaction(async (m) => {
      try {
        await this.db.insert(m, 'INSERT INTO concern_supporters (concern_id, user_id, created_at) VALUES (?, ?, ?)', [id, ctx.actor.id, this.db.dateParam(now)]);
      } catch (err) {
        if (isUniqueViolation(err)) throw new DomainException(ErrorCode.ALREADY_JOINED, 409, '您已经表示过“我也遇到了”');
        throw err;
      }
      await m.query('UPDATE concerns SET me_too_count = me_too_count + 1 WHERE id = ?', [id]);
      await this.concerns.insertEvent(m, {
        concernId: id, actorId: ctx.actor.id, actorRole: ctx.actor.role, type: 'me_too', fromStatus: ctx.row.status, toStatus: ctx.row.status,
        toLevel: ctx.row.holderLevel, note: null, createdAt: now,
      });
      await this.notify(m, ctx.row, 'me_too', null, {}, ctx.actor.name, null);
    });
    return this.query.detail(auth, id);
  }

  async act(auth: AuthClaims, id: number, action: Exclude<ConcernAction, 'me_too'>, input: ActionInput): Promise<ConcernDetail> {
    const ctx = await this.access.load(auth, id);
    this.assertAllowed(ctx, action);
    const row = ctx.row;
    if (input.version !== undefined && input.version !== Number(row.version)) throw this.conflict(row, '这条问题刚被其他人处理过，请看最新状态');
    const now = new Date();
    const { patch, toStatus, toLevel, eventType, note } = await this.plan(ctx, action, input, now);
    await this.db.transaction(async (m) => {
      const ok = await this.update(m, Number(row.id), Number(row.version), patch, now);
      if (!ok) throw this.conflict((await this.concerns.findRow(Number(row.id), m)) ?? row, '这条问题刚被其他人处理过，请看最新状态');
      const eventId = await this.concerns.insertEvent(m, {
        concernId: Number(row.id), actorId: ctx.actor.id, actorRole: ctx.actor.role, type: eventType,
        fromStatus: row.status, toStatus, toLevel, note, createdAt: now,
      });
      if (input.photoIds?.length) {
        await this.photos.attach(m, { photoIds: input.photoIds, uploaderId: ctx.actor.id, concernId: Number(row.id), eventId });
      }
      await this.notify(m, row, eventType, toLevel, patch, ctx.actor.name, note);
    });
    return this.query.detail(auth, id);
  }

  /** Applies a patch only if nobody changed the concern since `version` was read. */
  async update(m: EntityManager, id: number, version: number, patch: Patch, now: Date): Promise<boolean> {
    const result = await m
      .createQueryBuilder()
      .update(ConcernEntity)
      .set({ ...definedOnly(patch), updatedAt: now, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return affectedRows(result) === 1;
  }

  /** Notifies the submitter and the people who must act now; used by the jobs too. */
  async notify(
    m: EntityManager, row: ConcernRow, action: EventAction, toLevel: HolderLevel | null, patch: Patch, actorName: string, note: string | null,
    also: (number | null)[] = [],
  ): Promise<void> {
    const receiving = toLevel && (toLevel !== row.holderLevel || patch.status === 'returned' || patch.status === 'reopened') ? toLevel : null;
    const levelPeople = receiving ? await this.access.levelRecipients(m, { ...row, departmentId: patch.departmentId ?? row.departmentId }, receiving) : [];
    const recipients = [...new Set([...levelPeople, ...also.filter((x): x is number => x !== null).map(Number)])].filter((id) => id !== Number(row.submitterId));
    await this.events.publish(m, {
      type: 'concern.transitioned', concernId: Number(row.id), action, submitterId: Number(row.submitterId), recipients, actorName,
      categoryLabel: ConcernCategoryLabels[row.category as ConcernCategory] ?? row.category,
      levelLabel: HolderLevelLabels[(toLevel ?? row.holderLevel) as HolderLevel], note,
    });
  }

  conflict(row: ConcernRow, message: string): DomainException {
    return new DomainException(ErrorCode.CONCERN_STATE_CONFLICT, 409, message, undefined, { current: toConcernItem(row) });
  }

  private assertAllowed(ctx: ConcernContext, action: Exclude<ConcernAction, 'me_too'>): void {
    if (this.access.actions(ctx).includes(action)) return;
    const { row, view } = ctx;
    const staffAction = action in STAFF_TRANSITIONS;
    if (staffAction && !view.holdsIt) {
      throw new DomainException(ErrorCode.CONCERN_NOT_HOLDER, 403, `这条问题目前由${HolderLevelLabels[row.holderLevel]}处理，您不能进行此操作`);
    }
    if (!staffAction && !view.isSubmitter) throw new DomainException(ErrorCode.FORBIDDEN, 403, '只有反映人可以进行此操作');
    throw new DomainException(ErrorCode.CONCERN_ILLEGAL_TRANSITION, 409, `这条问题现在是“${toConcernItem(row).statusLabel}”，不能进行此操作`, undefined, {
      current: toConcernItem(row),
    });
  }

  private async plan(ctx: ConcernContext, action: Exclude<ConcernAction, 'me_too'>, input: ActionInput, now: Date) {
    const row = ctx.row;
    const hours = await this.categories.resolveHours(row.category as ConcernCategory, Number(row.communityId));
    const enter = (status: ConcernStatus): Patch => ({
      status, stageStartedAt: now, stageDeadlineAt: stageDeadline(status, now, hours), isOpen: status !== 'resolved' && status !== 'closed',
    });
    const note = input.note?.trim() ? input.note.trim() : null;
    switch (action) {
      case 'accept':
        return { ...this.step('accepted', row.holderLevel, note), patch: { ...enter(STAFF_TRANSITIONS.accept.to), holderId: ctx.actor.id, firstOwnerId: row.firstOwnerId ?? ctx.actor.id, acceptedAt: row.acceptedAt ? undefined : now } };
      case 'start':
        return { ...this.step('started', row.holderLevel, note), patch: enter(STAFF_TRANSITIONS.start.to) };
      case 'resolve':
        return { ...this.step('resolved', row.holderLevel, note), patch: { ...enter('resolved'), resolvedAt: now, photoCount: Number(row.photoCount) + (input.photoIds?.length ?? 0) } };
      case 'escalate': {
        const up = levelAbove(row.holderLevel)!;
        let departmentId: number | null = row.departmentId === null ? null : Number(row.departmentId);
        if (up === 'department') {
          if (!input.departmentId) throw new DomainException(ErrorCode.DEPARTMENT_REQUIRED, 400, '请选择要“吹哨”的职能部门');
          const d = await this.db.manager.findOne(DepartmentEntity, { where: { id: input.departmentId, streetId: Number(row.streetId), retiredAt: IsNull() } });
          if (!d) throw new DomainException(ErrorCode.DEPARTMENT_REQUIRED, 400, '没有找到这个职能部门');
          departmentId = d.id;
        }
        return { ...this.step('escalated', up, note), patch: { ...enter('escalated'), holderLevel: up, holderId: null, departmentId } };
      }
      case 'return': {
        const down = levelBelow(row.holderLevel)!;
        const holderId = down === 'grid' ? await this.gridWorker(Number(row.gridId)) : null;
        return { ...this.step('returned', down, note), patch: { ...enter('returned'), holderLevel: down, holderId } };
      }
      case 'close': {
        const reason = input.closeReason!;
        const text = `${CloseReasonLabels[reason]}${note ? `：${note}` : ''}`;
        return { ...this.step('closed', row.holderLevel, text), patch: { ...enter('closed'), closedAt: now, closeReason: reason } };
      }
      case 'withdraw':
        return { ...this.step('closed', row.holderLevel, `${CloseReasonLabels.withdrawn}${note ? `：${note}` : ''}`), patch: { ...enter(RESIDENT_TRANSITIONS.withdraw.to), closedAt: now, closeReason: 'withdrawn' as const } };
      case 'rate':
        return { ...this.step('rated', row.holderLevel, note), patch: { ...enter('closed'), closedAt: now, rating: input.rating!, ratingComment: note } };
      case 'not_solved': {
        // 二次督办: reopened and sent one level up; the street keeps it unless a department already had it.
        let up = levelAbove(row.holderLevel);
        if (!up || (up === 'department' && row.departmentId === null)) up = row.holderLevel;
        return { ...this.step('reopened', up, note), patch: { ...enter('reopened'), holderLevel: up, holderId: null, resolvedAt: null } };
      }
    }
  }

  private step(eventType: EventAction, toLevel: HolderLevel, note: string | null) {
    const toStatus: ConcernStatus =
      eventType === 'accepted' ? 'accepted' : eventType === 'started' ? 'in_progress' : eventType === 'resolved' ? 'resolved'
      : eventType === 'escalated' ? 'escalated' : eventType === 'returned' ? 'returned' : eventType === 'reopened' ? 'reopened' : 'closed';
    return { eventType, toStatus, toLevel, note };
  }

  private async gridWorker(gridId: number): Promise<number | null> {
    const g = await this.db.manager.findOne(GridEntity, { where: { id: gridId }, select: { id: true, gridWorkerId: true } });
    return g?.gridWorkerId ?? null;
  }
}

/** TypeORM would write `undefined` keys as NULL: leave them out. */
function definedOnly<T extends object>(patch: T): T {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as T;
}
