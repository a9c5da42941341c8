import ExcelJS from 'exceljs';
import { MEMBERS_FORMAT_HINT, RegisterColumns } from '../../contracts/registers.contract';
import { AuditLogEntity } from '../../server/src/modules/audit/audit-log.entity';
import { UnitEntity } from '../../server/src/modules/org/org.entities';
import { HouseholdEntity, HouseholdMemberEntity } from '../../server/src/modules/registers/registers.entities';
import { appWithFreshArea } from './support/area-suite';
import { DIALECTS } from './support/test-app';
import { xlsxRows } from './support/zip-reader';

type Row = (string | number | null)[];

/** A sheet built with exceljs, as a street's office would save it from Excel/WPS. */
async function sheet(rows: Row[], header: readonly string[] = RegisterColumns): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An exported sheet's rows as texts, one per register column (empty cells: ''). */
async function readSheet(bytes: Buffer): Promise<string[][]> {
  return (await xlsxRows(bytes)).map((r) => Array.from({ length: RegisterColumns.length }, (_, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]))));
}

function multipart(data: Buffer, filename = '台账.xlsx'): { payload: Buffer; contentType: string } {
  const boundary = '----linli-register-boundary-42';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The four units of the test area, as the sheet names them: [社区, 网格, 楼栋, 单元]. */
const PLACES = [
  ['甲社区', '甲一网格', '1号楼', '1单元'],
  ['甲社区', '甲一网格', '1号楼', '2单元'],
  ['甲社区', '甲二网格', '2号楼', '1单元'],
  ['乙社区', '乙一网格', '1号楼', '1单元'],
];
const phoneOf = (i: number) => `139${String(10_000_000 + i).slice(-8)}`;
const memberPhoneOf = (i: number) => `137${String(10_000_000 + i).slice(-8)}`;
/** The 家庭成员 cell of household i (in the export's own format): two members, one, or none. */
const membersOf = (i: number) =>
  i % 3 === 0 ? `配偶${i}(配偶,1956,${memberPhoneOf(i)})；子女${i}(子女,1990)` : i % 3 === 1 ? `母亲${i}(父母,1938,0317-2345678,腿脚不便)` : '';
const memberCount = (i: number) => [2, 1, 0][i % 3];
/** Household i: spread over the four units, room 1000+i, a phone of its own, its 家庭成员. */
const household = (i: number, places = PLACES): Row => {
  const p = places[i % places.length];
  return [...p, String(1000 + i), `户主${i}`, phoneOf(i), 1 + (i % 5), i % 7 === 0 ? '独居老人、低保' : '', i % 11 === 0 ? `备注${i}` : '', membersOf(i)];
};
const households = (n: number, places = PLACES) => Array.from({ length: n }, (_, i) => household(i, places));

describe.each(DIALECTS)('registers 台账 on %s', (dialect) => {
  const { t, http, area } = appWithFreshArea(dialect, 'registers');
  const inject = () => t.app.getHttpAdapter().getInstance();

  async function upload(user: { id: number }, bytes: Buffer, dryRun = false) {
    const { payload, contentType } = multipart(bytes);
    const res = await inject().inject({
      method: 'POST', url: `/api/registers/import${dryRun ? '?dryRun=1' : ''}`, payload,
      headers: { 'content-type': contentType, authorization: `Bearer ${await http.as(user)}` },
    });
    return { status: res.statusCode, body: res.json() };
  }
  async function exportFile(user: { id: number }, query = '') {
    const res = await inject().inject({ method: 'GET', url: `/api/registers/export${query}`, headers: { authorization: `Bearer ${await http.as(user)}` } });
    return { status: res.statusCode, bytes: res.rawPayload, type: String(res.headers['content-type']) };
  }
  const count = () => t.ds.manager.count(HouseholdEntity);
  const memberRows = () => t.ds.manager.find(HouseholdMemberEntity, { order: { householdId: 'ASC', sortOrder: 'ASC' } });
  const audits = (action: string) => t.ds.manager.find(AuditLogEntity, { where: { action: action as AuditLogEntity['action'] }, order: { id: 'ASC' } });
  const buildingOf = async (unitId: number) => (await t.ds.manager.findOneByOrFail(UnitEntity, { id: unitId })).buildingId;

  it('refuses a 5,000-household sheet with bad rows row by row and stores none; the clean sheet imports; a re-import updates', async () => {
    const rows = households(5000);
    // Spreadsheet row = index + 2 (the header is row 1).
    rows[9] = [...PLACES[0], '3001', '王大爷', '1391234', 2, '', ''];
    rows[99] = [...PLACES[1], '3002', '', phoneOf(99_001), 0, '', ''];
    rows[499] = ['甲社区', '甲一网格', '9号楼', '1单元', '3003', '李阿姨', phoneOf(99_002), 2, '', ''];
    rows[999] = ['丙社区', '', '1号楼', '1单元', '3004', '赵叔', phoneOf(99_003), 2, '', ''];
    rows[1999] = ['甲社区', '甲二网格', '1号楼', '1单元', '3005', '孙姐', phoneOf(99_004), 2, '', ''];
    rows[2999] = [...PLACES[2], '3006', '周伯', phoneOf(99_005), 3, '独居老人、有狗', ''];
    rows[3999] = [...PLACES[3], String(1000 + 3), '吴婶', phoneOf(99_006), 2, '', ''];
    rows[4499] = [...PLACES[3], '3007', '郑叔', phoneOf(99_007), 31, '', ''];
    const bad = await upload(area.streetAdmin, await sheet(rows));
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('IMPORT_INVALID');
    expect(bad.body.message).toContain('一户也没有导入');
    expect(bad.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [11, '联系电话'], [101, '户主姓名'], [101, '常住人口'], [501, '楼栋'], [1001, '社区'], [2001, '网格'], [3001, '标签'], [4001, '门牌号'], [4501, '常住人口'],
    ]);
    expect(bad.body.total).toBe(9);
    expect(bad.body.errors[4].message).toBe('没有叫“丙社区”的社区（或已停用）');
    expect(bad.body.errors[5].message).toBe('1号楼属于“甲一网格”，不是“甲二网格”');
    expect(bad.body.errors[7].message).toBe('与第 5 行是同一户（1号楼1单元 1003），同一户只能写一行');
    expect(await count()).toBe(0);
    expect(await memberRows()).toEqual([]);
    expect(await audits('register.import')).toHaveLength(0);

    const clean = await sheet(households(5000));
    const dry = await upload(area.streetAdmin, clean, true);
    expect([dry.status, dry.body]).toEqual([200, { dryRun: true, rows: 5000, created: 5000, updated: 0 }]);
    expect(await count()).toBe(0);

    const done = await upload(area.streetAdmin, clean);
    expect([done.status, done.body]).toEqual([200, { dryRun: false, rows: 5000, created: 5000, updated: 0 }]);
    expect(await count()).toBe(5000);
    const membersIn5000 = Array.from({ length: 5000 }, (_, i) => memberCount(i)).reduce((a, b) => a + b, 0);
    expect(await t.ds.manager.count(HouseholdMemberEntity)).toBe(membersIn5000);
    const h7 = await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA2, room: '1006' });
    expect((await t.ds.manager.find(HouseholdMemberEntity, { where: { householdId: h7.id }, order: { sortOrder: 'ASC' } })).map((m) => [m.name, m.relation, m.birthYear, m.phone, m.sortOrder])).toEqual([
      ['配偶6', '配偶', 1956, memberPhoneOf(6), 0], ['子女6', '子女', 1990, null, 1],
    ]);
    expect(h7).toMatchObject({ headName: '户主6', headPhone: phoneOf(6), people: 2, tags: '', note: null, gridId: area.gridA2, communityId: area.communityA });
    expect(await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA1, room: '1000' })).toMatchObject({ tags: '独居老人,低保', note: '备注0' });

    const again = households(5010);
    again[6] = [...PLACES[2], '1006', '户主6', '13800000006', 4, '残疾', '搬来新户'];
    const re = await upload(area.streetAdmin, await sheet(again));
    expect(re.body).toEqual({ dryRun: false, rows: 5010, created: 10, updated: 5000 });
    expect(await count()).toBe(5010);
    expect(await t.ds.manager.findOneByOrFail(HouseholdEntity, { id: h7.id })).toMatchObject({ headPhone: '13800000006', people: 4, tags: '残疾', note: '搬来新户' });
    // the sheet has the 家庭成员 column and household 6's cell is now empty: its members are gone, the others' replaced once
    expect(await t.ds.manager.countBy(HouseholdMemberEntity, { householdId: h7.id })).toBe(0);
    expect(await t.ds.manager.count(HouseholdMemberEntity)).toBe(membersIn5000 - 2 + [5000, 5001, 5002, 5003, 5004, 5005, 5006, 5007, 5008, 5009].map(memberCount).reduce((a, b) => a + b, 0));
    expect((await audits('register.import')).map((a) => [a.actorId, a.streetId, a.detail])).toEqual([
      [area.streetAdmin.id, area.streetId, '导入 5000 户：新增 5000，更新 0（台账.xlsx）'],
      [area.streetAdmin.id, area.streetId, '导入 5010 户：新增 10，更新 5000（台账.xlsx）'],
    ]);
  });

  it('two overlapping imports at once store each household once (unique unit and 门牌号), both answering 200', async () => {
    const bytes = await sheet(households(2000));
    const [a, b] = await Promise.all([upload(area.streetAdmin, bytes), upload(area.staffA, await sheet(households(2000, PLACES.slice(0, 3))))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.rows + b.body.rows).toBe(4000);
    // household i is (place i % 4, room 1000+i) in one sheet, (place i % 3, room 1000+i) in the other: the same household
    // when i % 12 < 3 — 501 of the 2,000 rooms.
    expect(await count()).toBe(4000 - 501);
    const dup = await t.ds.query('SELECT unit_id, room, COUNT(*) AS n FROM households GROUP BY unit_id, room HAVING COUNT(*) > 1');
    expect(dup).toEqual([]);
    // each household's 家庭成员 once, from whichever import wrote it last (both sheets give household i the same cell)
    const dupMembers = await t.ds.query('SELECT household_id, sort_order, COUNT(*) AS n FROM household_members GROUP BY household_id, sort_order HAVING COUNT(*) > 1');
    expect(dupMembers).toEqual([]);
    const expected = Array.from({ length: 2000 }, (_, i) => memberCount(i) * (i % 12 < 3 ? 1 : 2)).reduce((x, y) => x + y, 0);
    expect(await t.ds.manager.count(HouseholdMemberEntity)).toBe(expected);
  });

  it('exports the area as .xlsx with the import columns; the export imports back unchanged', async () => {
    const rows = households(40);
    expect((await upload(area.streetAdmin, await sheet(rows))).status).toBe(200);
    const before = await t.ds.manager.find(HouseholdEntity, { order: { id: 'ASC' } });
    const membersBefore = await memberRows();
    expect(membersBefore).toHaveLength(Array.from({ length: 40 }, (_, i) => memberCount(i)).reduce((a, b) => a + b, 0));
    const file = await exportFile(area.streetAdmin);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const read = await readSheet(file.bytes);
    expect(read[0]).toEqual([...RegisterColumns]);
    const asText = (r: Row) => r.map((v) => (v === null ? '' : String(v)));
    const key = (r: string[]) => `${r[0]}|${r[2]}|${r[3]}|${r[4]}`;
    expect(read.slice(1).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(rows.map(asText).sort((a, b) => key(a).localeCompare(key(b))));

    const back = await upload(area.streetAdmin, file.bytes);
    expect(back.body).toEqual({ dryRun: false, rows: 40, created: 0, updated: 40 });
    const after = await t.ds.manager.find(HouseholdEntity, { order: { id: 'ASC' } });
    const strip = (hs: HouseholdEntity[]) => hs.map(({ updatedAt: _u, ...h }) => h);
    expect(strip(after)).toEqual(strip(before));
    const stripIds = (ms: HouseholdMemberEntity[]) => ms.map(({ id: _id, ...m }) => m);
    expect(stripIds(await memberRows())).toEqual(stripIds(membersBefore));

    // community staff: only their community; another community's filter is refused
    const mine = await readSheet((await exportFile(area.staffA)).bytes);
    expect(mine.slice(1).every((r) => r[0] === '甲社区')).toBe(true);
    expect(mine).toHaveLength(1 + 30);
    expect((await exportFile(area.staffA, `?communityId=${area.communityB}`)).status).toBe(403);
    expect((await exportFile(area.workerA1)).status).toBe(403);
    expect((await audits('register.export')).map((a) => [a.actorId, a.detail])).toEqual([[area.streetAdmin.id, '导出 40 户'], [area.staffA.id, '导出 30 户']]);
  });

  it('a grid worker reads only their grid; community staff cannot import into another community; a resident gets nothing', async () => {
    expect((await upload(area.streetAdmin, await sheet(households(100)))).status).toBe(200);
    const worker = await http.as(area.workerA1);
    const seen: { id: number; gridName: string; headPhoneMasked: string }[] = [];
    let after = 0;
    for (;;) {
      const page = await http.get(`/api/registers/households?after=${after}`, worker);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      if (page.body.nextAfter === null) break;
      after = page.body.nextAfter;
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen.map((h) => h.gridName))).toEqual(new Set(['甲一网格']));
    expect(seen[0].headPhoneMasked).toMatch(/^139\*{4}\d{4}$/);
    const other = await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA2, room: '1002' });
    expect((await http.get(`/api/registers/households/${other.id}`, worker)).body.code).toBe('HOUSEHOLD_NOT_FOUND');
    expect((await http.get(`/api/registers/households?unitId=${area.unitA2}`, worker)).body.items).toEqual([]);
    const areas = await http.get('/api/registers/areas', worker);
    expect(areas.body).toEqual({ canManage: false, buildings: [expect.objectContaining({ name: '1号楼', gridName: '甲一网格', units: [
      { id: area.unitA1, name: '1单元', households: 25 }, { id: area.unitA1b, name: '2单元', households: 25 },
    ] })] });
    expect((await upload(area.workerA1, await sheet(households(4)))).status).toBe(403);

    const intoB = await upload(area.staffA, await sheet(households(8)));
    expect(intoB.status).toBe(422);
    expect(intoB.body.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [5, '“乙社区”不是您负责的社区，不能导入'], [9, '“乙社区”不是您负责的社区，不能导入'],
    ]);
    const own = await upload(area.staffA, await sheet(households(6, PLACES.slice(0, 3)).map((r) => [...r.slice(0, 4), `A${r[4]}`, ...r.slice(5)])));
    expect(own.body).toEqual({ dryRun: false, rows: 6, created: 6, updated: 0 });

    expect((await http.get('/api/registers/households', await http.as(area.residentA1))).status).toBe(403);
    const search = await http.get(`/api/registers/households?q=${encodeURIComponent('户主1')}&communityId=${area.communityA}`, await http.as(area.staffA));
    expect(search.body.items.map((h: { headName: string }) => h.headName)).toEqual(['户主1', '户主10', '户主12', '户主13', '户主14', '户主16', '户主17', '户主18', '户主1']);
  });

  it('a household detail shows the full phone to staff of the area and is audited; edits are audited; a taken room is refused', async () => {
    expect((await upload(area.staffA, await sheet(households(6, PLACES.slice(0, 3))))).status).toBe(200);
    const h = await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA1, room: '1000' });
    const worker = await http.as(area.workerA1);
    const detail = await http.get(`/api/registers/households/${h.id}`, worker);
    expect(detail.body).toMatchObject({ id: h.id, headPhone: phoneOf(0), room: '1000', buildingName: '1号楼', unitName: '1单元', tags: ['独居老人', '低保'], canEdit: true });
    expect((await audits('register.read')).map((a) => [a.actorId, a.targetType, a.targetId, a.detail])).toEqual([
      [area.workerA1.id, 'household', h.id, '查看住户 甲社区 1号楼1单元 1000 的联系电话'],
    ]);
    expect((await http.get(`/api/registers/households/${h.id}`, await http.as(area.staffB))).status).toBe(404);

    const edit = await http.call('PATCH', `/api/registers/households/${h.id}`, { token: await http.as(area.staffA), body: { people: 3, tags: ['空巢老人'], note: '子女在外地' } });
    expect(edit.body).toMatchObject({ people: 3, tags: ['空巢老人'], note: '子女在外地' });
    expect((await audits('register.update')).map((a) => a.detail)).toEqual(['修改住户 甲社区 1号楼1单元 1000：常住人口、标签、备注']);
    const taken = await http.call('PATCH', `/api/registers/households/${h.id}`, { token: await http.as(area.staffA), body: { room: '1003' } });
    expect([taken.status, taken.body.code]).toEqual([409, 'HOUSEHOLD_ROOM_TAKEN']);
    const badPhone = await http.call('PATCH', `/api/registers/households/${h.id}`, { token: await http.as(area.staffA), body: { headPhone: '12345' } });
    expect(badPhone.body.code).toBe('VALIDATION_FAILED');
    expect((await audits('register.update'))).toHaveLength(1);
  });

  it('imports 家庭成员 from the sheet; a bad member is reported by row and column and nothing is stored; without the column members are left alone', async () => {
    const rows: Row[] = [
      [...PLACES[0], '501', '王建国', phoneOf(1), 3, '', '', '李桂兰(配偶,1956,13800001111)；王小明（子女，1990）'],
      [...PLACES[0], '502', '赵大妈', phoneOf(2), 2, '', '', '赵强(儿子,1980)'],
      [...PLACES[0], '503', '钱叔', phoneOf(3), 2, '', '', '钱多多(子女,1880)'],
      [...PLACES[1], '504', '孙姨', phoneOf(4), 2, '', '', '孙悟(孙子女,2015,1391234)'],
      [...PLACES[1], '505', '周伯', phoneOf(5), 2, '', '', '周小周'],
      [...PLACES[2], '506', '吴婶', phoneOf(6), 2, '', '', '吴一(子女)，吴二(子女)'],
      [...PLACES[2], '507', '郑伯', phoneOf(7), 3, '', '', '郑老太(父母,1930)；郑一，郑二(子女)'],
    ];
    const bad = await upload(area.staffA, await sheet(rows));
    expect([bad.status, bad.body.code, bad.body.total]).toEqual([422, 'IMPORT_INVALID', 6]);
    expect(bad.body.errors).toEqual([
      { row: 3, column: '家庭成员', message: '第 1 位“赵强”的关系“儿子”不认识，可以写：户主、配偶、子女、父母、祖父母、孙子女、其他' },
      { row: 4, column: '家庭成员', message: `第 1 位“钱多多”的出生年份“1880”不对，应在 1900 到 ${new Date().getFullYear()} 之间` },
      { row: 5, column: '家庭成员', message: '第 1 位“孙悟”的电话“1391234”不是有效的电话号码：手机号 11 位，座机如 0317-1234567' },
      { row: 6, column: '家庭成员', message: `第 1 位“周小周”没有写与户主关系，应写成“周小周(子女)”这样。${MEMBERS_FORMAT_HINT}` },
      { row: 7, column: '家庭成员', message: `第 1 位“吴一(子女)，吴二(子女)”写法不对。${MEMBERS_FORMAT_HINT}` },
      { row: 8, column: '家庭成员', message: `第 2 位“郑一，郑二”：姓名里有逗号，几个人之间请用分号隔开。${MEMBERS_FORMAT_HINT}` },
    ]);
    expect(await count()).toBe(0);
    expect(await memberRows()).toEqual([]);

    rows[1][10] = '赵强(子女,1980)';
    rows[2][10] = '钱多多(子女, 1980年)';
    rows[3][10] = '孙悟(孙子女,2015)';
    rows[4][10] = '周小周(其他,腿脚不便,0317 2345678)';
    rows[5][10] = '吴一(子女)；吴二(子女)';
    rows[6][10] = '郑老太(父母,1930)；郑一(子女)；郑二(子女)';
    const dry = await upload(area.staffA, await sheet(rows), true);
    expect(dry.body).toEqual({ dryRun: true, rows: 7, created: 7, updated: 0 });
    expect(await memberRows()).toEqual([]);
    expect((await upload(area.staffA, await sheet(rows))).body).toEqual({ dryRun: false, rows: 7, created: 7, updated: 0 });
    const h501 = await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA1, room: '501' });
    const h505 = await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA1b, room: '505' });
    const brief = (ms: HouseholdMemberEntity[]) => ms.map((m) => [m.householdId, m.name, m.relation, m.birthYear, m.phone, m.note, m.sortOrder]);
    expect(brief((await memberRows()).filter((m) => m.householdId === h501.id || m.householdId === h505.id))).toEqual([
      [h501.id, '李桂兰', '配偶', 1956, '13800001111', null, 0],
      [h501.id, '王小明', '子女', 1990, null, null, 1],
      [h505.id, '周小周', '其他', null, '03172345678', '腿脚不便', 0],
    ]);
    expect(await t.ds.manager.count(HouseholdMemberEntity)).toBe(11);
    const detail = await http.get(`/api/registers/households/${h501.id}`, await http.as(area.workerA1));
    expect(detail.body.members).toEqual([
      { id: expect.any(Number), name: '李桂兰', relation: '配偶', phone: '13800001111', birthYear: 1956, note: null },
      { id: expect.any(Number), name: '王小明', relation: '子女', phone: null, birthYear: 1990, note: null },
    ]);
    expect(detail.body.people).toBe(3);

    // a sheet without the 家庭成员 column updates the households and leaves their members as they are
    const withMembers = await memberRows();
    const noColumn = await upload(area.staffA, await sheet(rows.map((r) => [...r.slice(0, 7), 4, ...r.slice(8, 10)]), RegisterColumns.filter((c) => c !== '家庭成员')));
    expect(noColumn.body).toEqual({ dryRun: false, rows: 7, created: 0, updated: 7 });
    expect((await t.ds.manager.findOneByOrFail(HouseholdEntity, { id: h501.id })).people).toBe(4);
    expect(await memberRows()).toEqual(withMembers);

    // with the column, an empty cell clears that household's members; the others are replaced by the same ones
    rows[0][10] = '';
    expect((await upload(area.staffA, await sheet(rows))).body).toEqual({ dryRun: false, rows: 7, created: 0, updated: 7 });
    expect(await t.ds.manager.countBy(HouseholdMemberEntity, { householdId: h501.id })).toBe(0);
    expect(await t.ds.manager.count(HouseholdMemberEntity)).toBe(9);
  });

  it('staff edit a household\'s 家庭成员 (checked, audited); the detail and the export show them', async () => {
    expect((await upload(area.staffA, await sheet(households(6, PLACES.slice(0, 3))))).status).toBe(200);
    const h = await t.ds.manager.findOneByOrFail(HouseholdEntity, { unitId: area.unitA1, room: '1000' });
    expect(await t.ds.manager.countBy(HouseholdMemberEntity, { householdId: h.id })).toBe(2);
    const staff = await http.as(area.staffA);
    const patch = (body: object, token = staff) => http.call('PATCH', `/api/registers/households/${h.id}`, { token, body });
    const members = [
      { name: '配偶0', relation: '配偶', phone: memberPhoneOf(0), birthYear: 1956 },
      { name: '刘奶奶', relation: '父母', birthYear: 1935, note: '独自在家时请多照看' },
      { name: '小宝', relation: '孙子女', phone: null, birthYear: 2019, note: null },
    ];
    const edit = await patch({ members });
    expect(edit.status).toBe(200);
    expect(edit.body.members).toEqual([
      { id: expect.any(Number), name: '配偶0', relation: '配偶', phone: memberPhoneOf(0), birthYear: 1956, note: null },
      { id: expect.any(Number), name: '刘奶奶', relation: '父母', phone: null, birthYear: 1935, note: '独自在家时请多照看' },
      { id: expect.any(Number), name: '小宝', relation: '孙子女', phone: null, birthYear: 2019, note: null },
    ]);
    expect(edit.body.people).toBe(1);
    expect((await audits('register.update')).map((a) => a.detail)).toEqual(['修改住户 甲社区 1号楼1单元 1000：家庭成员（3 人）']);
    const detail = await http.get(`/api/registers/households/${h.id}`, await http.as(area.workerA1));
    expect(detail.body.members.map((m: { name: string }) => m.name)).toEqual(['配偶0', '刘奶奶', '小宝']);

    const refused = [
      [{ name: '赵强', relation: '儿子' }, '与户主关系请选'],
      [{ name: '钱多多', relation: '子女', birthYear: 1880 }, '出生年份应在 1900 到'],
      [{ name: '钱多多', relation: '子女', birthYear: new Date().getFullYear() + 1 }, '出生年份应在 1900 到'],
      [{ name: '孙悟', relation: '子女', phone: '12345' }, '电话号码格式不对'],
      [{ name: '周小周', relation: '其他', note: '腿脚不便，需照看' }, '成员备注里不要用括号、逗号或分号'],
      [{ name: '吴一(小)', relation: '子女' }, '姓名里不要用括号、逗号或分号'],
      [{ name: '周小周', relation: '其他', note: '1990年' }, '成员备注不能只写数字'],
      [{ name: '', relation: '子女' }, '请填写家庭成员的姓名'],
      [{ name: '郑二', relation: '子女', age: 30 }, 'age'],
    ] as const;
    for (const [member, says] of refused) {
      const res = await patch({ members: [member] });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.message).toContain(says);
    }
    const tooMany = await patch({ members: Array.from({ length: 31 }, (_, i) => ({ name: `成员${i}`, relation: '其他' })) });
    expect([tooMany.status, tooMany.body.message]).toEqual([400, expect.stringContaining('家庭成员最多 30 人')]);
    expect((await http.call('PATCH', `/api/registers/households/${h.id}`, { token: await http.as(area.staffB), body: { members } })).status).toBe(404);
    expect(await t.ds.manager.countBy(HouseholdMemberEntity, { householdId: h.id })).toBe(3);
    expect(await audits('register.update')).toHaveLength(1);

    const exported = await readSheet((await exportFile(area.staffA)).bytes);
    expect(exported.find((r) => r[4] === '1000')![10]).toBe(`配偶0(配偶,1956,${memberPhoneOf(0)})；刘奶奶(父母,1935,独自在家时请多照看)；小宝(孙子女,2019)`);

    const cleared = await patch({ members: [] });
    expect(cleared.body.members).toEqual([]);
    expect(await t.ds.manager.countBy(HouseholdMemberEntity, { householdId: h.id })).toBe(0);
    expect((await audits('register.update')).map((a) => a.detail)[1]).toBe('修改住户 甲社区 1号楼1单元 1000：家庭成员（0 人）');
  });

  it('staff assign 网格长 and 楼栋长 of their area; the grid worker reads them; another community is refused; clearing is audited', async () => {
    const buildingA1 = await buildingOf(area.unitA1);
    const staff = await http.as(area.staffA);
    const put = (body: object, token = staff) => http.put('/api/registers/leaders', body, token);
    expect((await put({ level: 'grid', areaId: area.gridA1, name: '刘网格长', phone: '13900001111' })).body).toMatchObject({ areaName: '甲社区 甲一网格', leader: { name: '刘网格长' } });
    expect((await put({ level: 'building', areaId: buildingA1, name: '陈楼长', phone: '0317-2345678' })).status).toBe(200);
    expect((await put({ level: 'building', areaId: buildingA1, name: '马楼长', phone: '13900002222' })).status).toBe(200);
    expect((await put({ level: 'grid', areaId: area.gridB1, name: '外人', phone: '13900003333' })).body.code).toBe('AREA_NOT_FOUND');
    expect((await put({ level: 'grid', areaId: area.gridA1, name: '刘网格长', phone: '13900001111' }, await http.as(area.workerA1))).status).toBe(403);

    const list = await http.get('/api/registers/leaders', await http.as(area.workerA1));
    expect(list.body).toEqual({
      canAssign: false,
      items: [
        { level: 'grid', areaId: area.gridA1, areaName: '甲社区 甲一网格', gridId: area.gridA1, leader: { name: '刘网格长', phone: '13900001111', userId: null } },
        { level: 'building', areaId: buildingA1, areaName: '甲社区 1号楼', gridId: area.gridA1, leader: { name: '马楼长', phone: '13900002222', userId: null } },
      ],
    });
    // Reading the list (full phones) is audited.
    expect((await audits('register.read')).map((a) => [a.actorId, a.detail])).toEqual([[area.workerA1.id, '查看网格长/楼栋长名单（2 位，含电话）']]);
    expect((await http.get('/api/registers/leaders', staff)).body.items.map((s: { areaName: string }) => s.areaName)).toEqual(['甲社区 甲一网格', '甲社区 1号楼', '甲社区 甲二网格', '甲社区 2号楼']);
    expect((await http.call('DELETE', `/api/registers/leaders/building/${buildingA1}`, { token: staff })).status).toBe(204);
    expect((await http.get('/api/registers/leaders', staff)).body.items[1].leader).toBeNull();
    expect((await audits('register.update')).map((a) => a.detail)).toEqual([
      '甲社区 甲一网格的网格长：刘网格长', '甲社区 1号楼的楼栋长：陈楼长', '甲社区 1号楼的楼栋长：马楼长', '撤销甲社区 1号楼的楼栋长',
    ]);
  });

  it('a retired (停用) unit is not imported into and not offered as a filter', async () => {
    await t.ds.query('UPDATE units SET retired_at = ? WHERE id = ?', [t.db.dateParam(new Date()), area.unitA1b]);
    const res = await upload(area.staffA, await sheet([household(1)]));
    expect(res.body.errors).toEqual([{ row: 2, column: '单元', message: '甲社区1号楼没有“2单元”（或已停用）' }]);
    const areas = await http.get('/api/registers/areas', await http.as(area.staffA));
    expect(areas.body.buildings.flatMap((b: { units: { id: number }[] }) => b.units.map((u) => u.id))).toEqual([area.unitA1, area.unitA2]);
  });

  it('refuses a file that is not .xlsx, a missing file and a sheet without the needed columns, storing nothing', async () => {
    const notXlsx = await upload(area.staffA, Buffer.from('社区,楼栋\n甲社区,1号楼\n'));
    expect([notXlsx.status, notXlsx.body.code]).toEqual([422, 'IMPORT_FILE_UNREADABLE']);
    const noFile = await inject().inject({
      method: 'POST', url: '/api/registers/import', payload: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b', authorization: `Bearer ${await http.as(area.staffA)}` },
    });
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'IMPORT_FILE_REQUIRED']);
    const noColumns = await upload(area.staffA, await sheet([['甲社区', '1号楼', '1单元', '301']], ['社区', '楼栋', '单元', '门牌号']));
    expect(noColumns.body.errors).toEqual([
      { row: 1, column: '户主姓名', message: '表头缺少“户主姓名”这一列' },
      { row: 1, column: '联系电话', message: '表头缺少“联系电话”这一列' },
      { row: 1, column: '常住人口', message: '表头缺少“常住人口”这一列' },
    ]);
    // A file whose zip directory says it unpacks to ~2 GB is refused before anything is inflated (a "zip bomb").
    const bomb = await sheet([household(0)]);
    const cd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(0x7fff0000, cd + 24);
    const refused = await upload(area.staffA, bomb);
    expect([refused.status, refused.body.code]).toEqual([413, 'IMPORT_FILE_TOO_LARGE']);
    expect(await count()).toBe(0);
    // columns in another order, extra columns ignored, optional ones left out
    const reordered = await upload(area.staffA, await sheet([[1, '13900001234', '张三', '301', '1单元', '1号楼', '甲社区', 2]], ['序号', '联系电话', '户主姓名', '门牌号', '单元', '楼栋', '社区', '常住人口']));
    expect(reordered.body).toEqual({ dryRun: false, rows: 1, created: 1, updated: 0 });
    expect(await count()).toBe(1);
  });
});
