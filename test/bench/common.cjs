// Shared by the bench parts: process start/stop, fresh databases, tokens signed with the bench secret,
// and a small SQL client for seeding and for checking invariants after a run.
const { spawn } = require('node:child_process');
const { createHmac } = require('node:crypto');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');

const root = join(__dirname, '..', '..');
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
  const p = startProcess([process.env.BENCH_SERVICE_MAIN || 'dist/server/server/src/main.js'], {
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

async function resetMariaDb(url = MARIADB) {
  const mysql = require('mysql2/promise');
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/';
  const conn = await mysql.createConnection({ uri: u.toString() });
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
}

/** A fresh database for one bench part: a new SQLite file, or the MariaDB database `linli_bench_<suffix>` dropped and created. */
async function freshDb(dialect, suffix) {
  if (dialect === 'sqlite') return `sqlite:${join(mkdtempSync(join(tmpdir(), `linli-${suffix}-`)), `${suffix}.sqlite`)}`;
  const url = MARIADB.replace(/linli_bench$/, `linli_bench_${suffix}`);
  await resetMariaDb(url);
  return url;
}

/** A login token exactly as TokenService.issue signs it (claims sub/role/exp, HMAC-SHA256 base64url). */
function signToken(userId, role, ttlSeconds = 24 * 3600) {
  const payload = Buffer.from(JSON.stringify({ sub: userId, role, exp: Math.floor(Date.now() / 1000) + ttlSeconds })).toString('base64url');
  return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
}

/** Direct SQL for seeding and checking: query(sql, params) -> rows, exec(sql, params), date(Date) as the driver stores it. */
async function openDb(dbUrl) {
  if (dbUrl.startsWith('sqlite:')) {
    const Database = require('better-sqlite3');
    const db = new Database(dbUrl.slice(7));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    return {
      sqlite: true,
      exec: async (sql, p = []) => db.prepare(sql).run(...p),
      query: async (sql, p = []) => db.prepare(sql).all(...p),
      begin: async () => db.exec('BEGIN'),
      commit: async () => db.exec('COMMIT'),
      date: (d) => d.toISOString().replace('T', ' ').replace('Z', ''),
      close: async () => db.close(),
    };
  }
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection({ uri: dbUrl, timezone: 'Z', charset: 'utf8mb4' });
  return {
    sqlite: false,
    exec: async (sql, p = []) => (await conn.query(sql, p))[0],
    query: async (sql, p = []) => (await conn.query(sql, p))[0],
    begin: async () => conn.beginTransaction(),
    commit: async () => conn.commit(),
    date: (d) => d,
    close: () => conn.end(),
  };
}

/** Multi-row INSERT in batches; `row(i)` gives the i-th row's parameters. */
async function insertMany(db, table, columns, count, row) {
  const BATCH = db.sqlite ? 500 : 2000;
  const one = `(${columns.map(() => '?').join(', ')})`;
  await db.begin();
  for (let done = 0; done < count; done += BATCH) {
    const n = Math.min(BATCH, count - done);
    const params = [];
    for (let i = 0; i < n; i++) params.push(...row(done + i));
    await db.exec(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(n).fill(one).join(', ')}`, params);
  }
  await db.commit();
}

/** A fresh database (freshDb) migrated and holding the demo organisation (the service booted on it once), opened. */
async function preparedDb(dialect, suffix) {
  const dbUrl = await freshDb(dialect, suffix);
  await (await startService(dbUrl)).stop(); // migrations + demo organisation
  return { dbUrl, db: await openDb(dbUrl) };
}

/** MariaDB's server-wide deadlock counter (every client of the server counts, not only the bench); null on SQLite. */
async function deadlockCount(db) {
  if (db.sqlite) return null;
  const [row] = await db.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'");
  return row ? Number(row.Value) : null;
}

module.exports = { root, SECRET, MARIADB, freePort, sleep, waitHttp, startProcess, startService, startBare, resetMariaDb, freshDb, preparedDb, signToken, openDb, insertMany, deadlockCount };
