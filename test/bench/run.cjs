#!/usr/bin/env node
// `npm run bench`: figures only, never passes or fails on a time. Parts (BENCH_ONLY, comma list, default all):
//   submit  concern submission (POST /api/concerns with an Idempotency-Key), full service vs. a bare fastify handler
//           running the same SQL; BENCH_SECONDS (10), BENCH_CONNECTIONS (10), BENCH_ROUNDS (2, interleaved service/bare)
//   boot    cold boot (empty database) and warm boot
//   inbox   a grid worker's inbox at BENCH_INBOX_SIZES concerns (10000,200000), BENCH_INBOX_SECONDS (5) per page
//   signup  议事亭 sign-up race (signup.cjs): BENCH_SIGNUP_RESIDENTS (10000) for 30 seats, BENCH_SIGNUP_REPS (20)
//   vote    议事亭 vote burst (vote.cjs), when the votes module exists
//   claim   小红帽 claim race (claim.cjs): BENCH_CLAIM_VOLUNTEERS (1000) approved volunteers, 1500 claims at once on
//           BENCH_CLAIM_REQUESTS (100) open requests needing 1-3 volunteers; seats, counters and answers checked after
//   confirm 小红帽 confirmation burst (confirm.cjs): BENCH_CONFIRMS (2000) done requests each confirmed twice at once, crediting
//           1-3 of BENCH_CONFIRM_VOLUNTEERS (1000) volunteers in the time bank; the double-entry ledger checked after
//   register-import  台账导入 (register-import.cjs): BENCH_REGISTER_HOUSEHOLDS (50000) households, with
//           BENCH_REGISTER_MEMBERS (2) 家庭成员 each (0: no 家庭成员 column), in one .xlsx through
//           POST /api/registers/import: dry run, import, re-import (updates), export; seconds and rows/s
//   uploads  photo uploads (uploads.cjs): 100 parallel 5 MB uploads, server memory (RSS, heap) sampled before/peak/after
//   db-freeze  database frozen (db-freeze.cjs): time to first 503 and to health 503 while the database stops answering, and recovery
// Common: BENCH_DB (sqlite,mariadb), BENCH_MARIADB_URL, BENCH_LOG_LEVEL (info), BENCH_BURST_CONNECTIONS (250),
// BENCH_BURST_WARMUP (500), BENCH_SERVICE_MAIN (dist/server/server/src/main.js: another build of the service to measure,
// e.g. a copy of an earlier dist inside the repository; the bare handlers always run the current build's SQL).
const { execSync } = require('node:child_process');
const { mkdtempSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const autocannon = require('autocannon');
const { root, MARIADB, startService, startBare, resetMariaDb } = require('./common.cjs');
const { benchSignup, printSignup } = require('./signup.cjs');
const { benchVote, printVote } = require('./vote.cjs');
const { benchClaim, printClaim } = require('./claim.cjs');
const { benchConfirm, printConfirm } = require('./confirm.cjs');
const { benchRegisterImport, printRegisterImport } = require('./register-import.cjs');
const { benchUploads, printUploads } = require('./uploads.cjs');
const { benchDbFreeze, printDbFreeze } = require('./db-freeze.cjs');

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2);
const PARTS = (process.env.BENCH_ONLY || 'submit,boot,inbox,signup,vote,claim,confirm,register-import,uploads,db-freeze').split(',').map((x) => x.trim());
const want = (part) => PARTS.includes(part);

