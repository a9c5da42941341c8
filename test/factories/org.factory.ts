import type { DataSource } from 'typeorm';
import type { Role } from '../../contracts/roles';
import { BuildingEntity, CommunityEntity, DepartmentEntity, GridEntity, StreetEntity, UnitEntity } from '../../server/src/modules/org/org.entities';
import { UserEntity } from '../../server/src/modules/users/user.entity';

let seq = 0;
const next = () => ++seq;

/** Pure: a user's column values (nothing persisted). */
export function buildUser(overrides: Partial<UserEntity> & { role: Role }): Omit<UserEntity, 'id'> {
  const n = next();
  return {
    openid: null, name: `用户${n}`, phone: `139${String(10000000 + n).slice(-8)}`,
    streetId: null, communityId: null, gridId: null, departmentId: null, unitId: null,
    unitConfirmed: false, unitChosenAt: null, unitConfirmedBy: null, wxSessionKey: null, isDemo: true, createdAt: new Date(), deletedAt: null,
    ...overrides,
  };
}

export async function createUser(ds: DataSource, overrides: Partial<UserEntity> & { role: Role }): Promise<UserEntity> {
  const r = await ds.manager.insert(UserEntity, buildUser(overrides));
  return ds.manager.findOneByOrFail(UserEntity, { id: Number(r.identifiers[0].id) });
}

async function insert<T extends object>(ds: DataSource, entity: new () => T, values: Partial<T>): Promise<number> {
  return Number((await ds.manager.insert(entity, values as never)).identifiers[0].id);
}

export interface TestArea {
  streetId: number;
  /** Community A: grid A1 has a grid worker, grid A2 has none. */
  communityA: number;
  gridA1: number;
  gridA2: number;
  unitA1: number;
  unitA1b: number;
  unitA2: number;
  /** Community B, grid B1 with its own worker. */
  communityB: number;
  gridB1: number;
  unitB1: number;
  workerA1: UserEntity;
  workerB1: UserEntity;
  staffA: UserEntity;
  staffB: UserEntity;
  streetAdmin: UserEntity;
  /** Lives in unit A1, confirmed. */
  residentA1: UserEntity;
  /** Lives in unit A2 (grid without worker), not confirmed. */
  residentA2: UserEntity;
  residentB1: UserEntity;
  /** Has not chosen a unit. */
  residentNoUnit: UserEntity;
}

/** A small organisation with two communities, a grid without a worker, and people in each role. */
export async function createArea(ds: DataSource): Promise<TestArea> {
  const streetId = await insert(ds, StreetEntity, { name: '测试街道' });
  const communityA = await insert(ds, CommunityEntity, { streetId, name: '甲社区' });
  const communityB = await insert(ds, CommunityEntity, { streetId, name: '乙社区' });
  const gridA1 = await insert(ds, GridEntity, { communityId: communityA, name: '甲一网格', gridWorkerId: null });
  const gridA2 = await insert(ds, GridEntity, { communityId: communityA, name: '甲二网格', gridWorkerId: null });
  const gridB1 = await insert(ds, GridEntity, { communityId: communityB, name: '乙一网格', gridWorkerId: null });
  const bA1 = await insert(ds, BuildingEntity, { communityId: communityA, gridId: gridA1, name: '1号楼' });
  const bA2 = await insert(ds, BuildingEntity, { communityId: communityA, gridId: gridA2, name: '2号楼' });
  const bB1 = await insert(ds, BuildingEntity, { communityId: communityB, gridId: gridB1, name: '1号楼' });
  const unitA1 = await insert(ds, UnitEntity, { buildingId: bA1, name: '1单元' });
  const unitA1b = await insert(ds, UnitEntity, { buildingId: bA1, name: '2单元' });
  const unitA2 = await insert(ds, UnitEntity, { buildingId: bA2, name: '1单元' });
  const unitB1 = await insert(ds, UnitEntity, { buildingId: bB1, name: '1单元' });
  const workerA1 = await createUser(ds, { role: 'grid_worker', name: '甲网格员', streetId, communityId: communityA, gridId: gridA1 });
  const workerB1 = await createUser(ds, { role: 'grid_worker', name: '乙网格员', streetId, communityId: communityB, gridId: gridB1 });
  await ds.manager.update(GridEntity, { id: gridA1 }, { gridWorkerId: workerA1.id });
  await ds.manager.update(GridEntity, { id: gridB1 }, { gridWorkerId: workerB1.id });
  const staffA = await createUser(ds, { role: 'community_staff', name: '甲社区干部', streetId, communityId: communityA });
  const staffB = await createUser(ds, { role: 'community_staff', name: '乙社区干部', streetId, communityId: communityB });
  const streetAdmin = await createUser(ds, { role: 'street_admin', name: '街道管理员', streetId });
  const home = (unitId: number, gridId: number, communityId: number, confirmed: boolean) => ({
    unitId, gridId, communityId, streetId, unitConfirmed: confirmed, unitChosenAt: new Date(),
  });
  const residentA1 = await createUser(ds, { role: 'resident', name: '张大姐', ...home(unitA1, gridA1, communityA, true) });
  const residentA2 = await createUser(ds, { role: 'resident', name: '李大爷', ...home(unitA2, gridA2, communityA, false) });
  const residentB1 = await createUser(ds, { role: 'resident', name: '王阿姨', ...home(unitB1, gridB1, communityB, true) });
  const residentNoUnit = await createUser(ds, { role: 'resident', name: '刘明' });
  return {
    streetId, communityA, gridA1, gridA2, unitA1, unitA1b, unitA2, communityB, gridB1, unitB1,
    workerA1, workerB1, staffA, staffB, streetAdmin, residentA1, residentA2, residentB1, residentNoUnit,
  };
}

/** A department of the street (城管局 by default) with one liaison user. */
export async function createDepartment(ds: DataSource, streetId: number, name = '城管局'): Promise<{ id: number; user: UserEntity }> {
  const id = await insert(ds, DepartmentEntity, { streetId, name });
  return { id, user: await createUser(ds, { role: 'department', name: `${name}联络员`, streetId, departmentId: id }) };
}
