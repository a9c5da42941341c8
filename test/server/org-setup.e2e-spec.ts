import { In } from 'typeorm';
import { DIALECTS } from './support/test-app';
import { appWithFreshArea } from './support/area-suite';
import { AuditLogEntity } from '../../server/src/modules/audit/audit-log.entity';
import { BuildingEntity, CommunityEntity, GridEntity, UnitEntity } from '../../server/src/modules/org/org.entities';
import { UserEntity } from '../../server/src/modules/users/user.entity';
import { HouseholdEntity } from '../../server/src/modules/registers/registers.entities';
import type { SetupTree } from '../../contracts/setup.contract';

/** 组织架构: street staff create, rename, retire and restore their organisation; retired places leave the pickers only. */
describe.each(DIALECTS)('organisation setup on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'orgsetup');
  const as = (u: { id: number }) => http.as(u);
  const admin = () => as(area.streetAdmin);
  const audits = (action: string) => t.ds.manager.find(AuditLogEntity, { where: { action: action as never }, order: { id: 'ASC' } });
  const buildingOf = async (unitId: number) => (await t.ds.manager.findOneByOrFail(UnitEntity, { id: unitId })).buildingId;
  const post = async (url: string, body: unknown, who = area.streetAdmin) => http.post(url, body, await as(who));
  const patch = async (url: string, body: unknown, who = area.streetAdmin) => http.call('PATCH', url, { body, token: await as(who) });
  const tree = async (who = area.streetAdmin, retired = false) => (await http.get<SetupTree>(`/api/setup/tree${retired ? '?retired=1' : ''}`, await as(who))).body;

  it('the street admin builds a community, a grid with its households, a building and a unit; each is audited and offered to residents', async () => {
    const community = await post('/api/setup/communities', { name: '采三社区' });
    expect(community.status).toBe(201);
    expect(community.body).toMatchObject({ kind: 'communities', name: '采三社区', retired: false });
    const grid = await post(`/api/setup/communities/${community.body.id}/grids`, { name: '第1网格', households: 420 });
    expect(grid.status).toBe(201);
    const building = await post(`/api/setup/grids/${grid.body.id}/buildings`, { name: '1号楼' });
    expect(building.status).toBe(201);
    const unit = await post(`/api/setup/buildings/${building.body.id}/units`, { name: '1单元' });
    expect(unit.status).toBe(201);

    const mine = (await tree()).communities.find((c) => c.id === community.body.id)!;
    expect(mine.grids).toEqual([expect.objectContaining({
      name: '第1网格', households: 420, gridWorkerName: null, buildingCount: 1, unitCount: 1, residentCount: 0,
      buildings: [{ id: building.body.id, name: '1号楼', retired: false, gridId: grid.body.id, units: [{ id: unit.body.id, name: '1单元', retired: false, residents: 0 }] }],
    })]);
    const created = await audits('org.create');
    expect(created.map((a) => [a.targetType, a.actorId, a.streetId])).toEqual([
      ['community', area.streetAdmin.id, area.streetId], ['grid', area.streetAdmin.id, area.streetId],
      ['building', area.streetAdmin.id, area.streetId], ['unit', area.streetAdmin.id, area.streetId],
    ]);
    expect(created[1].detail).toContain('420 户');

    // The resident's unit picker offers the new place, and a resident can move in.
    const resident = await as(area.residentNoUnit);
    expect((await http.get('/api/org/communities', resident)).body.items.map((c: { name: string }) => c.name)).toContain('采三社区');
    expect((await http.get(`/api/org/communities/${community.body.id}/buildings`, resident)).body.items).toEqual([{ id: building.body.id, name: '1号楼', gridName: '第1网格' }]);
    const moved = await http.put('/api/me/unit', { unitId: unit.body.id }, resident);
    expect(moved.status).toBe(200);
    expect(moved.body.unit).toMatchObject({ label: '采三社区 1号楼 1单元', confirmed: false });
  });

  it('renames every kind, sets households, refuses a name a sibling already has (retired ones too), and audits each change', async () => {
    const renamed = await patch(`/api/setup/communities/${area.communityA}`, { name: '甲社区（东区）' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ kind: 'communities', id: area.communityA, name: '甲社区（东区）' });
    const clash = await patch(`/api/setup/communities/${area.communityA}`, { name: '乙社区' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'AREA_NAME_TAKEN', message: expect.stringContaining('乙社区') });
    expect((await post('/api/setup/communities', { name: '乙社区' })).body.code).toBe('AREA_NAME_TAKEN');

    expect((await patch(`/api/setup/grids/${area.gridA1}`, { name: '甲二网格' })).body.code).toBe('AREA_NAME_TAKEN');
    // The same grid name in another community is fine.
    expect((await post(`/api/setup/communities/${area.communityB}/grids`, { name: '甲二网格' })).status).toBe(201);
    expect((await patch(`/api/setup/grids/${area.gridA1}`, { households: 380 })).status).toBe(200);
    expect((await t.ds.manager.findOneByOrFail(GridEntity, { id: area.gridA1 })).households).toBe(380);
    expect((await patch(`/api/setup/grids/${area.gridA1}`, { households: 0 })).status).toBe(400);
    expect((await patch(`/api/setup/grids/${area.gridA1}`, { households: 5001 })).status).toBe(400);
    const bA1 = await buildingOf(area.unitA1);
    expect((await patch(`/api/setup/buildings/${bA1}`, { households: 300 })).status).toBe(422);
    expect((await patch(`/api/setup/buildings/${bA1}`, { name: '2号楼' })).body.code).toBe('AREA_NAME_TAKEN');
    expect((await patch(`/api/setup/units/${area.unitA1}`, { name: '2单元' })).body.code).toBe('AREA_NAME_TAKEN');
    expect((await patch(`/api/setup/units/${area.unitA1}`, { name: '东单元' })).status).toBe(200);

    const dept = await post('/api/setup/departments', { name: '城管局' });
    expect(dept.status).toBe(201);
    expect((await post('/api/setup/departments', { name: '城管局' })).body.code).toBe('AREA_NAME_TAKEN');
    expect((await patch(`/api/setup/departments/${dept.body.id}`, { name: '综合执法局' })).status).toBe(200);
    const street = await post('/api/setup/volunteer-teams', { name: '银龄先锋在行动', communityId: null });
    expect(street.status).toBe(201);
    expect((await post('/api/setup/volunteer-teams', { name: '银龄先锋在行动', communityId: null })).body.code).toBe('AREA_NAME_TAKEN');
    expect((await post('/api/setup/volunteer-teams', { name: '银龄先锋在行动', communityId: area.communityA })).status).toBe(201);
    expect((await post('/api/setup/volunteer-teams', { name: '银龄先锋在行动', communityId: area.communityA })).body.code).toBe('AREA_NAME_TAKEN');
    expect((await patch(`/api/setup/volunteer-teams/${street.body.id}`, { name: '红帽子先锋队' })).status).toBe(200);

    // A retired sibling keeps its name: restoring it must never make two of a name.
    const old = await post('/api/setup/communities', { name: '老社区' });
    expect((await post(`/api/setup/communities/${old.body.id}/retire`, {})).status).toBe(200);
    expect((await post('/api/setup/communities', { name: '老社区' })).body.code).toBe('AREA_NAME_TAKEN');

    const renames = await audits('org.rename');
    expect(renames.map((a) => a.targetType)).toEqual(['community', 'unit', 'department', 'volunteer_team']);
    expect(renames[0].detail).toBe('社区改名：“甲社区” → “甲社区（东区）”');
    expect((await audits('org.update')).map((a) => a.detail)).toEqual(['网格“甲一网格”户数：未填 → 380 户']);
    const tr = await tree();
    expect(tr.departments.map((d) => d.name)).toEqual(['综合执法局']);
    expect(tr.teams.map((x) => [x.name, x.communityId])).toEqual([['红帽子先锋队', null], ['银龄先锋在行动', area.communityA]]);
  });

  it('retiring a place with active children is refused in plain words; a grid with a grid worker too', async () => {
    const a = await post(`/api/setup/communities/${area.communityA}/retire`, {});
    expect(a.status).toBe(409);
    expect(a.body).toMatchObject({ code: 'AREA_HAS_ACTIVE_CHILDREN', message: expect.stringContaining('还有在用的网格') });
    const b = await post(`/api/setup/buildings/${await buildingOf(area.unitA1)}/retire`, {});
    expect(b.body).toMatchObject({ code: 'AREA_HAS_ACTIVE_CHILDREN', message: expect.stringContaining('单元') });
    const g = await post(`/api/setup/grids/${area.gridA1}/retire`, {});
    expect(g.body.code).toBe('AREA_HAS_ACTIVE_CHILDREN');
    // A grid emptied of buildings but still served by its grid worker.
    const empty = await post(`/api/setup/communities/${area.communityA}/grids`, { name: '甲三网格' });
    await t.ds.manager.update(GridEntity, { id: empty.body.id }, { gridWorkerId: area.workerA1.id });
    const w = await post(`/api/setup/grids/${empty.body.id}/retire`, {});
    expect(w.status).toBe(409);
    expect(w.body).toMatchObject({ code: 'GRID_HAS_WORKER', message: expect.stringContaining('网格员') });
    // A community with an active community-level team.
    const c = await post('/api/setup/communities', { name: '丙社区' });
    await post('/api/setup/volunteer-teams', { name: '丙社区服务队', communityId: c.body.id });
    expect((await post(`/api/setup/communities/${c.body.id}/retire`, {})).body.code).toBe('AREA_HAS_ACTIVE_CHILDREN');
    expect(await audits('org.retire')).toEqual([]);
    expect(await t.ds.manager.count(CommunityEntity, { where: { id: area.communityA } })).toBe(1);
  });

  it('a retired unit, building and grid leave the pickers but not the records; a resident cannot choose them; restoring brings them back', async () => {
    const resident = await as(area.residentA2);
    const concern = await http.post('/api/concerns', { category: 'leak', text: '楼道水管漏水' }, resident);
    expect(concern.status).toBe(201);
    const bA2 = await buildingOf(area.unitA2);
    for (const [kind, id] of [['units', area.unitA2], ['buildings', bA2], ['grids', area.gridA2]] as const) {
      const r = await post(`/api/setup/${kind}/${id}/retire`, {});
      expect({ kind, status: r.status, retired: r.body.retired }).toEqual({ kind, status: 200, retired: true });
    }
    expect((await audits('org.retire')).map((a) => [a.targetType, a.detail])).toEqual([
      ['unit', '停用单元“1单元”'], ['building', '停用楼栋“2号楼”'], ['grid', '停用网格“甲二网格”'],
    ]);
    // Rows stay; the tree hides them unless asked, then flags them.
    expect(await t.ds.manager.count(UnitEntity, { where: { id: area.unitA2 } })).toBe(1);
    expect((await tree()).communities.find((c) => c.id === area.communityA)!.grids.map((g) => g.name)).toEqual(['甲一网格']);
    const all = (await tree(area.streetAdmin, true)).communities.find((c) => c.id === area.communityA)!.grids;
    expect(all.map((g) => [g.name, g.retired])).toEqual([['甲一网格', false], ['甲二网格', true]]);
    expect(all[1].buildings[0]).toMatchObject({ name: '2号楼', retired: true, units: [{ name: '1单元', retired: true, residents: 1 }] });

    // Pickers: the building and its unit are gone; choosing the unit by id is refused.
    const other = await as(area.residentNoUnit);
    expect((await http.get(`/api/org/communities/${area.communityA}/buildings`, other)).body.items.map((x: { id: number }) => x.id)).not.toContain(bA2);
    expect((await http.get(`/api/org/buildings/${bA2}/units`, other)).body.items).toEqual([]);
    const refused = await http.put('/api/me/unit', { unitId: area.unitA2 }, other);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'AREA_RETIRED', message: expect.stringContaining('已停用') });
    expect((await t.ds.manager.findOneByOrFail(UserEntity, { id: area.residentNoUnit.id })).unitId).toBeNull();

    // Records keep their names: the resident's address and the concern of the retired grid are still readable.
    expect((await http.get('/api/me', resident)).body.unit).toMatchObject({ label: '甲社区 2号楼 1单元' });
    const read = await http.get(`/api/concerns/${concern.body.id}`, await as(area.staffA));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ placeLabel: '甲社区 2号楼 1单元' });

    // Restoring goes top-down: a unit under a retired building is refused.
    const early = await post(`/api/setup/units/${area.unitA2}/restore`, {});
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'AREA_RETIRED', message: expect.stringContaining('所在楼栋') });
    for (const [kind, id] of [['grids', area.gridA2], ['buildings', bA2], ['units', area.unitA2]] as const) {
      expect((await post(`/api/setup/${kind}/${id}/restore`, {})).body).toMatchObject({ retired: false });
    }
    expect((await audits('org.restore')).map((a) => a.targetType)).toEqual(['grid', 'building', 'unit']);
    expect((await http.get(`/api/org/buildings/${bA2}/units`, other)).body.items).toEqual([{ id: area.unitA2, name: '1单元' }]);
    expect((await http.put('/api/me/unit', { unitId: area.unitA2 }, other)).status).toBe(200);
  });

  it('a retired community leaves the community picker; a retired department and team are no longer offered', async () => {
    const c = await post('/api/setup/communities', { name: '丁社区' });
    await post(`/api/setup/communities/${c.body.id}/retire`, {});
    expect((await http.get('/api/org/communities', await as(area.residentNoUnit))).body.items.map((x: { name: string }) => x.name)).toEqual(['甲社区', '乙社区']);
    expect((await post(`/api/setup/communities/${c.body.id}/grids`, { name: '第1网格' })).body.code).toBe('AREA_RETIRED');

    const team = await post('/api/setup/volunteer-teams', { name: '邻里互助暖心行', communityId: area.communityA });
    const teamsOf = async () => (await http.get('/api/volunteers/teams', await as(area.residentA1))).body.items.map((x: { name: string }) => x.name);
    expect(await teamsOf()).toEqual(['邻里互助暖心行']);
    await post(`/api/setup/volunteer-teams/${team.body.id}/retire`, {});
    expect(await teamsOf()).toEqual([]);
    const apply = await http.post('/api/volunteers/apply', { teamIds: [team.body.id], skills: ['companionship'], availability: ['weekend_morning'] }, await as(area.residentA1));
    expect(apply.body.code).toBe('VOLUNTEER_TEAM_INVALID');
  });

  it('moving a building to another grid of its community moves its residents and its register households with it; another community is refused', async () => {
    const bA1 = await buildingOf(area.unitA1);
    const now = new Date();
    await t.ds.manager.insert(HouseholdEntity, {
      streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, buildingId: bA1, unitId: area.unitA1, room: '301',
      headName: '李四', headPhone: '13900001111', people: 3, tags: '', note: null, createdAt: now, updatedAt: now,
    });
    const householdsOf = async (who: { id: number }) => (await http.get('/api/registers/households', await as(who))).body.items.map((h: { room: string }) => h.room);
    expect(await householdsOf(area.workerA1)).toEqual(['301']);
    const moved = await patch(`/api/setup/buildings/${bA1}`, { gridId: area.gridA2 });
    expect(moved.status).toBe(200);
    expect((await t.ds.manager.findOneByOrFail(BuildingEntity, { id: bA1 })).gridId).toBe(area.gridA2);
    const resident = await t.ds.manager.findOneByOrFail(UserEntity, { id: area.residentA1.id });
    expect({ gridId: resident.gridId, confirmed: resident.unitConfirmed }).toEqual({ gridId: area.gridA2, confirmed: true });
    expect((await t.ds.manager.findOneByOrFail(UserEntity, { id: area.workerA1.id })).gridId).toBe(area.gridA1);
    expect((await audits('org.update')).map((a) => a.detail)).toEqual(['楼栋“1号楼”从“甲一网格”调到“甲二网格”']);
    // The register follows: the old grid's worker no longer sees the building's households (nor their phones).
    expect((await t.ds.manager.findOneByOrFail(HouseholdEntity, { room: '301' })).gridId).toBe(area.gridA2);
    expect(await householdsOf(area.workerA1)).toEqual([]);
    expect((await patch(`/api/setup/buildings/${bA1}`, { gridId: area.gridB1 })).body.code).toBe('AREA_NOT_FOUND');
    expect((await t.ds.manager.findOneByOrFail(BuildingEntity, { id: bA1 })).gridId).toBe(area.gridA2);
  });

  it('community staff keep their own community below the community level only; other areas and kinds are refused', async () => {
    const staff = area.staffA;
    const grid = await post(`/api/setup/communities/${area.communityA}/grids`, { name: '甲三网格', households: 350 }, staff);
    expect(grid.status).toBe(201);
    const building = await post(`/api/setup/grids/${grid.body.id}/buildings`, { name: '9号楼' }, staff);
    expect((await post(`/api/setup/buildings/${building.body.id}/units`, { name: '1单元' }, staff)).status).toBe(201);
    expect((await post('/api/setup/volunteer-teams', { name: '甲社区服务队', communityId: area.communityA }, staff)).status).toBe(201);
    expect((await patch(`/api/setup/grids/${grid.body.id}`, { name: '甲四网格' }, staff)).status).toBe(200);

    expect((await post('/api/setup/communities', { name: '戊社区' }, staff)).status).toBe(403);
    expect((await patch(`/api/setup/communities/${area.communityA}`, { name: '改名' }, staff)).status).toBe(403);
    expect((await post(`/api/setup/communities/${area.communityA}/retire`, {}, staff)).status).toBe(403);
    expect((await post('/api/setup/departments', { name: '住建局' }, staff)).status).toBe(403);
    expect((await post('/api/setup/volunteer-teams', { name: '街道队', communityId: null }, staff)).status).toBe(403);
    expect((await post(`/api/setup/communities/${area.communityB}/grids`, { name: '乙二网格' }, staff)).status).toBe(404);
    expect((await patch(`/api/setup/grids/${area.gridB1}`, { name: '改名' }, staff)).status).toBe(404);
    expect((await post(`/api/setup/units/${area.unitB1}/retire`, {}, staff)).status).toBe(404);
    expect((await patch(`/api/setup/buildings/${building.body.id}`, { gridId: area.gridB1 }, staff)).status).toBe(404);
    expect((await http.get('/api/setup/tree', await as(area.workerA1))).status).toBe(403);
    expect((await http.get('/api/setup/tree', await as(area.residentA1))).status).toBe(403);

    const own = await tree(staff);
    expect({ canEditStreet: own.canEditStreet, communities: own.communities.map((c) => c.name), departments: own.departments }).toEqual({
      canEditStreet: false, communities: ['甲社区'], departments: [],
    });
    expect(own.teams.map((x) => x.name)).toEqual(['甲社区服务队']);
    // Nothing of community B changed; the staff member's changes are audited under their name.
    expect((await t.ds.manager.find(GridEntity, { where: { communityId: area.communityB } })).map((g) => g.name)).toEqual(['乙一网格']);
    const mine = await t.ds.manager.find(AuditLogEntity, { where: { actorId: staff.id, action: In(['org.create', 'org.rename']) } });
    expect(mine.map((a) => a.action).sort()).toEqual(['org.create', 'org.create', 'org.create', 'org.create', 'org.rename']);
  });

  it('a community retired while a grid is added to it at the same moment: never a grid under a retired community', async () => {
    for (let round = 0; round < 6; round++) {
      const c = await post('/api/setup/communities', { name: `并发社区${round}` });
      const token = await admin();
      const [retire, create] = await Promise.all([
        http.post(`/api/setup/communities/${c.body.id}/retire`, {}, token),
        http.post(`/api/setup/communities/${c.body.id}/grids`, { name: '第1网格' }, token),
      ]);
      const outcome = [retire.status, create.status];
      expect([[200, 409], [409, 201]]).toContainEqual(outcome);
      if (retire.status === 200) expect(create.body.code).toBe('AREA_RETIRED');
      else expect(retire.body.code).toBe('AREA_HAS_ACTIVE_CHILDREN');
      const community = await t.ds.manager.findOneByOrFail(CommunityEntity, { id: c.body.id });
      const grids = await t.ds.manager.count(GridEntity, { where: { communityId: c.body.id } });
      expect(community.retiredAt !== null && grids > 0).toBe(false);
    }
    // Two people adding the same name at once: one grid.
    const [x, y] = await Promise.all([
      post(`/api/setup/communities/${area.communityA}/grids`, { name: '新网格' }),
      post(`/api/setup/communities/${area.communityA}/grids`, { name: '新网格' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    expect(await t.ds.manager.count(GridEntity, { where: { communityId: area.communityA, name: '新网格' } })).toBe(1);
  });
});
