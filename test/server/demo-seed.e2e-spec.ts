import { DIALECTS, freshMariaDbUrl, startTestApp, testConfig, truncateAll, type TestApp } from './support/test-app';
import { api } from './support/http';
import { createUser } from '../factories/org.factory';
import { DemoSeeder } from '../../server/src/modules/org/demo.seeder';
import { BuildingEntity, CommunityEntity, DepartmentEntity, GridEntity, StreetEntity, UnitEntity } from '../../server/src/modules/org/org.entities';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { DeliberationSeriesEntity } from '../../server/src/modules/deliberation/deliberation.entities';

const COMMUNITIES = ['创业一社区', '采一社区', '采二社区', '创业二社区', '会战社区'];

describe.each(DIALECTS)('demo organisation seed on %s', (dialect) => {
  let t: TestApp;
  let seeder: DemoSeeder;
  let http: ReturnType<typeof api>;

  /** Row count of every table. */
  const counts = async () => Object.fromEntries(await Promise.all(t.ds.entityMetadatas.map(async (m) => [m.tableName, await t.ds.manager.count(m.target)] as const)));

  beforeAll(async () => {
    // SEED_DEMO=false: the boot leaves the database empty and each test seeds through DemoSeeder itself.
    // A database of this file's own (suffix), so it never shares one with another test file.
    const url = dialect === 'sqlite' ? 'sqlite::memory:' : await freshMariaDbUrl('_seed');
    t = await startTestApp(await testConfig('sqlite', { DATABASE_URL: url, SEED_DEMO: 'false' }));
    seeder = t.app.get(DemoSeeder);
    http = api(t.app);
  });
  afterAll(() => t.close());
  beforeEach(() => truncateAll(t.ds));

  it('an empty database gets 会战道街道: 5 communities, 15 grids each with its grid worker, units, residents, staff, admin and departments', async () => {
    expect(await seeder.seedOnce()).toBe(true);
    const m = t.ds.manager;

    const streets = await m.find(StreetEntity);
    expect(streets.map((s) => s.name)).toEqual(['会战道街道']);
    const streetId = streets[0].id;

    const communities = await m.find(CommunityEntity, { order: { id: 'ASC' } });
    expect(communities.map((c) => c.name)).toEqual(COMMUNITIES);
    expect(communities.every((c) => c.streetId === streetId)).toBe(true);

    const grids = await m.find(GridEntity, { order: { id: 'ASC' } });
    expect(grids).toHaveLength(15);
    for (const c of communities) expect(grids.filter((g) => g.communityId === c.id)).toHaveLength(3);
    const users = await m.find(UserEntity, { order: { id: 'ASC' } });
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const g of grids) {
      const worker = byId.get(g.gridWorkerId ?? -1);
      expect({ grid: g.name, role: worker?.role, gridId: worker?.gridId, communityId: worker?.communityId })
        .toEqual({ grid: g.name, role: 'grid_worker', gridId: g.id, communityId: g.communityId });
    }
    expect(new Set(grids.map((g) => g.gridWorkerId)).size).toBe(15);
    expect(users.filter((u) => u.role === 'grid_worker')).toHaveLength(15);

    const buildings = await m.find(BuildingEntity);
    expect(buildings).toHaveLength(45);
    const gridOf = new Map(grids.map((g) => [g.id, g]));
    expect(buildings.every((b) => gridOf.get(b.gridId)?.communityId === b.communityId)).toBe(true);
    expect(await m.count(UnitEntity)).toBe(135);

    const staff = users.filter((u) => u.role === 'community_staff');
    expect(staff.map((u) => u.communityId).sort()).toEqual(communities.map((c) => c.id).sort());
    expect(users.filter((u) => u.role === 'street_admin').map((u) => [u.name, u.streetId])).toEqual([['尹宝峰', streetId]]);

    const departments = await m.find(DepartmentEntity, { order: { id: 'ASC' } });
    expect(departments.map((d) => d.name)).toEqual(['城管局', '住建局', '派出所']);
    const liaisons = users.filter((u) => u.role === 'department');
    expect(liaisons.map((u) => u.departmentId).sort()).toEqual(departments.map((d) => d.id).sort());

    // Residents live in a unit of their own grid; a confirmed one was confirmed by that grid's worker.
    const residents = users.filter((u) => u.role === 'resident');
    expect(residents.length).toBeGreaterThanOrEqual(6);
    const units = new Map((await m.find(UnitEntity)).map((u) => [u.id, u]));
    const buildingOf = new Map(buildings.map((b) => [b.id, b]));
    for (const r of residents.filter((x) => x.unitId !== null)) {
      const building = buildingOf.get(units.get(r.unitId!)!.buildingId)!;
      expect({ name: r.name, gridId: r.gridId, communityId: r.communityId }).toEqual({ name: r.name, gridId: building.gridId, communityId: building.communityId });
      expect(r.unitConfirmedBy).toBe(r.unitConfirmed ? gridOf.get(building.gridId)!.gridWorkerId : null);
    }
    expect(residents.some((r) => r.communityId === communities[0].id)).toBe(true);
    expect(residents.some((r) => r.communityId === communities[1].id)).toBe(true);
    expect(residents.filter((r) => r.unitId === null).map((r) => r.name)).toEqual(['刘明']);

    expect(users.every((u) => u.isDemo && u.openid === null)).toBe(true);

    // Seed 000: each community's pavilion meets every Friday at 17:00; the series is set up by its community staff.
    const series = await m.find(DeliberationSeriesEntity, { order: { communityId: 'ASC' } });
    expect(series.map((s) => s.communityId)).toEqual(communities.map((c) => c.id).sort((a, b) => a - b));
    for (const s of series) {
      expect(s).toMatchObject({ name: '周五议事亭', place: '小区凉亭', weekday: 5, time: '17:00', seats: 30, reservedSeats: 5 });
      expect(staff.find((u) => u.id === s.createdBy)?.communityId).toBe(s.communityId);
    }
  });

  it('the seeded people can log in by dev login and see their place', async () => {
    await seeder.seedOnce();
    const demo = await http.get('/api/auth/demo-users');
    expect(demo.status).toBe(200);
    expect(demo.body.items).toHaveLength(await t.ds.manager.count(UserEntity));
    const resident = demo.body.items.find((u: { name: string }) => u.name === '张桂芳');
    expect(resident).toMatchObject({ role: 'resident', areaName: '创业一社区' });
    const me = await http.get('/api/me', await http.login(resident.id));
    expect(me.body.unit).toMatchObject({ label: expect.stringContaining('创业一社区'), confirmed: true });
  });

  it('a second call returns false and changes nothing', async () => {
    expect(await seeder.seedOnce()).toBe(true);
    const before = await counts();
    expect(before.users).toBeGreaterThan(0);
    expect(await seeder.seedOnce()).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('two calls at the same moment seed once', async () => {
    const results = await Promise.all([seeder.seedOnce(), seeder.seedOnce()]);
    expect(results.sort()).toEqual([false, true]);
    expect(await t.ds.manager.count(StreetEntity)).toBe(1);
    expect(await t.ds.manager.count(CommunityEntity)).toBe(5);
  });

  it('a database that already has a real (non-demo) user is never seeded', async () => {
    await createUser(t.ds, { role: 'resident', name: '微信用户', openid: 'oRealUser_0001', isDemo: false });
    const before = await counts();
    expect(await seeder.seedOnce()).toBe(false);
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ users: 1, streets: 0, communities: 0 });
  });

  it('a database that already has an organisation is never seeded', async () => {
    await t.ds.manager.insert(StreetEntity, { name: '别的街道' });
    expect(await seeder.seedOnce()).toBe(false);
    expect((await t.ds.manager.find(StreetEntity)).map((s) => s.name)).toEqual(['别的街道']);
    expect(await t.ds.manager.count(UserEntity)).toBe(0);
  });
});
