// The baseline: a bare fastify + mysql2 / better-sqlite3 handler running the SAME SQL statements as
// the full service's POST /api/concerns (token check, user, place, idempotency reserve, insert concern,
// event, notification, read back, store the answer) — no Nest, no TypeORM, no validation library.
const Fastify = require('fastify');
const { registerBallot, registerDeliberation } = require('./bare-deliberation.cjs');
const { registerVolunteers } = require('./bare-volunteers.cjs');
const { createHash, createHmac, timingSafeEqual } = require('node:crypto');

const DB_URL = process.env.DATABASE_URL;
const SECRET = process.env.AUTH_TOKEN_SECRET;
const PORT = Number(process.env.PORT);

function verify(header) {
  const m = /^Bearer\s+(\S+)$/i.exec(header || '');
  if (!m) return null;
  const [payload, sig] = m[1].split('.');
  const expected = createHmac('sha256', SECRET).update(payload).digest();
  const given = Buffer.from(sig || '', 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return claims.exp * 1000 > Date.now() ? claims : null;
}

// The guard's own statement (compiled server): the role is read from the database on every request, as AuthGuard does.
const { USER_ROLE_SQL } = require('../../dist/server/server/src/common/auth/auth.guard.js');
async function authenticate(db, header) {
  const claims = verify(header);
  if (!claims) return null;
  const row = await db.one(USER_ROLE_SQL, [claims.sub]);
  if (!row || row.deleted_at !== null) return null;
  return { ...claims, role: row.role };
}

// Same statements as ConcernsRepository.submitterPlace / insert / insertEvent, NotificationsService.notify, IdempotencyService.
const SELECT_SUBMITTER = `SELECT u.id AS id, u.name AS name, u.role AS role, u.unit_confirmed AS unitConfirmed,
       un.id AS unitId, un.name AS unitName, b.id AS buildingId, b.name AS buildingName,
       g.id AS gridId, g.name AS gridName, g.grid_worker_id AS gridWorkerId, w.name AS gridWorkerName,
       c.id AS communityId, c.name AS communityName, c.street_id AS streetId
  FROM users u LEFT JOIN units un ON un.id = u.unit_id LEFT JOIN buildings b ON b.id = un.building_id
  LEFT JOIN grids g ON g.id = b.grid_id LEFT JOIN communities c ON c.id = b.community_id
  LEFT JOIN users w ON w.id = g.grid_worker_id WHERE u.id = ?`;
const INSERT_KEY = `INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, state, response_status, response_body, created_at) VALUES (?, ?, ?, ?, 'pending', NULL, NULL, ?)`;
// The service's own SQL text and parameter order (compiled server), so both run exactly the same statements.
const repo = require('../../dist/server/server/src/modules/concerns/concerns.repository.js');
const INSERT_NOTICE = 'INSERT INTO notifications (user_id, type, title, body, link, read_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)';
const MARK_DONE = `UPDATE idempotency_keys SET state = 'done', response_status = ?, response_body = ? WHERE id = ?`;

async function makeDb() {
  if (DB_URL.startsWith('sqlite:')) {
    const Database = require('better-sqlite3');
    const db = new Database(DB_URL.slice(7));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const now = () => new Date().toISOString().replace('T', ' ').replace('Z', '');
    const cache = new Map();
    const stmt = (sql) => cache.get(sql) ?? cache.set(sql, db.prepare(sql)).get(sql);
    // One connection: write transactions are queued in-process, as DatabaseService.transaction does on SQLite
    // (an await inside BEGIN..COMMIT lets another request's microtasks run, which must not BEGIN meanwhile).
    let tail = Promise.resolve();
    const serialize = (fn) => { const run = tail.then(fn, fn); tail = run.catch(() => undefined); return run; };
    return {
      sqlite: true,
      now,
      date: (d) => d.toISOString().replace('T', ' ').replace('Z', ''),
      one: async (sql, p) => stmt(sql).get(...p),
      all: async (sql, p) => stmt(sql).all(...p.map((x) => (typeof x === 'boolean' ? (x ? 1 : 0) : x))),
      tx: (fn) => serialize(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const r = await fn({ run: (sql, p) => stmt(sql).run(...p), one: (sql, p) => stmt(sql).get(...p), all: (sql, p) => stmt(sql).all(...p) });
          db.exec('COMMIT');
          return r;
        } catch (e) {
          db.exec('ROLLBACK');
          throw e;
        }
      }),
      insertId: (r) => Number(r.lastInsertRowid),
      changes: (r) => Number(r.changes),
    };
  }
  const mysql = require('mysql2/promise');
  const pool = mysql.createPool({ uri: DB_URL, connectionLimit: 10, timezone: 'Z', charset: 'utf8mb4' });
  return {
    now: () => new Date(),
    date: (d) => d,
    one: async (sql, p) => (await pool.query(sql, p))[0][0],
    all: async (sql, p) => (await pool.query(sql, p))[0],
    tx: async (fn) => {
      const conn = await pool.getConnection();
      try {
        await conn.beginTransaction();
        const r = await fn({
          run: async (sql, p) => (await conn.query(sql, p))[0], one: async (sql, p) => (await conn.query(sql, p))[0][0], all: async (sql, p) => (await conn.query(sql, p))[0],
        });
        await conn.commit();
        return r;
      } catch (e) {
        await conn.rollback();
        throw e;
      } finally {
        conn.release();
      }
    },
    insertId: (r) => Number(r.insertId),
    changes: (r) => Number(r.affectedRows),
  };
}

