import { Injectable } from '@nestjs/common';
import {
  ConcernCategoryLabels,
  type AcceptConcernRequest,
  type ConcernDetail,
  type ConcernItem,
  type CreateConcernRequest,
  type InboxQuery,
} from '../../../../contracts/concerns.contract';
import type { Page, PageQuery } from '../../../../contracts/common.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { inScope, scopeOf, type Scope } from '../../common/access';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DomainEvents } from '../../common/events/domain-events';
import { IdempotencyService, type StoredResponse } from '../../common/idempotency/idempotency.service';
import { decodeCursor, encodeCursor } from '../../common/time';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { ConcernEntity } from './concern.entity';
import { toConcernDetail, toConcernItem } from './concerns.mapper';
import { ConcernsRepository, type ConcernRow } from './concerns.repository';

const concernNotFound = () => new DomainException(ErrorCode.CONCERN_NOT_FOUND, 404, '没有找到这条问题');
const badCursor = () => new DomainException(ErrorCode.VALIDATION_FAILED, 400, '翻页参数不正确', [{ path: 'cursor', message: 'invalid cursor' }]);

@Injectable()
export class ConcernsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly concerns: ConcernsRepository,
    private readonly events: DomainEvents,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * A resident submits a concern. It goes to the grid worker of the resident's grid (首接负责: that
   * person is the first owner); a grid without a worker routes to the community's queue.
   */
  async submit(auth: AuthClaims, body: CreateConcernRequest, idempotencyKey: string | undefined): Promise<StoredResponse<ConcernItem>> {
    const key = IdempotencyService.validateKey(idempotencyKey);
    const who = await this.concerns.submitterPlace(auth.sub);
    if (!who) throw new DomainException(ErrorCode.TOKEN_INVALID, 401, '登录已过期，请重新登录');
    if (who.unitId === null || who.buildingId === null || who.gridId === null || who.communityId === null || who.streetId === null) {
      throw new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先在“我的”里选择您居住的单元，再反映问题');
    }
    const place = { ...who, unitId: who.unitId, buildingId: who.buildingId, gridId: who.gridId, communityId: who.communityId, streetId: who.streetId };
    const holderId = place.gridWorkerId === null ? null : Number(place.gridWorkerId);
    return this.idempotency.run({ userId: who.id, scope: 'concerns.create', key, body }, async (m) => {
      const now = new Date();
      const unconfirmed = !Number(who.unitConfirmed);
      const id = await this.concerns.insert(m, {
        streetId: place.streetId, communityId: place.communityId, gridId: place.gridId, buildingId: place.buildingId, unitId: place.unitId,
        submitterId: who.id, category: body.category, text: body.text, status: 'submitted',
        holderLevel: holderId ? 'grid' : 'community', holderId, firstOwnerId: holderId,
        unconfirmed, version: 1, createdAt: now, updatedAt: now, acceptedAt: null, acceptRemindedAt: null,
      });
      await this.concerns.insertEvent(m, {
        concernId: id, actorId: who.id, actorRole: who.role, type: 'submitted', fromStatus: null, toStatus: 'submitted', note: null, createdAt: now,
      });
      await this.events.publish(m, {
        type: 'concern.submitted', concernId: id, holderId, communityId: place.communityId,
        submitterName: who.name, categoryLabel: ConcernCategoryLabels[body.category],
      });
      // Everything the answer needs is already known: no read-back query.
      return toConcernItem({
        id, streetId: place.streetId, communityId: place.communityId, gridId: place.gridId, submitterId: who.id,
        category: body.category, text: body.text, status: 'submitted', holderId, firstOwnerId: holderId, unconfirmed, version: 1,
        createdAt: now, acceptedAt: null, unitName: place.unitName ?? '', buildingName: place.buildingName ?? '',
        communityName: place.communityName ?? '', gridName: place.gridName ?? '', submitterName: who.name,
        holderName: place.gridWorkerName, holderRole: holderId ? 'grid_worker' : null, firstOwnerName: place.gridWorkerName,
      });
    });
  }

  async mine(auth: AuthClaims, query: PageQuery): Promise<Page<ConcernItem>> {
    const before = decodeCursor(query.cursor);
    if (before === -1) throw badCursor();
    return this.page(await this.concerns.listBySubmitter(auth.sub, before, query.limit + 1), query.limit);
  }

  async inbox(auth: AuthClaims, query: InboxQuery): Promise<Page<ConcernItem>> {
    const before = decodeCursor(query.cursor);
    if (before === -1) throw badCursor();
    const scope = scopeOf(await this.user(auth));
    return this.page(await this.concerns.listInScope(scope, query.status, before, query.limit + 1), query.limit);
  }

  async detail(auth: AuthClaims, id: number): Promise<ConcernDetail> {
    const row = await this.visibleRow(auth, id);
    return toConcernDetail(row, await this.concerns.timeline(id));
  }

  /** submitted -> accepted, by the grid worker of the grid (or community staff). One of two racing staff wins; the other gets 409. */
  async accept(auth: AuthClaims, id: number, body: AcceptConcernRequest): Promise<ConcernDetail> {
    const actor = await this.user(auth);
    const row = await this.visibleRow(auth, id, actor);
    if (row.status !== 'submitted') throw this.stateConflict(row, '这条问题已被受理或不在待受理状态');
    await this.db.transaction(async (m) => {
      const now = new Date();
      const result = await m
        .createQueryBuilder()
        .update(ConcernEntity)
        .set({
          status: 'accepted', acceptedAt: now, updatedAt: now, holderId: actor.id,
          firstOwnerId: () => `COALESCE(first_owner_id, ${Number(actor.id)})`, version: () => 'version + 1',
        })
        .where('id = :id AND status = :status AND version = :version', { id, status: 'submitted', version: row.version })
        .execute();
      if (affectedRows(result) !== 1) {
        const current = await this.concerns.findRow(id, m);
        throw this.stateConflict(current ?? row, '这条问题刚被其他人处理过');
      }
      await this.concerns.insertEvent(m, {
        concernId: id, actorId: actor.id, actorRole: actor.role, type: 'accepted', fromStatus: 'submitted', toStatus: 'accepted',
        note: body.note ?? null, createdAt: now,
      });
      await this.events.publish(m, {
        type: 'concern.accepted', concernId: id, submitterId: row.submitterId, actorName: actor.name,
        categoryLabel: ConcernCategoryLabels[row.category as keyof typeof ConcernCategoryLabels] ?? row.category,
      });
    });
    return this.detail(auth, id);
  }

  private stateConflict(row: ConcernRow, message: string): DomainException {
    return new DomainException(ErrorCode.CONCERN_STATE_CONFLICT, 409, message, undefined, { current: toConcernItem(row) });
  }

  /** The concern if the caller may see it: its submitter, or staff whose area contains it. Otherwise 404. */
  private async visibleRow(auth: AuthClaims, id: number, actor?: UserEntity): Promise<ConcernRow> {
    const row = await this.concerns.findRow(id);
    if (!row) throw concernNotFound();
    if (auth.role === 'resident') {
      if (Number(row.submitterId) !== auth.sub) throw concernNotFound();
      return row;
    }
    const scope: Scope = scopeOf(actor ?? (await this.user(auth)));
    const where = { streetId: Number(row.streetId), communityId: Number(row.communityId), gridId: Number(row.gridId) };
    if (!inScope(scope, where)) throw concernNotFound();
    return row;
  }

  private async user(auth: AuthClaims): Promise<UserEntity> {
    const user = await this.db.manager.findOne(UserEntity, { where: { id: auth.sub } });
    if (!user) throw new DomainException(ErrorCode.TOKEN_INVALID, 401, '登录已过期，请重新登录');
    return user;
  }

  private page(rows: ConcernRow[], limit: number): Page<ConcernItem> {
    const items = rows.slice(0, limit).map(toConcernItem);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null };
  }
}
