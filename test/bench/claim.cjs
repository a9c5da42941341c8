// Claim race (issue 5, 小红帽): BENCH_CLAIM_VOLUNTEERS approved volunteers claim BENCH_CLAIM_REQUESTS open help requests
// all at once (POST /api/help-requests/:id/claim), through the full service and through the bare handler running the
// same SQL. Request k needs 1 + k % 3 volunteers; volunteer i aims at request i % R, and every second volunteer at a
// second request too, so every request has many more contenders than seats; the claims go out in a shuffled order.
// Losers must be told 409 REQUEST_TAKEN at once. After each burst the database is checked, request by request:
// taken_count = seats held <= volunteers_needed, status filled exactly when full, version = 1 + seats, one 'claimed'
// event per seat, no (request, volunteer) twice, and the 2xx answers are exactly the seat rows (each answer says so too).
const { preparedDb, startBare, startService } = require('./common.cjs');
const { burst, tally, tallied, warmThenMeasure } = require('./burst.cjs');
const { seedResidents, seedVolunteers, seedHelpRequests } = require('./seed.cjs');

const VOLUNTEERS = Number(process.env.BENCH_CLAIM_VOLUNTEERS || 1000);
const REQUESTS = Number(process.env.BENCH_CLAIM_REQUESTS || 100);
const CONNECTIONS = Number(process.env.BENCH_BURST_CONNECTIONS || 250);
const WARMUP = Math.min(VOLUNTEERS, Math.max(CONNECTIONS, Number(process.env.BENCH_BURST_WARMUP || 500)));
const needed = (k) => 1 + (k % 3);

