import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { DatabaseService } from '../../database/database.service';
import { BuildingEntity, CommunityEntity, GridEntity, StreetEntity, UnitEntity } from './org.entities';

/** A unit with everything above it: where a resident lives, where a concern is. */
export interface UnitPlace {
  unitId: number;
  unitName: string;
  buildingId: number;
  buildingName: string;
  gridId: number;
  gridName: string;
  gridWorkerId: number | null;
  communityId: number;
  communityName: string;
  streetId: number;
  /** The unit or anything above it is retired (停用): existing records still show it; nobody may choose it. */
  retired: boolean;
}

export const placeLabel = (p: Pick<UnitPlace, 'communityName' | 'buildingName' | 'unitName'>) =>
  `${p.communityName} ${p.buildingName} ${p.unitName}`;

@Injectable()
export class OrgRepository {
  constructor(private readonly db: DatabaseService) {}

  /** Pickers (the resident's unit picker) offer active places only; retired ones stay in the records. */
  listCommunities() {
    return this.db.manager
      .createQueryBuilder(CommunityEntity, 'c')
      .innerJoin(StreetEntity, 's', 's.id = c.street_id')
      .select(['c.id AS id', 'c.name AS name', 's.name AS streetName'])
      .where('c.retired_at IS NULL')
      .orderBy('c.id')
      .getRawMany<{ id: number; name: string; streetName: string }>();
  }

  findCommunity(id: number) {
    return this.db.manager.findOne(CommunityEntity, { where: { id } });
  }

  findBuilding(id: number) {
    return this.db.manager.findOne(BuildingEntity, { where: { id } });
  }

  listBuildings(communityId: number) {
    return this.db.manager
      .createQueryBuilder(BuildingEntity, 'b')
      .innerJoin(GridEntity, 'g', 'g.id = b.grid_id')
      .select(['b.id AS id', 'b.name AS name', 'g.name AS gridName'])
      .where('b.community_id = :communityId', { communityId })
      .andWhere('b.retired_at IS NULL')
      .orderBy('b.id')
      .getRawMany<{ id: number; name: string; gridName: string }>();
  }

  listUnits(buildingId: number) {
    return this.db.manager.find(UnitEntity, { where: { buildingId, retiredAt: IsNull() }, order: { id: 'ASC' }, select: { id: true, name: true } });
  }

  /** The unit and its building, grid, community and street in one query. */
  async findPlace(unitId: number, manager: EntityManager = this.db.manager): Promise<UnitPlace | null> {
    const row = await manager
      .createQueryBuilder(UnitEntity, 'u')
      .innerJoin(BuildingEntity, 'b', 'b.id = u.building_id')
      .innerJoin(GridEntity, 'g', 'g.id = b.grid_id')
      .innerJoin(CommunityEntity, 'c', 'c.id = b.community_id')
      .select([
        'u.id AS unitId', 'u.name AS unitName', 'b.id AS buildingId', 'b.name AS buildingName',
        'g.id AS gridId', 'g.name AS gridName', 'g.grid_worker_id AS gridWorkerId',
        'c.id AS communityId', 'c.name AS communityName', 'c.street_id AS streetId',
        'u.retired_at AS unitRetiredAt', 'b.retired_at AS buildingRetiredAt', 'g.retired_at AS gridRetiredAt', 'c.retired_at AS communityRetiredAt',
      ])
      .where('u.id = :unitId', { unitId })
      .getRawOne<PlaceRow>();
    return row ? normalizeIds(row) : null;
  }
}

type PlaceRow = Omit<UnitPlace, 'retired'> & Record<'unitRetiredAt' | 'buildingRetiredAt' | 'gridRetiredAt' | 'communityRetiredAt', unknown>;

/** mysql2 returns numbers; better-sqlite3 too, but raw aliases can come back as strings on some paths. */
function normalizeIds(row: PlaceRow): UnitPlace {
  const { unitRetiredAt, buildingRetiredAt, gridRetiredAt, communityRetiredAt, ...p } = row;
  return {
    ...p,
    retired: [unitRetiredAt, buildingRetiredAt, gridRetiredAt, communityRetiredAt].some((x) => x !== null && x !== undefined),
    unitId: Number(p.unitId),
    buildingId: Number(p.buildingId),
    gridId: Number(p.gridId),
    gridWorkerId: p.gridWorkerId === null ? null : Number(p.gridWorkerId),
    communityId: Number(p.communityId),
    streetId: Number(p.streetId),
  };
}
