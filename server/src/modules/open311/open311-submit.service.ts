import { Injectable } from '@nestjs/common';
import { ConcernCategories, ConcernCategoryLabels, type ConcernCategory, type PlaceKind } from '../../../../contracts/concerns.constants';
import { ErrorCode } from '../../../../contracts/errors';
import {
  OPEN311_ADDRESS_ID,
  OPEN311_PROXY_NAME,
  type Open311CreatedRequest,
  type Open311CreateRequest,
} from '../../../../contracts/open311.contract';
import { DomainException } from '../../common/domain-exception';
import { DomainEvents } from '../../common/events/domain-events';
import { DatabaseService } from '../../database/database.service';
import { stageDeadline } from '../concerns/concern-lifecycle';
import { ConcernsRepository, type SubmitterPlace } from '../concerns/concerns.repository';
import { hashApiKey } from './open311-keys.service';
import { Open311Repository } from './open311.repository';

type Place = SubmitterPlace & { unitId: number; buildingId: number; gridId: number; communityId: number; streetId: number };

const badRequest = (code: ErrorCode, message: string) => new DomainException(code, 400, message);
const addressInvalid = (message: string) => badRequest(ErrorCode.OPEN311_ADDRESS_INVALID, message);
const keyInvalid = () => new DomainException(ErrorCode.OPEN311_API_KEY_INVALID, 403, 'api_key 无效或已停用');

/**
 * Filing a concern through Open311 with a street's API key. The concern is created in that street
 * only, is public, and goes through the same routing as a resident's (the grid worker of the place's
 * grid, or the community's queue when the grid has none), with the same 'submitted' event and domain
 * event. Who submitted it: the street admin who created the key (accountable for the integration;
 * they follow it in their own list and get its progress notices); `proxy_name` 'Open311' marks it.
 * The caller's email, name and phone are never stored.
 */
@Injectable()
export class Open311SubmitService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: Open311Repository,
    private readonly concerns: ConcernsRepository,
    private readonly events: DomainEvents,
  ) {}

  async submit(body: Open311CreateRequest): Promise<Open311CreatedRequest[]> {
    const key = await this.repo.activeKeyByHash(hashApiKey(body.api_key));
    if (!key) throw keyInvalid();
    const streetId = Number(key.streetId);
    if (body.jurisdiction_id !== undefined && body.jurisdiction_id !== String(streetId)) {
      throw badRequest(ErrorCode.OPEN311_JURISDICTION_NOT_FOUND, 'jurisdiction_id 与 api_key 所属街道不符');
    }
    if (!(ConcernCategories as readonly string[]).includes(body.service_code)) {
      throw badRequest(ErrorCode.OPEN311_SERVICE_NOT_FOUND, `没有这个 service_code：${body.service_code}`);
    }
    const category = body.service_code as ConcernCategory;
    const { place, kind } = await this.place(body.address_id, streetId);
    const config = await this.category(category, place.communityId);
    const submitter = await this.repo.user(Number(key.createdBy));
    if (!submitter) throw keyInvalid();

    const spot = this.spot(body, kind);
    const now = new Date();
    const holderId = place.gridWorkerId === null ? null : Number(place.gridWorkerId);
    const level = holderId ? 'grid' : 'community';
    const id = await this.db.transaction(async (m) => {
      const concernId = await this.concerns.insert(m, {
        streetId, communityId: place.communityId, gridId: place.gridId, buildingId: place.buildingId, unitId: place.unitId,
        submitterId: submitter.id, category, text: body.description, status: 'submitted',
        holderLevel: level, holderId, firstOwnerId: holderId, unconfirmed: false, version: 1,
        createdAt: now, updatedAt: now, acceptedAt: null, isPublic: true, isOpen: true, placeKind: spot.kind,
        placeDetail: spot.detail, latE6: spot.lat, lngE6: spot.lng, departmentId: null, stageStartedAt: now, stageDeadlineAt: stageDeadline('submitted', now, 0),
        resolvedAt: null, closedAt: null, closeReason: null, rating: null, ratingComment: null,
        proxyById: null, proxyName: OPEN311_PROXY_NAME, proxyPhone: null, meTooCount: 0, photoCount: 0,
      });
      await this.concerns.insertEvent(m, {
        concernId, actorId: submitter.id, actorRole: submitter.role, type: 'submitted', fromStatus: null, toStatus: 'submitted',
        toLevel: level, note: `通过 Open311 接口提交（密钥：${key.name}）`, createdAt: now,
      });
      await this.events.publish(m, {
        type: 'concern.submitted', concernId, holderId, communityId: place.communityId,
        submitterName: OPEN311_PROXY_NAME, categoryLabel: ConcernCategoryLabels[category],
      });
      return concernId;
    });
    const routed = holderId ? `已转交${place.gridName ?? ''}网格员` : `已转交${place.communityName ?? ''}`;
    const notice = `${config.emergencyNotice ? `${config.emergencyNotice} ` : ''}${routed}，通常 24 小时内受理。`;
    return [{ service_request_id: String(id), service_notice: notice, account_id: null }];
  }

  /** address_id (extension): `unit:<id>`, or `building:<id>` filed under the building's first unit; in the key's street only. */
  private async place(addressId: string, streetId: number): Promise<{ place: Place; kind: PlaceKind }> {
    const [, kind, raw] = OPEN311_ADDRESS_ID.exec(addressId)!;
    const unitId = kind === 'unit' ? Number(raw) : await this.repo.firstUnitOf(Number(raw));
    const p = unitId === null ? null : await this.concerns.unitPlace(unitId);
    if (!p || p.unitId === null || p.buildingId === null || p.gridId === null || p.communityId === null || p.streetId === null) {
      throw addressInvalid(`没有找到 address_id：${addressId}`);
    }
    if (Number(p.streetId) !== streetId) throw addressInvalid(`address_id ${addressId} 不在本 api_key 所属街道`);
    const place: Place = {
      ...p, unitId: Number(p.unitId), buildingId: Number(p.buildingId), gridId: Number(p.gridId), communityId: Number(p.communityId),
      streetId: Number(p.streetId), gridWorkerId: p.gridWorkerId === null ? null : Number(p.gridWorkerId),
    };
    return { place, kind: kind === 'unit' ? 'unit' : 'building' };
  }

  /** The category as the place's community configured it; a disabled one is refused. */
  private async category(code: ConcernCategory, communityId: number): Promise<{ emergencyNotice: string | null }> {
    const rows = (await this.repo.categories(communityId)).filter((c) => c.code === code);
    const config = rows.find((c) => Number(c.communityId) === communityId) ?? rows[0];
    if (config && !Number(config.enabled)) {
      throw badRequest(ErrorCode.CATEGORY_DISABLED, `本社区暂不受理“${config.label}”类问题（service_code ${code}）`);
    }
    return { emergencyNotice: config?.emergencyNotice ?? null };
  }

  /** lat/long make it a map point; address_string alone a described spot; otherwise the unit or building. */
  private spot(body: Open311CreateRequest, kind: PlaceKind): { kind: PlaceKind; detail: string | null; lat: number | null; lng: number | null } {
    const e6 = (x: number | undefined) => (x === undefined ? null : Math.round(x * 1e6));
    if (body.lat !== undefined && body.long !== undefined) return { kind: 'map_point', detail: body.address_string ?? null, lat: e6(body.lat), lng: e6(body.long) };
    if (body.address_string) return { kind: 'public_spot', detail: body.address_string, lat: null, lng: null };
    return { kind, detail: null, lat: null, lng: null };
  }
}
