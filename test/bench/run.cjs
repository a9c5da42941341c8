#!/usr/bin/env node
// `npm run bench`: concern submission (POST /api/concerns with an Idempotency-Key) through the full
// service vs. a bare fastify handler running the same SQL, on SQLite and on MariaDB; plus cold boot.
// Prints figures; never passes or fails on a time. Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
// BENCH_ROUNDS (2, interleaved service/bare to even out machine drift), BENCH_LOG_LEVEL (info), BENCH_DB (sqlite,mariadb).
const { spawn, execSync } = require('node:child_process');
const { mkdtempSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');
const autocannon = require('autocannon');

const root = join(__dirname, '..', '..');
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2);
const SECRET = 'bench-secret-bench-secret-bench-secret-42';
const MARIADB = process.env.BENCH_MARIADB_URL || 'mysql://root@127.0.0.1:3306/linli_bench';

const freePort = () => new Promise((res) => { const s = net.createServer().listen(0, () => { const p = s.address().port; s.close(() => res(p)); }); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHttp(url, timeoutMs = 60000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try { if ((await fetch(url)).status < 500) return Date.now() - start; } catch { /* not yet */ }
    await sleep(10);
  }
  throw new Error(`${url} did not come up`);
}

function startProcess(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return { child, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

async function startService(dbUrl) {
  const port = await freePort();
  const t0 = Date.now();
  const p = startProcess(['dist/server/server/src/main.js'], {
    NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: dbUrl, AUTH_TOKEN_SECRET: SECRET,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'info', SCHEDULER_ENABLED: 'false', H5_DIR: '/nonexistent',
  });
  await waitHttp(`http://127.0.0.1:${port}/api/health`);
  return { ...p, port, bootMs: Date.now() - t0 };
}

async function startBare(dbUrl) {
  const port = await freePort();
  const p = startProcess(['test/bench/bare-server.cjs'], { PORT: String(port), DATABASE_URL: dbUrl, AUTH_TOKEN_SECRET: SECRET });
  await waitHttp(`http://127.0.0.1:${port}/nothing`);
  return { ...p, port };
}

let keySeq = 0;
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

async function resetMariaDb() {
  const mysql = require('mysql2/promise');
  const u = new URL(MARIADB);
  const name = u.pathname.slice(1);
  u.pathname = '/';
  const conn = await mysql.createConnection({ uri: u.toString() });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
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

async function main() {
  if (!existsSync(join(root, 'dist/server/server/src/main.js'))) execSync('npx tsc -p server/tsconfig.build.json', { cwd: root, stdio: 'inherit' });
  const dbs = (process.env.BENCH_DB || 'sqlite,mariadb').split(',');
  console.log(`Linli bench: POST /api/concerns (Idempotency-Key, ${CONNECTIONS} connections, ${SECONDS} s x ${ROUNDS} rounds, service LOG_LEVEL=${process.env.BENCH_LOG_LEVEL || 'info'})`);
  const rows = [];
  for (const d of dbs) rows.push(await benchDb(d));
  console.log('');
  console.log('db       | what                          | req/s   | p50 ms | p99 ms | non-2xx | service/bare');
  console.log('---------|-------------------------------|---------|--------|--------|---------|-------------');
  for (const r of rows) {
    console.log(`${r.dialect.padEnd(8)} | full service (Nest+TypeORM)   | ${r.s.rps.toFixed(0).padStart(7)} | ${String(r.s.p50).padStart(6)} | ${String(r.s.p99).padStart(6)} | ${String(r.s.non2xx).padStart(7)} | ${(r.s.rps / r.b.rps).toFixed(2)}x`);
    console.log(`${r.dialect.padEnd(8)} | bare fastify + same SQL       | ${r.b.rps.toFixed(0).padStart(7)} | ${String(r.b.p50).padStart(6)} | ${String(r.b.p99).padStart(6)} | ${String(r.b.non2xx).padStart(7)} |`);
  }
  console.log('');
  for (const r of rows) console.log(`${r.dialect}: cold boot (empty db: migrations + demo seed + listen) ${r.coldBootMs} ms; warm boot ${r.warmBootMs} ms (process spawn to /api/health 200)`);
}
main().catch((e) => { console.error(e); process.exit(1); });