let keySeq = 0;
function loadGet(port, token, path, seconds) {
  return new Promise((resolve, reject) => {
    const run = autocannon({
      url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: seconds,
      headers: { authorization: `Bearer ${token}` },
    }, (err, result) => (err ? reject(err) : resolve(result)));
    autocannon.track(run, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

function load(port, token, label, seconds = SECONDS) {
  return new Promise((resolve, reject) => {
    const run = autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [{
        method: 'POST',
        path: '/api/concerns',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `bench-${label}-${process.pid}-${++keySeq}` },
          body: JSON.stringify({ category: 'leak', text: '楼上卫生间漏水，敲门无人应答，请网格员帮忙联系。' }),
        }),
      }],
    }, (err, result) => (err ? reject(err) : resolve(result)));
    autocannon.track(run, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const fmt = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors });

async function benchDb(dialect) {
  const dbUrl = dialect === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'linli-bench-')), 'bench.sqlite')}` : MARIADB;
  if (dialect === 'mariadb') await resetMariaDb();
  // Cold boot: empty database -> migrations -> demo seed -> listening, then a warm restart.
  let svc = await startService(dbUrl);
  const coldBootMs = svc.bootMs;
  await svc.stop();
  svc = await startService(dbUrl);
  const warmBootMs = svc.bootMs;
  const users = await (await fetch(`http://127.0.0.1:${svc.port}/api/auth/demo-users`)).json();
  const resident = users.items.find((u) => u.role === 'resident' && u.areaName !== '未选择住址');
  const login = await (await fetch(`http://127.0.0.1:${svc.port}/api/auth/dev-login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: resident.id }),
  })).json();
  await svc.stop();
  if (!want('submit')) return { dialect, coldBootMs, warmBootMs };

  const service = [];
  const bare = [];
  for (let round = 0; round < ROUNDS; round++) {
    svc = await startService(dbUrl);
    await load(svc.port, login.token, 'warm', 3); // 3 s warm-up (JIT, statement caches), not measured
    service.push(fmt(await load(svc.port, login.token, 'svc')));
    await svc.stop();
    const b = await startBare(dbUrl);
    await load(b.port, login.token, 'warmbare', 3);
    bare.push(fmt(await load(b.port, login.token, 'bare')));
    await b.stop();
  }
  const avg = (xs, k) => xs.reduce((s, x) => s + x[k], 0) / xs.length;
  const s = { rps: avg(service, 'rps'), p50: avg(service, 'p50'), p99: avg(service, 'p99'), non2xx: avg(service, 'non2xx') };
  const b = { rps: avg(bare, 'rps'), p50: avg(bare, 'p50'), p99: avg(bare, 'p99'), non2xx: avg(bare, 'non2xx') };
  return { dialect, coldBootMs, warmBootMs, s, b };
}

// ---- inbox with many concerns ------------------------------------------------------------------
const INBOX_SIZES = (process.env.BENCH_INBOX_SIZES || '10000,200000').split(',').map(Number);
const INBOX_SECONDS = Number(process.env.BENCH_INBOX_SECONDS || 5);

/** Bulk-inserts concerns spread over every demo grid (about 60% already closed), straight into the database. */
async function seedConcerns(dbUrl, count) {
  const t0 = Date.now();
  const sqlite = dbUrl.startsWith('sqlite:');
  let exec, query, close;
  if (sqlite) {
    const Database = require('better-sqlite3');
    const db = new Database(dbUrl.slice(7));
    db.pragma('journal_mode = WAL');
    exec = async (sql, p) => db.prepare(sql).run(...p);
    query = async (sql) => db.prepare(sql).all();
    close = async () => db.close();
    await exec('BEGIN', []);
  } else {
    const mysql = require('mysql2/promise');
    const conn = await mysql.createConnection({ uri: dbUrl, timezone: 'Z' });
    exec = (sql, p) => conn.query(sql, p);
    query = async (sql) => (await conn.query(sql))[0];
    close = () => conn.end();
  }
  const units = await query(`SELECT u.id AS unitId, b.id AS buildingId, g.id AS gridId, g.grid_worker_id AS workerId, c.id AS communityId, c.street_id AS streetId
    FROM units u JOIN buildings b ON b.id = u.building_id JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id`);
  const [resident] = await query(`SELECT id FROM users WHERE role = 'resident' LIMIT 1`);
  const fmt = (d) => (sqlite ? d.toISOString().replace('T', ' ').replace('Z', '') : d);
  const cols = 'street_id, community_id, grid_id, building_id, unit_id, submitter_id, category, text, status, holder_level, holder_id, first_owner_id, unconfirmed, version, created_at, updated_at, is_public, is_open, place_kind, stage_started_at, stage_deadline_at, me_too_count, photo_count';
  const BATCH = sqlite ? 200 : 1000;
  const now = Date.now();
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const values = [];
    const params = [];
    for (let i = 0; i < n; i++) {
      const u = units[(done + i) % units.length];
      const open = (done + i) % 5 < 2;
      const created = new Date(now - ((done + i) % 90) * 86400_000 - (i % 1440) * 60_000);
      const deadline = open ? new Date(now + (((done + i) * 7919) % (20 * 86400)) * 1000 - 10 * 86400_000) : null;
      values.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, 0, ?, \'unit\', ?, ?, 0, 0)');
      params.push(u.streetId, u.communityId, u.gridId, u.buildingId, u.unitId, resident.id, 'leak', '压测数据：楼道漏水', open ? 'accepted' : 'closed', 'grid',
        u.workerId, u.workerId, fmt(created), fmt(created), open ? 1 : 0, fmt(created), deadline ? fmt(deadline) : null);
    }
    await exec(`INSERT INTO concerns (${cols}) VALUES ${values.join(', ')}`, params);
  }
  if (sqlite) await exec('COMMIT', []);
  await close();
  return Date.now() - t0;
}

async function inboxPair(port, token) {
  const first = await (await fetch(`http://127.0.0.1:${port}/api/concerns/inbox?limit=20`, { headers: { authorization: `Bearer ${token}` } })).json();
  if (!first.nextCursor) throw new Error(`inbox has no second page: ${JSON.stringify(first).slice(0, 200)}`);
  await loadGet(port, token, '/api/concerns/inbox?limit=20', 2); // warm-up
  const p1 = fmt(await loadGet(port, token, '/api/concerns/inbox?limit=20', INBOX_SECONDS));
  const p2 = fmt(await loadGet(port, token, `/api/concerns/inbox?limit=20&cursor=${first.nextCursor}`, INBOX_SECONDS));
  return { p1, p2, firstIds: first.items.map((x) => x.id) };
}

async function benchInbox(dialect) {
  const dbUrl = dialect === 'sqlite' ? `sqlite:${join(mkdtempSync(join(tmpdir(), 'linli-inbox-')), 'inbox.sqlite')}` : MARIADB.replace(/linli_bench$/, 'linli_bench_inbox');
  if (dialect === 'mariadb') await resetMariaDb(dbUrl);
  let svc = await startService(dbUrl);
  const users = await (await fetch(`http://127.0.0.1:${svc.port}/api/auth/demo-users`)).json();
  const worker = users.items.find((u) => u.role === 'grid_worker');
  const { token } = await (await fetch(`http://127.0.0.1:${svc.port}/api/auth/dev-login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: worker.id }),
  })).json();
  await svc.stop();
  const rows = [];
  let seeded = 0;
  let seedMs = 0;
  for (const size of INBOX_SIZES) {
    seedMs += await seedConcerns(dbUrl, size - seeded);
    seeded = size;
    svc = await startService(dbUrl);
    const s = await inboxPair(svc.port, token);
    await svc.stop();
    const b = await startBare(dbUrl);
    const bare = await inboxPair(b.port, token);
    await b.stop();
    if (JSON.stringify(s.firstIds) !== JSON.stringify(bare.firstIds)) throw new Error('service and bare disagree on the first page');
    rows.push({ size, seedMs, s, b: bare });
  }
  return { dialect, worker: worker.name, rows };
}

async function main() {
  if (!existsSync(join(root, 'dist/server/server/src/main.js'))) execSync('npx tsc -p server/tsconfig.build.json', { cwd: root, stdio: 'inherit' });
  const dbs = (process.env.BENCH_DB || 'sqlite,mariadb').split(',');
  const load = require('node:os').loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`Linli bench: ${PARTS.join(', ')} on ${dbs.join(', ')} (service LOG_LEVEL=${process.env.BENCH_LOG_LEVEL || 'info'}; ${require('node:os').cpus().length} CPUs, load average ${load} at start)`);
  if (want('submit') || want('boot')) await submitAndBoot(dbs);
  if (want('inbox') && process.env.BENCH_INBOX !== '0') await inbox(dbs);
  if (want('signup')) {
    const rows = [];
    for (const d of dbs) rows.push(await benchSignup(d));
    printSignup(rows);
  }
  if (want('vote')) {
    if (!existsSync(join(root, 'dist/server/server/src/modules/deliberation/deliberation-votes.repository.js'))) {
      console.log('\nVote burst: skipped, this build has no votes module (dist/server/.../deliberation-votes.repository.js)');
    } else {
      const rows = [];
      for (const d of dbs) rows.push(await benchVote(d));
      printVote(rows);
    }
  }
  if (want('claim')) {
    const rows = [];
    for (const d of dbs) rows.push(await benchClaim(d));
    printClaim(rows);
  }
  if (want('confirm')) {
    const rows = [];
    for (const d of dbs) rows.push(await benchConfirm(d));
    printConfirm(rows);
  }
  if (want('register-import')) {
    const rows = [];
    for (const d of dbs) rows.push(await benchRegisterImport(d));
    printRegisterImport(rows);
  }
  if (want('uploads')) {
    const rows = [];
    for (const d of dbs) rows.push(await benchUploads(d));
    printUploads(rows);
  }
  if (want('db-freeze')) {
    const rows = [];
    for (const d of dbs) rows.push(await benchDbFreeze(d));
    printDbFreeze(rows);
  }
}

async function submitAndBoot(dbs) {
  const rows = [];
  for (const d of dbs) rows.push(await benchDb(d));
  if (want('submit')) {
    console.log(`\nPOST /api/concerns (Idempotency-Key, ${CONNECTIONS} connections, ${SECONDS} s x ${ROUNDS} rounds)`);
    console.log('db       | what                          | req/s   | p50 ms | p99 ms | non-2xx | service/bare');
    console.log('---------|-------------------------------|---------|--------|--------|---------|-------------');
    for (const r of rows) {
      console.log(`${r.dialect.padEnd(8)} | full service (Nest+TypeORM)   | ${r.s.rps.toFixed(0).padStart(7)} | ${String(r.s.p50).padStart(6)} | ${String(r.s.p99).padStart(6)} | ${String(r.s.non2xx).padStart(7)} | ${(r.s.rps / r.b.rps).toFixed(2)}x`);
      console.log(`${r.dialect.padEnd(8)} | bare fastify + same SQL       | ${r.b.rps.toFixed(0).padStart(7)} | ${String(r.b.p50).padStart(6)} | ${String(r.b.p99).padStart(6)} | ${String(r.b.non2xx).padStart(7)} |`);
    }
  }
  if (want('boot')) {
    console.log('');
    for (const r of rows) console.log(`${r.dialect}: cold boot (empty db: migrations + demo seed + listen) ${r.coldBootMs} ms; warm boot ${r.warmBootMs} ms (process spawn to /api/health 200)`);
  }
}

async function inbox(dbs) {
  console.log(`\nInbox of one grid worker (GET /api/concerns/inbox?limit=20, overdue first then by deadline; ${CONNECTIONS} connections, ${INBOX_SECONDS} s each; concerns spread over 15 grids, 40% open)`);
  console.log('db       | concerns | seeded in | page  | service req/s | p50 | p99 | bare req/s | p50 | p99 | service/bare');
  console.log('---------|----------|-----------|-------|---------------|-----|-----|------------|-----|-----|-------------');
  const inbox = [];
  for (const d of dbs) inbox.push(await benchInbox(d));
  for (const r of inbox) {
    for (const x of r.rows) {
      for (const [page, s, b] of [['first', x.s.p1, x.b.p1], ['next', x.s.p2, x.b.p2]]) {
        console.log(`${r.dialect.padEnd(8)} | ${String(x.size).padStart(8)} | ${(x.seedMs / 1000).toFixed(1).padStart(7)} s | ${page.padEnd(5)} | ${s.rps.toFixed(0).padStart(13)} | ${String(s.p50).padStart(3)} | ${String(s.p99).padStart(3)} | ${b.rps.toFixed(0).padStart(10)} | ${String(b.p50).padStart(3)} | ${String(b.p99).padStart(3)} | ${(s.rps / b.rps).toFixed(2)}x`);
      }
    }
    const [small, big] = [r.rows[0], r.rows[r.rows.length - 1]];
    if (small && big && small !== big) {
      console.log(`${r.dialect}: service first-page req/s at ${big.size} ÷ at ${small.size} = ${(big.s.p1.rps / small.s.p1.rps).toFixed(2)} (near 1 means the inbox does not slow down as concerns pile up)`);
    }
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
