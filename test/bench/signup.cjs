// Sign-up race (issue 4): BENCH_SIGNUP_RESIDENTS distinct residents all sign up at once for one session of 30 seats
// (25 open + 5 reserved for representatives), through the full service and through the bare handler running the
// same SQL. After each burst the database itself is checked: seats never exceeded, one registration per resident,
// reserved seats held by representatives only, waiting-list tickets 1..n without gaps in insert order, the session's
// counters (seats, tickets, waiting) equal to the rows, and each waiting answer's place on the list equal to its ticket.
const { preparedDb, startBare, startService } = require('./common.cjs');
const { burst, tally, tallied, warmThenMeasure } = require('./burst.cjs');
const { seedResidents, seedSessions } = require('./seed.cjs');

const RESIDENTS = Number(process.env.BENCH_SIGNUP_RESIDENTS || 10000);
const REPS = Number(process.env.BENCH_SIGNUP_REPS || 20);
const CONNECTIONS = Number(process.env.BENCH_BURST_CONNECTIONS || 250);
// The warm-up also opens every connection, so it sends at least one request per connection.
const WARMUP = Math.min(RESIDENTS, Math.max(CONNECTIONS, Number(process.env.BENCH_BURST_WARMUP || 500)));
const SEATS = 30;
const RESERVED = 5;

/** Invariants of one session, read from the database after the burst. */
async function verifySession(db, sessionId, repIds) {
  const [s] = await db.query('SELECT capacity, taken, reserved_capacity AS reservedCapacity, reserved_taken AS reservedTaken, waitlist_seq AS waitlistSeq, waitlist_count AS waitlistCount FROM deliberation_sessions WHERE id = ?', [sessionId]);
  const rows = (await db.query('SELECT id, user_id AS userId, status, seat_kind AS seatKind, waitlist_no AS waitlistNo FROM deliberation_registrations WHERE session_id = ? ORDER BY id', [sessionId]))
    .map((r) => ({ ...r, id: Number(r.id), userId: Number(r.userId), waitlistNo: r.waitlistNo === null ? null : Number(r.waitlistNo) }));
  const reps = new Set(repIds);
  const open = rows.filter((r) => r.status === 'confirmed' && r.seatKind === 'open').length;
  const reserved = rows.filter((r) => r.status === 'confirmed' && r.seatKind === 'reserved');
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  const tickets = waiting.map((r) => r.waitlistNo);
  const v = {
    confirmed: open + reserved.length, open, reserved: reserved.length, waitlisted: waiting.length, registrations: rows.length,
    distinctUsers: new Set(rows.map((r) => r.userId)).size, capacity: Number(s.capacity) + Number(s.reservedCapacity),
    counters: `${s.taken}/${s.capacity} open, ${s.reservedTaken}/${s.reservedCapacity} reserved, ${s.waitlistSeq} tickets, ${s.waitlistCount} waiting`,
    reservedByNonRep: reserved.filter((r) => !reps.has(r.userId)).length,
    ticketsContiguous: tickets.every((t, k) => t === k + 1),
    ticketsInInsertOrder: tickets.length === new Set(tickets).size && tickets.every((t, k) => k === 0 || t > tickets[k - 1]),
    countersMatchRows: Number(s.taken) === open && Number(s.reservedTaken) === reserved.length && Number(s.waitlistSeq) === waiting.length
      && Number(s.waitlistCount) === waiting.length,
    // every seat taken: all open seats, and as many reserved ones as representatives signed up (at most the reserved seats)
    seatsFilled: open === Number(s.capacity) && reserved.length === Math.min(Number(s.reservedCapacity), rows.filter((r) => reps.has(r.userId)).length),
  };
  v.ok = v.confirmed <= v.capacity && v.distinctUsers === v.registrations && v.reservedByNonRep === 0 && v.ticketsContiguous && v.ticketsInInsertOrder
    && v.countersMatchRows && v.seatsFilled;
  return v;
}

async function race(port, c, sessionId, count, agent) {
  const answered = { confirmed: 0, waitlisted: 0 };
  const codes = {};
  const r = await burst({
    port, count, connections: CONNECTIONS, agent,
    request: (i) => ({ method: 'POST', path: `/api/deliberation/sessions/${sessionId}/sign-up`, token: c.tokens[i] }),
    onAnswer: (i, status, body) => {
      if (status >= 200 && status < 300) {
        answered[body?.status] = (answered[body?.status] || 0) + 1;
        // Nobody leaves the list during the race, so each waiting resident's place is their ticket.
        if (body?.status === 'waitlisted' && body.waitlistPosition !== body.waitlistNo) answered.wrongPosition = (answered.wrongPosition || 0) + 1;
      }
      else tally(codes, status, body);
    },
  });
  return { ...r, answered, codes };
}