async function main() {
  const db = await makeDb();
  const app = Fastify({ logger: false });
  app.post('/api/concerns', async (req, reply) => {
    const claims = await authenticate(db, req.headers.authorization);
    if (!claims) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
    const { category, text } = req.body || {};
    if (typeof category !== 'string' || typeof text !== 'string' || !text.trim() || text.length > 1000) return reply.code(400).send({ code: 'VALIDATION_FAILED' });
    const key = req.headers['idempotency-key'];
    const hash = createHash('sha256').update(JSON.stringify({ category, text })).digest('hex');
    const who = await db.one(SELECT_SUBMITTER, [claims.sub]);
    const work = async (t, keyId) => {
      const now = db.now();
      const at = new Date();
      const deadline = new Date(at.getTime() + 24 * 3600_000);
      const id = db.insertId(await t.run(repo.INSERT_CONCERN, repo.concernInsertParams({
        streetId: who.streetId, communityId: who.communityId, gridId: who.gridId, buildingId: who.buildingId, unitId: who.unitId, submitterId: who.id,
        category, text: text.trim(), status: 'submitted', holderLevel: who.gridWorkerId ? 'grid' : 'community', holderId: who.gridWorkerId,
        firstOwnerId: who.gridWorkerId, unconfirmed: !who.unitConfirmed, version: 1, createdAt: at, updatedAt: at, isPublic: false, isOpen: true,
        placeKind: 'unit', placeDetail: null, latE6: null, lngE6: null, stageStartedAt: at, stageDeadlineAt: deadline,
        proxyById: null, proxyName: null, proxyPhone: null, photoCount: 0,
      }, db.date).map((x) => (typeof x === 'boolean' ? (x ? 1 : 0) : x))));
      await t.run(repo.INSERT_EVENT, [id, who.id, who.role, 'submitted', null, 'submitted', null, now, who.gridWorkerId ? 'grid' : 'community']);
      await t.run(INSERT_NOTICE, [who.gridWorkerId, 'concern.submitted', '新的居民诉求', `${who.name}反映了问题，请及时受理。`, `/packages/concerns/detail/index?id=${id}`, now]);
      const row = { id, category, text, status: 'submitted', placeLabel: `${who.communityName} ${who.buildingName} ${who.unitName}`, holderName: who.gridWorkerName };
      await t.run(MARK_DONE, [201, JSON.stringify(row), keyId]);
      return row;
    };
    let body;
    if (db.sqlite) {
      body = await db.tx(async (t) => work(t, db.insertId(await t.run(INSERT_KEY, [who.id, 'concerns.create', key, hash, db.now()]))));
    } else {
      const keyId = await db.tx(async (t) => db.insertId(await t.run(INSERT_KEY, [who.id, 'concerns.create', key, hash, db.now()])));
      body = await db.tx((t) => work(t, keyId));
    }
    return reply.code(201).send(body);
  });
  // Inbox: the same SELECT and the same keyset WHERE/ORDER as ConcernsRepository.inbox for a grid worker.
  app.get('/api/concerns/inbox', async (req, reply) => {
    const claims = await authenticate(db, req.headers.authorization);
    if (!claims) return reply.code(401).send({ code: 'UNAUTHENTICATED' });
    const me = await db.one('SELECT * FROM users WHERE id = ? LIMIT 1', [claims.sub]);
    const limit = Math.min(100, Number(req.query.limit || 20));
    const where = ['c.grid_id = ?', 'c.holder_level = ?', 'c.is_open = ?'];
    const params = [me.grid_id, 'grid', 1];
    if (req.query.cursor) {
      const [d, id] = Buffer.from(req.query.cursor, 'base64url').toString().slice(2).split('|');
      const deadline = db.sqlite ? new Date(d).toISOString().replace('T', ' ').replace('Z', '') : new Date(d);
      where.push('(c.stage_deadline_at > ? OR (c.stage_deadline_at = ? AND c.id > ?))');
      params.push(deadline, deadline, Number(id));
    }
    const rows = await db.all(repo.pagedRowsSql(where, repo.INBOX_ORDER, limit + 1), params);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const iso = (v) => (v instanceof Date ? v.toISOString() : new Date(String(v).replace(' ', 'T') + 'Z').toISOString());
    const nextCursor = rows.length > limit ? Buffer.from(`d:${iso(last.stageDeadlineAt)}|${last.id}`).toString('base64url') : null;
    return { items, nextCursor };
  });
  // 议事亭 sign-up and ballot, 小红帽 claim and confirmation: same statements as the service, see bare-deliberation.cjs, bare-volunteers.cjs.
  const auth = async (req, reply, role) => {
    const claims = await authenticate(db, req.headers.authorization);
    if (!claims) return void reply.code(401).send({ code: 'UNAUTHENTICATED' });
    if (claims.role !== role) return void reply.code(403).send({ code: 'FORBIDDEN' });
    return claims;
  };
  registerDeliberation(app, db, auth);
  registerBallot(app, db, auth);
  registerVolunteers(app, db, auth);
  await app.listen({ port: PORT, host: '127.0.0.1' });
  process.stdout.write('ready\n');
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