/** A deterministic shuffle (mulberry32), so every run and both targets see the same order. */
function shuffled(xs, seed = 42) {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The claims of a race: [volunteer index, request index] pairs. */
function aims(volunteers, requests) {
  const pairs = [];
  for (let i = 0; i < volunteers; i++) {
    pairs.push([i, i % requests]);
    const second = (i * 7 + 3) % requests;
    if (i % 2 === 1 && second !== i % requests) pairs.push([i, second]);
  }
  return shuffled(pairs);
}

/**
 * Invariants of one set of requests (ids contiguous), read from the database after the burst. `pairs` are the claims
 * sent: a request ends with min(volunteers needed, distinct volunteers aiming at it) seats (a race nobody wins is broken).
 */
async function verifyClaims(db, ids, answered, pairs) {
  const contenders = ids.map(() => new Set());
  for (const [vol, req] of pairs) contenders[req].add(vol);
  const due = new Map(ids.map((id, k) => [id, contenders[k].size]));
  const [first, last] = [ids[0], ids[ids.length - 1]];
  const requests = await db.query(`SELECT r.id, r.volunteers_needed AS needed, r.taken_count AS taken, r.status, r.version,
      (SELECT COUNT(*) FROM help_request_assignments a WHERE a.request_id = r.id AND a.status IN ('dispatched', 'accepted')) AS held,
      (SELECT COUNT(*) FROM help_request_events e WHERE e.request_id = r.id AND e.type = 'claimed') AS claimed
    FROM help_requests r WHERE r.id BETWEEN ? AND ?`, [first, last]);
  const seats = await db.query('SELECT request_id AS r, volunteer_id AS v FROM help_request_assignments WHERE request_id BETWEEN ? AND ?', [first, last]);
  const rows = new Set(seats.map((s) => `${s.r}/${s.v}`));
  const v = {
    requests: requests.length, seats: seats.length, needed: 0, filled: 0,
    counterMismatch: 0, overNeeded: 0, underFilled: 0, wrongStatus: 0, wrongVersion: 0, wrongEvents: 0,
    duplicates: seats.length - rows.size,
    answeredWithoutRow: [...answered].filter((k) => !rows.has(k)).length,
    rowWithoutAnswer: [...rows].filter((k) => !answered.has(k)).length,
  };
  for (const r of requests) {
    const [need, taken, held] = [Number(r.needed), Number(r.taken), Number(r.held)];
    v.needed += need;
    if (r.status === 'filled') v.filled++;
    if (taken !== held) v.counterMismatch++;
    if (taken > need) v.overNeeded++;
    if (held < Math.min(need, due.get(Number(r.id)))) v.underFilled++;
    if ((r.status === 'filled') !== (taken === need) || !['open', 'filled'].includes(r.status)) v.wrongStatus++;
    if (Number(r.version) !== 1 + taken) v.wrongVersion++;
    if (Number(r.claimed) !== held) v.wrongEvents++;
  }
  v.ok = v.requests === ids.length && !v.underFilled && !v.counterMismatch && !v.overNeeded && !v.wrongStatus && !v.wrongVersion && !v.wrongEvents && !v.duplicates
    && !v.answeredWithoutRow && !v.rowWithoutAnswer;
  return v;
}

async function race(port, vols, ids, pairs, agent) {
  const answered = new Set();
  const codes = {};
  let wrongAnswers = 0;
  const r = await burst({
    port, count: pairs.length, connections: CONNECTIONS, agent,
    request: (i) => ({ method: 'POST', path: `/api/help-requests/${ids[pairs[i][1]]}/claim`, token: vols.tokens[pairs[i][0]] }),
    onAnswer: (i, status, body) => {
      tally(codes, status, body);
      if (status >= 200 && status < 300) {
        const volunteerId = vols.userIds[pairs[i][0]];
        answered.add(`${ids[pairs[i][1]]}/${volunteerId}`);
        // The answer itself: my seat, me among the volunteers, as many volunteers as seats taken.
        if (body?.mySeat !== 'accepted' || !body.volunteers?.some((x) => x.userId === volunteerId) || body.volunteers.length !== body.takenCount
          || body.events?.[body.events.length - 1]?.type !== 'claimed') wrongAnswers++;
      }
    },
  });
  return { ...r, answered, codes, wrongAnswers };
}

async function benchClaim(dialect) {
  const { dbUrl, db } = await preparedDb(dialect, 'claim');
  const t0 = Date.now();
  // The first VOLUNTEERS residents volunteer; the next REQUESTS residents each asked for help.
  const c = await seedResidents(db, VOLUNTEERS + REQUESTS);
  const vols = { userIds: c.userIds.slice(0, VOLUNTEERS), tokens: c.tokens.slice(0, VOLUNTEERS) };
  await seedVolunteers(db, c, vols.userIds);
  const requesters = c.userIds.slice(VOLUNTEERS);
  const inHours = (h) => new Date(Date.now() + h * 3600_000);
  const specs = Array.from({ length: REQUESTS }, (_, k) => ({ requesterId: requesters[k], needed: needed(k), from: inHours(26 + (k % 48)), to: inHours(28 + (k % 48)), seats: [] }));
  const sets = [];
  for (let s = 0; s < 4; s++) sets.push(await seedHelpRequests(db, c, specs)); // service warm-up, service, bare warm-up, bare
  const seedMs = Date.now() - t0;

  const pairs = aims(VOLUNTEERS, REQUESTS);
  const warmPairs = aims(WARMUP, REQUESTS);
  const measure = (target, warmSet, set) => warmThenMeasure({
    target, connections: CONNECTIONS, db,
    warmUp: (agent) => race(target.port, vols, warmSet, warmPairs, agent),
    measure: (agent) => race(target.port, vols, set, pairs, agent),
  });
  const s = await measure(await startService(dbUrl), sets[0], sets[1]);
  const b = await measure(await startBare(dbUrl), sets[2], sets[3]);
  s.inv = await verifyClaims(db, sets[1], s.answered, pairs);
  b.inv = await verifyClaims(db, sets[3], b.answered, pairs);
  await db.close();
  return { dialect, seedMs, claims: pairs.length, s, b };
}

function printClaim(rows) {
  const seats = Array.from({ length: REQUESTS }, (_, k) => needed(k)).reduce((a, x) => a + x, 0);
  const claims = rows[0]?.claims ?? 0;
  console.log(`\nClaim race (POST /api/help-requests/:id/claim): ${VOLUNTEERS} approved volunteers, ${claims} claims on ${REQUESTS} open requests needing 1-3 volunteers (${seats} seats),`);
  console.log(`all queued at once in a shuffled order over ${CONNECTIONS} keep-alive connections opened by ${aims(WARMUP, REQUESTS).length} warm-up claims on other requests; latency = write to last byte`);
  console.log('db       | what                        | req/s  | p50 ms | p99 ms | 2xx    | non-2xx | 5xx | seats taken | requests filled | service/bare');
  console.log('---------|-----------------------------|--------|--------|--------|--------|---------|-----|-------------|-----------------|-------------');
  for (const r of rows) {
    for (const [what, x] of [['full service (Nest+TypeORM)', r.s], ['bare fastify + same SQL', r.b]]) {
      console.log(`${r.dialect.padEnd(8)} | ${what.padEnd(27)} | ${x.rps.toFixed(0).padStart(6)} | ${x.p50.toFixed(1).padStart(6)} | ${x.p99.toFixed(1).padStart(6)} | ${String(x.n2xx).padStart(6)} | ${String(x.non2xx).padStart(7)} | ${String(x.n5xx).padStart(3)} | ${`${x.inv.seats}/${x.inv.needed}`.padStart(11)} | ${`${x.inv.filled}/${x.inv.requests}`.padStart(15)} | ${x === r.s ? `${(r.s.rps / r.b.rps).toFixed(2)}x` : ''}`);
    }
  }
  for (const r of rows) {
    for (const [what, x] of [['service', r.s], ['bare', r.b]]) {
      const v = x.inv;
      const onlyTaken = Object.keys(x.codes).every((k) => /^2\d\d$/.test(k) || k === '409 REQUEST_TAKEN'); // losers are told the request is taken
      const ok = v.ok && onlyTaken && !x.wrongAnswers && x.n5xx === 0;
      const answers = tallied(x.codes);
      console.log(`${r.dialect} ${what}: ${ok ? 'INVARIANTS OK' : 'INVARIANT BROKEN'} — ${v.requests} requests: taken_count = seats held: ${v.counterMismatch ? `NO x${v.counterMismatch}` : 'yes'}; `
        + `over volunteers_needed: ${v.overNeeded}; short of min(needed, contenders): ${v.underFilled}; filled exactly when full: ${v.wrongStatus ? `NO x${v.wrongStatus}` : 'yes'}; version = 1 + seats: ${v.wrongVersion ? `NO x${v.wrongVersion}` : 'yes'}; `
        + `one 'claimed' event per seat: ${v.wrongEvents ? `NO x${v.wrongEvents}` : 'yes'}; (request, volunteer) twice: ${v.duplicates}; `
        + `2xx answers without a seat row: ${v.answeredWithoutRow}, seat rows without a 2xx answer: ${v.rowWithoutAnswer}; answers that do not show the claimer seated: ${x.wrongAnswers}; `
        + `answers: ${answers}; socket errors ${x.errors}; ${x.deadlocks === null ? '' : `MariaDB deadlocks during the burst (server-wide, retried): ${x.deadlocks}; `}burst ${x.seconds.toFixed(1)} s, max ${x.max.toFixed(0)} ms`);
    }
    console.log(`${r.dialect}: seeded ${VOLUNTEERS} volunteers + ${REQUESTS} requesters + tokens + 4 x ${REQUESTS} open requests in ${(r.seedMs / 1000).toFixed(1)} s`);
  }
}

module.exports = { benchClaim, printClaim };
