import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConcernCategoryLabels } from '../../../../contracts/concerns.constants';
import type { ConcernItem, ConcernPlace, CreateConcernRequest, ProxyConcernRequest } from '../../../../contracts/concerns.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { inScope, scopeOf } from '../../common/access';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DomainEvents } from '../../common/events/domain-events';
import { IdempotencyService, type StoredResponse } from '../../common/idempotency/idempotency.service';
import { sessionExpired } from '../../common/auth/current-user-row';
import { DatabaseService } from '../../database/database.service';
import { BuildingEntity } from '../org/org.entities';
import { PhotosService } from '../photos/photos.service';
import { ConcernAccess } from './concern-access';
import { stageDeadline } from './concern-lifecycle';
import { ConcernCategoriesService } from './concern-categories.service';
import { toConcernItem } from './concerns.mapper';
import { ConcernsRepository, type SubmitterPlace } from './concerns.repository';

type Located = SubmitterPlace & { unitId: number; buildingId: number; gridId: number; communityId: number; streetId: number };

const unitRequired = () => new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先在“我的”里选择您居住的单元，再反映问题');

/**
 * Creating concerns. A new concern goes to the grid worker of the resident's grid (首接负责: that person
 * stays the first owner); a grid without a worker routes to the community's queue.
 */
