import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import type { BuildingItem, CommunityItem, ListResponse, UnconfirmedResident, UnitItem } from '../../../../contracts/org.contract';
import { inScope, scopeOf } from '../../common/access';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DomainEvents } from '../../common/events/domain-events';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { maskPhone } from '../users/users.mapper';
import { OrgRepository, placeLabel } from './org.repository';

const residentNotFound = () => new DomainException(ErrorCode.RESIDENT_NOT_FOUND, 404, '没有找到这位居民');

@Injectable()
export class OrgService {
  constructor(
    private readonly db: DatabaseService, private readonly org: OrgRepository, private readonly events: DomainEvents, private readonly audit: AuditService,
  ) {}

  async communities(): Promise<ListResponse<CommunityItem>> {
    return { items: (await this.org.listCommunities()).map((c) => ({ id: Number(c.id), name: c.name, streetName: c.streetName })) };
  }

  async buildings(communityId: number): Promise<ListResponse<BuildingItem>> {
    if (!(await this.org.findCommunity(communityId))) throw new DomainException(ErrorCode.NOT_FOUND, 404, '没有找到这个社区');
    return { items: (await this.org.listBuildings(communityId)).map((b) => ({ id: Number(b.id), name: b.name, gridName: b.gridName })) };
  }

  async units(buildingId: number): Promise<ListResponse<UnitItem>> {
    if (!(await this.org.findBuilding(buildingId))) throw new DomainException(ErrorCode.NOT_FOUND, 404, '没有找到这栋楼');
    return { items: await this.org.listUnits(buildingId) };
  }

  /** Residents in the caller's area who chose a unit and wait for confirmation. */
  async unconfirmedResidents(auth: AuthClaims): Promise<ListResponse<UnconfirmedResident>> {
    const staff = await this.staff(auth);
    const scope = scopeOf(staff);
    const qb = this.db.manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.role = :role', { role: 'resident' })
      .andWhere('u.unit_id IS NOT NULL')
      .andWhere('u.unit_confirmed = :no', { no: false })
      .orderBy('u.unit_chosen_at', 'ASC')
      .limit(200);
    if (scope.level === 'grid') qb.andWhere('u.grid_id = :id', { id: scope.gridId });
    else if (scope.level === 'community') qb.andWhere('u.community_id = :id', { id: scope.communityId });
    else if (scope.level === 'street') qb.andWhere('u.street_id = :id', { id: scope.streetId });
    else return { items: [] };
    const users = await qb.getMany();
    const items: UnconfirmedResident[] = [];
    for (const u of users) items.push(await this.toUnconfirmed(u));
    await this.audit.recordPersonalDataReads(staff, items.map((i) => i.id), '待确认住址名单（姓名、电话、单元）');
    return { items };
  }

  /** The grid worker (or community staff) confirms a resident lives in the unit they chose. */
  async confirmResident(auth: AuthClaims, residentId: number): Promise<UnconfirmedResident> {
    const staff = await this.staff(auth);
    const resident = await this.db.manager.findOne(UserEntity, { where: { id: residentId, role: 'resident' } });
    if (!resident?.unitId || !resident.gridId || !resident.communityId || !resident.streetId) throw residentNotFound();
    const where = { streetId: resident.streetId, communityId: resident.communityId, gridId: resident.gridId };
    if (!inScope(scopeOf(staff), where)) throw residentNotFound();
    const place = await this.org.findPlace(resident.unitId);
    if (!place) throw residentNotFound();
    await this.db.transaction(async (m) => {
      // Conditional: confirms the unit the resident chose, not one they have since changed.
      const result = await m.update(UserEntity, { id: resident.id, unitId: resident.unitId!, unitConfirmed: false }, { unitConfirmed: true, unitConfirmedBy: staff.id });
      if (affectedRows(result) === 1) {
        await this.events.publish(m, { type: 'resident.confirmed', residentId: resident.id, unitLabel: placeLabel(place), actorName: staff.name });
        await this.audit.record(m, {
          action: 'unit.confirm', streetId: resident.streetId, actor: { id: staff.id, role: staff.role }, subjectUserId: resident.id,
          target: { type: 'unit', id: resident.unitId }, detail: placeLabel(place),
        });
      }
    });
    const fresh = await this.db.manager.findOneOrFail(UserEntity, { where: { id: resident.id } });
    return this.toUnconfirmed(fresh);
  }

  private staff(auth: AuthClaims): Promise<UserEntity> {
    return loadCurrentUser(this.db.manager, auth.sub);
  }

  private async toUnconfirmed(u: UserEntity): Promise<UnconfirmedResident> {
    const place = u.unitId ? await this.org.findPlace(u.unitId) : null;
    return {
      id: u.id,
      name: u.name,
      phoneMasked: maskPhone(u.phone),
      unitLabel: place ? placeLabel(place) : '',
      since: (u.unitChosenAt ?? u.createdAt).toISOString(),
    };
  }
}
