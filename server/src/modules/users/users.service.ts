import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import type { AreaRef, MeResponse, SetMyUnitRequest, UpdateMeRequest } from '../../../../contracts/users.contract';
import { DomainException } from '../../common/domain-exception';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DomainEvents } from '../../common/events/domain-events';
import { DatabaseService } from '../../database/database.service';
import { CommunityEntity, DepartmentEntity, GridEntity, StreetEntity } from '../org/org.entities';
import { OrgRepository } from '../org/org.repository';
import { UserEntity } from './user.entity';
import { toMe } from './users.mapper';

@Injectable()
export class UsersService {
  constructor(private readonly db: DatabaseService, private readonly org: OrgRepository, private readonly events: DomainEvents) {}

  async findOrFail(userId: number): Promise<UserEntity> {
    return loadCurrentUser(this.db.manager, userId);
  }

  async me(auth: AuthClaims): Promise<MeResponse> {
    return this.describe(await this.findOrFail(auth.sub));
  }

  async describe(user: UserEntity): Promise<MeResponse> {
    const place = user.unitId ? await this.org.findPlace(user.unitId) : null;
    return toMe(user, place, await this.scopeRef(user));
  }

  async updateMe(auth: AuthClaims, body: UpdateMeRequest): Promise<MeResponse> {
    await this.db.transaction((m) => m.update(UserEntity, { id: auth.sub }, { name: body.name }));
    return this.me(auth);
  }

  /** A resident chooses their unit; it waits for the grid worker's confirmation. */
  async setUnit(auth: AuthClaims, body: SetMyUnitRequest): Promise<MeResponse> {
    const place = await this.org.findPlace(body.unitId);
    if (!place) throw new DomainException(ErrorCode.UNIT_NOT_FOUND, 404, '没有找到这个单元');
    const user = await this.findOrFail(auth.sub);
    // issue 10 setup: a retired (停用) unit is no longer offered, and cannot be chosen by id either.
    if (place.retired && user.unitId !== place.unitId) throw new DomainException(ErrorCode.AREA_RETIRED, 409, '这个单元已停用，请选择其他单元');
    if (user.unitId !== place.unitId) {
      await this.db.transaction(async (m) => {
        await m.update(
          UserEntity,
          { id: user.id },
          {
            unitId: place.unitId,
            gridId: place.gridId,
            communityId: place.communityId,
            streetId: place.streetId,
            unitConfirmed: false,
            unitConfirmedBy: null,
            unitChosenAt: new Date(),
          },
        );
        // Issue 10: nothing keeps power in the old community (deliberation releases its seats and representative flag).
        await this.events.publish(m, { type: 'resident.moved', residentId: user.id, fromCommunityId: user.communityId, toCommunityId: place.communityId });
      });
    }
    return this.me(auth);
  }

  private async scopeRef(user: UserEntity): Promise<AreaRef | null> {
    const m = this.db.manager;
    switch (user.role) {
      case 'grid_worker': {
        const g = user.gridId ? await m.findOne(GridEntity, { where: { id: user.gridId } }) : null;
        return g ? { level: 'grid', id: g.id, name: g.name } : null;
      }
      case 'community_staff': {
        const c = user.communityId ? await m.findOne(CommunityEntity, { where: { id: user.communityId } }) : null;
        return c ? { level: 'community', id: c.id, name: c.name } : null;
      }
      case 'street_admin': {
        const s = user.streetId ? await m.findOne(StreetEntity, { where: { id: user.streetId } }) : null;
        return s ? { level: 'street', id: s.id, name: s.name } : null;
      }
      case 'department': {
        const d = user.departmentId ? await m.findOne(DepartmentEntity, { where: { id: user.departmentId } }) : null;
        return d ? { level: 'department', id: d.id, name: d.name } : null;
      }
      default:
        return null;
    }
  }
}