@Injectable()
export class ConcernsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly concerns: ConcernsRepository,
    private readonly events: DomainEvents,
    private readonly idempotency: IdempotencyService,
    private readonly categories: ConcernCategoriesService,
    private readonly photos: PhotosService,
    private readonly access: ConcernAccess,
  ) {}

  async submit(auth: AuthClaims, body: CreateConcernRequest, idempotencyKey: string | undefined): Promise<StoredResponse<ConcernItem>> {
    const key = IdempotencyService.validateKey(idempotencyKey);
    const who = await this.concerns.submitterPlace(auth.sub);
    if (!who) throw sessionExpired();
    const place = located(who);
    const spot = await this.resolvePlace(place, body.place);
    // Outside the transaction: a read on another pool connection inside it could starve the pool.
    await this.categories.assertEnabled(body.category, place.communityId);
    return this.idempotency.run({ userId: who.id, scope: 'concerns.create', key, body }, (m) =>
      this.create(m, { submitter: who, place: spot.place, placeKind: spot.kind, body, unconfirmed: !Number(who.unitConfirmed), proxy: null, detail: spot.detail, lat: spot.lat, lng: spot.lng }),
    );
  }

  /** 代办: a grid worker submits for a resident who cannot use the app; tagged as proxy, counted like any other. */
  async submitForResident(auth: AuthClaims, body: ProxyConcernRequest, idempotencyKey: string | undefined): Promise<StoredResponse<ConcernItem>> {
    const key = IdempotencyService.validateKey(idempotencyKey);
    const worker = await this.access.user(auth);
    const unit = await this.concerns.unitPlace(body.unitId);
    if (!unit) throw new DomainException(ErrorCode.UNIT_NOT_FOUND, 404, '没有找到这个单元');
    const place = located(unit);
    if (!inScope(scopeOf(worker), { streetId: place.streetId, communityId: place.communityId, gridId: place.gridId })) {
      throw new DomainException(ErrorCode.UNIT_NOT_FOUND, 404, '没有找到这个单元');
    }
    const submitter = { ...place, id: worker.id, name: worker.name, role: worker.role };
    await this.categories.assertEnabled(body.category, place.communityId);
    return this.idempotency.run({ userId: worker.id, scope: 'concerns.proxy', key, body }, (m) =>
      this.create(m, {
        submitter, place, placeKind: 'unit', body, unconfirmed: false, detail: null, lat: null, lng: null,
        proxy: { byId: worker.id, name: body.residentName, phone: body.residentPhone ?? null },
      }),
    );
  }

  private async create(
    m: EntityManager,
    c: {
      submitter: Pick<SubmitterPlace, 'id' | 'name' | 'role'>;
      place: Located;
      placeKind: ConcernItem['placeKind'];
      body: Pick<CreateConcernRequest, 'category' | 'text' | 'photoIds' | 'isPublic'>;
      unconfirmed: boolean;
      proxy: { byId: number; name: string; phone: string | null } | null;
      detail: string | null;
      lat: number | null;
      lng: number | null;
    },
  ): Promise<ConcernItem> {
    const { place, body } = c;
    const now = new Date();
    const holderId = place.gridWorkerId === null ? null : Number(place.gridWorkerId);
    const deadline = stageDeadline('submitted', now, 0);
    const photoIds = body.photoIds ?? [];
    const id = await this.concerns.insert(m, {
      streetId: place.streetId, communityId: place.communityId, gridId: place.gridId, buildingId: place.buildingId, unitId: place.unitId,
      submitterId: c.submitter.id, category: body.category, text: body.text, status: 'submitted',
      holderLevel: holderId ? 'grid' : 'community', holderId, firstOwnerId: holderId, unconfirmed: c.unconfirmed, version: 1,
      createdAt: now, updatedAt: now, acceptedAt: null, isPublic: Boolean(body.isPublic), isOpen: true, placeKind: c.placeKind,
      placeDetail: c.detail, latE6: c.lat, lngE6: c.lng, departmentId: null, stageStartedAt: now, stageDeadlineAt: deadline,
      resolvedAt: null, closedAt: null, closeReason: null, rating: null, ratingComment: null,
      proxyById: c.proxy?.byId ?? null, proxyName: c.proxy?.name ?? null, proxyPhone: c.proxy?.phone ?? null, meTooCount: 0, photoCount: photoIds.length,
    });
    await this.concerns.insertEvent(m, {
      concernId: id, actorId: c.submitter.id, actorRole: c.submitter.role, type: 'submitted', fromStatus: null, toStatus: 'submitted',
      toLevel: holderId ? 'grid' : 'community', note: c.proxy ? `网格员代办，居民：${c.proxy.name}` : null, createdAt: now,
    });
    if (photoIds.length) await this.photos.attach(m, { photoIds, uploaderId: c.submitter.id, concernId: id, eventId: null });
    await this.events.publish(m, {
      type: 'concern.submitted', concernId: id, holderId, communityId: place.communityId,
      submitterName: c.proxy ? `${c.submitter.name}（代${c.proxy.name}）` : c.submitter.name, categoryLabel: ConcernCategoryLabels[body.category],
    });
    // Everything the answer needs is already known: no read-back query.
    return toConcernItem({
      id, version: 1, streetId: place.streetId, communityId: place.communityId, gridId: place.gridId, buildingId: place.buildingId, unitId: place.unitId,
      submitterId: c.submitter.id, category: body.category, text: body.text, status: 'submitted', holderLevel: holderId ? 'grid' : 'community',
      holderId, firstOwnerId: holderId, departmentId: null, unconfirmed: c.unconfirmed, isPublic: Boolean(body.isPublic), placeKind: c.placeKind,
      placeDetail: c.detail, proxyName: c.proxy?.name ?? null, meTooCount: 0, photoCount: photoIds.length, rating: null, ratingComment: null,
      closeReason: null, createdAt: now, acceptedAt: null, resolvedAt: null, closedAt: null, stageStartedAt: now, stageDeadlineAt: deadline,
      unitName: place.unitName ?? '', buildingName: place.buildingName ?? '', communityName: place.communityName ?? '', gridName: place.gridName ?? '',
      submitterName: c.submitter.name, holderName: place.gridWorkerName, holderRole: holderId ? 'grid_worker' : null,
      firstOwnerName: place.gridWorkerName, departmentName: null,
    });
  }

  /** The unit by default; a building of the same community; a public spot or map point described in words. */
  private async resolvePlace(home: Located, p: ConcernPlace | undefined) {
    const base = { place: home, kind: 'unit' as ConcernItem['placeKind'], detail: null as string | null, lat: null as number | null, lng: null as number | null };
    if (!p || p.kind === 'unit') return base;
    if (p.kind === 'building') {
      const b = await this.db.manager.findOne(BuildingEntity, { where: { id: p.buildingId!, communityId: home.communityId } });
      if (!b) throw new DomainException(ErrorCode.PLACE_INVALID, 422, '只能选择您所在社区的楼栋');
      return { ...base, kind: 'building' as const, place: { ...home, buildingId: b.id, buildingName: b.name } };
    }
    const e6 = (x: number | undefined) => (x === undefined ? null : Math.round(x * 1e6));
    return { ...base, kind: p.kind, detail: p.detail ?? null, lat: e6(p.latitude), lng: e6(p.longitude) };
  }
}

function located(p: SubmitterPlace): Located {
  if (p.unitId === null || p.buildingId === null || p.gridId === null || p.communityId === null || p.streetId === null) throw unitRequired();
  return {
    ...p, unitId: Number(p.unitId), buildingId: Number(p.buildingId), gridId: Number(p.gridId), communityId: Number(p.communityId), streetId: Number(p.streetId),
    gridWorkerId: p.gridWorkerId === null ? null : Number(p.gridWorkerId),
  };
}
