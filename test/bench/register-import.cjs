// Register import 台账导入 (issue 10): BENCH_REGISTER_HOUSEHOLDS (50000) households of the demo street, in one .xlsx built
// with exceljs, uploaded by the street admin through the real service (POST /api/registers/import, multipart): a dry run
// (checked, nothing stored), the import (all new), a re-import (all updated), then GET /api/registers/export. Each step
// timed from the request to the answer; the counts are checked after. Figures only, no pass/fail on a time.
// BENCH_REGISTER_MEMBERS (2): 家庭成员 per household in the sheet's 家庭成员 column ("李桂兰(配偶,1956,13800001111)；…",
// replaced on every import, changed in the re-import); 0 leaves the column out (the sheet before members existed).
const ExcelJS = require('exceljs');
const { preparedDb, startService, signToken } = require('./common.cjs');

const HOUSEHOLDS = Number(process.env.BENCH_REGISTER_HOUSEHOLDS || 50000);
const MEMBERS = Number(process.env.BENCH_REGISTER_MEMBERS ?? 2);
const HEADER = ['社区', '网格', '楼栋', '单元', '门牌号', '户主姓名', '联系电话', '常住人口', '标签', '备注', ...(MEMBERS > 0 ? ['家庭成员'] : [])];
const RELATIONS = ['配偶', '子女', '父母', '孙子女', '其他'];
const TAGS = ['', '', '', '独居老人', '低保', '空巢老人、残疾'];

/** Household i's 家庭成员 cell: MEMBERS members, every other one with a phone; `round` changes their phones. */
function membersCell(i, round) {
  const out = [];
  for (let k = 0; k < MEMBERS; k++) {
    const phone = k % 2 === 0 ? `,1${round}${String(i * 10 + k).padStart(9, '0').slice(-9)}` : '';
    out.push(`成员${i}-${k}(${RELATIONS[k % RELATIONS.length]},${1940 + ((i + k * 7) % 80)}${phone})`);
  }
  return out.join('；');
}

/** Household i over the street's units, rooms 101, 102, … per unit; `round` changes the phones (a re-import updates every row). */
async function buildSheet(units, round) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户');
  ws.addRow(HEADER);
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const u = units[i % units.length];
    const k = Math.floor(i / units.length);
    const room = `${Math.floor(k / 4) + 1}${String((k % 4) + 1).padStart(2, '0')}`;
    const row = [u.c, u.g, u.b, u.u, room, `户主${i}`, `1${round}${String(i).padStart(9, '0')}`, 1 + (i % 6), TAGS[i % TAGS.length], i % 13 === 0 ? '需要定期走访' : null];
    ws.addRow(MEMBERS > 0 ? [...row, membersCell(i, round)] : row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function timed(fn) {
  const t0 = process.hrtime.bigint();
  const out = await fn();
  return { ...out, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

async function post(port, token, bytes, dryRun) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'households.xlsx');
  const res = await fetch(`http://127.0.0.1:${port}/api/registers/import${dryRun ? '?dryRun=1' : ''}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`import -> ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { body };
}

async function benchRegisterImport(dialect) {
  const { dbUrl, db } = await preparedDb(dialect, 'registers');
  const units = (await db.query(`SELECT c.name AS c, g.name AS g, b.name AS b, u.name AS u FROM units u JOIN buildings b ON b.id = u.building_id
    JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id ORDER BY u.id`));
  const [admin] = await db.query("SELECT id FROM users WHERE role = 'street_admin' ORDER BY id LIMIT 1");
  const token = signToken(Number(admin.id), 'street_admin');
  const first = await buildSheet(units, 8);
  const second = await buildSheet(units, 9);
  const svc = await startService(dbUrl);
  try {
    const dry = await timed(() => post(svc.port, token, first, true));
    const created = await timed(() => post(svc.port, token, first, false));
    const updated = await timed(() => post(svc.port, token, second, false));
    const exported = await timed(async () => {
      const res = await fetch(`http://127.0.0.1:${svc.port}/api/registers/export`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`export -> ${res.status}`);
      return { bytes: (await res.arrayBuffer()).byteLength };
    });
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM households');
    const [{ p }] = await db.query("SELECT COUNT(*) AS p FROM households WHERE head_phone LIKE '19%'");
    const [{ mn }] = await db.query('SELECT COUNT(*) AS mn FROM household_members');
    const [{ mp }] = await db.query("SELECT COUNT(*) AS mp FROM household_members WHERE phone LIKE '19%'");
    const membersOk = Number(mn) === HOUSEHOLDS * MEMBERS && Number(mp) === HOUSEHOLDS * Math.ceil(MEMBERS / 2);
    const ok = membersOk && Number(n) === HOUSEHOLDS && Number(p) === HOUSEHOLDS && created.body.created === HOUSEHOLDS && updated.body.updated === HOUSEHOLDS && dry.body.created === HOUSEHOLDS;
    return { dialect, units: units.length, fileBytes: first.length, dry, created, updated, exported, stored: Number(n), members: Number(mn), ok };
  } finally {
    await svc.stop();
    await db.close();
  }
}

function printRegisterImport(rows) {
  console.log(`\nRegister import 台账导入: ${HOUSEHOLDS} households${MEMBERS > 0 ? ` with ${MEMBERS} 家庭成员 each` : ' (no 家庭成员 column)'} in one .xlsx, POST /api/registers/import by the street admin (parse, check every row, one transaction)`);
  console.log('db       | units | file MB | step                   | seconds | rows/s');
  console.log('---------|-------|---------|------------------------|---------|--------');
  for (const r of rows) {
    for (const [label, s] of [['dry run (check only)', r.dry], ['import (all new)', r.created], ['re-import (all update)', r.updated], ['export (.xlsx)', r.exported]]) {
      console.log(`${r.dialect.padEnd(8)} | ${String(r.units).padStart(5)} | ${(r.fileBytes / 1048576).toFixed(1).padStart(7)} | ${label.padEnd(22)} | ${s.seconds.toFixed(2).padStart(7)} | ${(HOUSEHOLDS / s.seconds).toFixed(0).padStart(6)}`);
    }
    console.log(`${r.dialect}: ${r.stored} households and ${r.members} 家庭成员 stored, counts ${r.ok ? 'as expected' : 'WRONG'} (created ${r.created.body.created}, updated ${r.updated.body.updated}); export ${(r.exported.bytes / 1048576).toFixed(1)} MB`);
  }
}

module.exports = { benchRegisterImport, printRegisterImport };