async function benchSignup(dialect) {
  const { dbUrl, db } = await preparedDb(dialect, 'signup');
  const t0 = Date.now();
  const c = await seedResidents(db, RESIDENTS, REPS);
  const [warmSvc, runSvc, warmBare, runBare] = await seedSessions(db, c, 4, SEATS, RESERVED);
  const seedMs = Date.now() - t0;

  // Each target: a warm-up on its own session (JIT, statement caches, the connections opened), then the measured race.
  const measure = (target, warmSession, session) => warmThenMeasure({
    target, connections: CONNECTIONS,
    warmUp: (agent) => race(target.port, c, warmSession, WARMUP, agent),
    measure: (agent) => race(target.port, c, session, RESIDENTS, agent),
  });
  const s = await measure(await startService(dbUrl), warmSvc, runSvc);
  const b = await measure(await startBare(dbUrl), warmBare, runBare);
  s.inv = await verifySession(db, runSvc, c.repIds);
  b.inv = await verifySession(db, runBare, c.repIds);
  await db.close();
  return { dialect, seedMs, s, b };
}

const n = (x) => String(x).padStart(6);
function printSignup(rows) {
  console.log(`\nSign-up race (POST /api/deliberation/sessions/:id/sign-up): ${RESIDENTS} distinct residents (${REPS} of them representatives) for ${SEATS} seats (${SEATS - RESERVED} open + ${RESERVED} reserved),`);
  console.log(`all ${RESIDENTS} requests queued at once over ${CONNECTIONS} keep-alive connections (each sends its next request when the previous answer is in),`);
  console.log(`opened by ${WARMUP} warm-up sign-ups on another session just before; latency = write to last byte of the answer`);
  console.log('db       | what                        | req/s  | p50 ms | p99 ms | 2xx    | non-2xx | 5xx | confirmed (open+reserved) | waitlisted | service/bare');
  console.log('---------|-----------------------------|--------|--------|--------|--------|---------|-----|---------------------------|------------|-------------');
  for (const r of rows) {
    for (const [what, x] of [['full service (Nest+TypeORM)', r.s], ['bare fastify + same SQL', r.b]]) {
      const conf = `${x.inv.confirmed} (${x.inv.open}+${x.inv.reserved})`;
      console.log(`${r.dialect.padEnd(8)} | ${what.padEnd(27)} | ${x.rps.toFixed(0).padStart(6)} | ${x.p50.toFixed(1).padStart(6)} | ${x.p99.toFixed(1).padStart(6)} | ${n(x.n2xx)} | ${String(x.non2xx).padStart(7)} | ${String(x.n5xx).padStart(3)} | ${conf.padStart(25)} | ${String(x.inv.waitlisted).padStart(10)} | ${x === r.s ? `${(r.s.rps / r.b.rps).toFixed(2)}x` : ''}`);
    }
  }
  for (const r of rows) {
    for (const [what, x] of [['service', r.s], ['bare', r.b]]) {
      const v = x.inv;
      const ok = v.ok && v.registrations === x.n2xx && !x.answered.wrongPosition;
      const other = tallied(x.codes) || 'none';
      console.log(`${r.dialect} ${what}: ${ok ? 'INVARIANTS OK' : 'INVARIANT BROKEN'} — confirmed ${v.confirmed} <= ${v.capacity} seats; session counters ${v.counters}; `
        + `all seats filled: ${v.seatsFilled ? 'yes' : 'NO'}; ${v.registrations} registrations (= 2xx answers: ${v.registrations === x.n2xx ? 'yes' : 'NO'}) for ${v.distinctUsers} distinct residents; reserved seats held by non-representatives: ${v.reservedByNonRep}; `
        + `waiting-list tickets 1..${v.waitlisted} contiguous: ${v.ticketsContiguous ? 'yes' : 'NO'}, in insert order: ${v.ticketsInInsertOrder ? 'yes' : 'NO'}; `
        + `answers said ${x.answered.confirmed || 0} confirmed / ${x.answered.waitlisted || 0} waitlisted (place on the list = ticket: ${x.answered.wrongPosition ? `NO x${x.answered.wrongPosition}` : 'yes'}); non-2xx: ${other}; socket errors ${x.errors}; burst ${x.seconds.toFixed(1)} s, max ${x.max.toFixed(0)} ms`);
    }
    console.log(`${r.dialect}: seeded ${RESIDENTS} residents + tokens + 4 sessions in ${(r.seedMs / 1000).toFixed(1)} s`);
  }
}

module.exports = { benchSignup, printSignup };
