// Confirmation burst (issue 5, 小红帽 + 红色银行): BENCH_CONFIRMS done help requests (1-3 accepted volunteers each, drawn
// from BENCH_CONFIRM_VOLUNTEERS volunteers, so each volunteer serves several on the same China day and the daily cap
// bites) are each confirmed by their requester — TWICE, both copies in flight together (POST
// /api/help-requests/:id/confirm); one must win, the other be refused and credit nothing. Through the full service and
// through the bare handler running the same SQL, each on requests of its own service day. After each burst the ledger
// is checked: all account balances sum to zero, every entry sits on its own volunteer's (or the pool's) account, each
// stored balance equals the sum of its entries, every transaction's entries sum to zero, no volunteer balance below
// zero, no volunteer's credited minutes of a day above the cap (and each daily counter equal to the credited entries),
// exactly one credit per (request, accepted volunteer) and none else, each asking the request's minutes; and the
// requests: each confirmed once, one 'confirmed' event, version + 1.
const { preparedDb, startBare, startService } = require('./common.cjs');
const { burst, tally, tallied, warmThenMeasure } = require('./burst.cjs');
const { seedResidents, seedVolunteers, seedHelpRequests } = require('./seed.cjs');

const CONFIRMS = Number(process.env.BENCH_CONFIRMS || 2000);
const VOLUNTEERS = Number(process.env.BENCH_CONFIRM_VOLUNTEERS || 1000);
const CONNECTIONS = Number(process.env.BENCH_BURST_CONNECTIONS || 250);
const WARMUP = Math.min(CONFIRMS, Math.max(CONNECTIONS, Number(process.env.BENCH_BURST_WARMUP || 500)));
const DEFAULT_CAP = 480;

/** Request k of a set: 1-3 volunteers, a 60-270 minute window (credited at most 240) on the set's China day. */
function specsFor(count, day, requesters, volunteerIds) {
  const step = Math.max(1, Math.floor(volunteerIds.length / 3));
  return Array.from({ length: count }, (_, k) => {
    const needed = 1 + (k % 3);
    const from = new Date(day.getTime() + (k % 8) * 15 * 60_000);
    return {
      requesterId: requesters[k], needed, from, to: new Date(from.getTime() + (60 + 30 * (k % 8)) * 60_000),
      seats: Array.from({ length: needed }, (_, j) => volunteerIds[(k + j * step) % volunteerIds.length]),
    };
  });
}

/** 09:00 China time (01:00 UTC) `daysAgo` China days ago. */
function chinaMorning(daysAgo) {
  const china = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() - daysAgo, 1, 0, 0));
}
const chinaDay = (at) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The whole ledger (both targets' credits so far): sums, stored balances, caps, counters. */
async function verifyLedger(db) {
  const [{ total }] = await db.query('SELECT COALESCE(SUM(balance_minutes), 0) AS total FROM timebank_accounts');
  const accounts = await db.query(`SELECT a.id, a.kind, a.balance_minutes AS stored, COALESCE(SUM(e.amount_minutes), 0) AS entries
    FROM timebank_accounts a LEFT JOIN timebank_entries e ON e.account_id = a.id GROUP BY a.id, a.kind, a.balance_minutes`);
  const unbalanced = await db.query('SELECT transaction_id FROM timebank_entries GROUP BY transaction_id HAVING SUM(amount_minutes) <> 0');
  const caps = new Map((await db.query('SELECT community_id AS c, daily_cap_minutes AS cap FROM timebank_settings')).map((r) => [Number(r.c), Number(r.cap)]));
  const perDay = await db.query(`SELECT t.community_id AS c, t.volunteer_id AS v, t.service_date AS day, COALESCE(SUM(e.amount_minutes), 0) AS credited
    FROM timebank_transactions t JOIN timebank_entries e ON e.transaction_id = t.id JOIN timebank_accounts a ON a.id = e.account_id AND a.kind = 'volunteer'
    WHERE t.kind = 'credit' GROUP BY t.community_id, t.volunteer_id, t.service_date`);
  const counterRows = await db.query('SELECT community_id AS c, volunteer_id AS v, day, credited_minutes AS n FROM timebank_daily_credits');
  const counters = new Map(counterRows.map((r) => [`${r.c}/${r.v}/${r.day}`, Number(r.n)]));
  // Each volunteer-side entry on the account of the transaction's own volunteer and community; the other side the pool's.
  const [{ n: misposted }] = await db.query(`SELECT COUNT(*) AS n FROM timebank_entries e JOIN timebank_transactions t ON t.id = e.transaction_id
    JOIN timebank_accounts a ON a.id = e.account_id
    WHERE a.community_id <> t.community_id OR (a.kind = 'volunteer' AND a.user_id <> t.volunteer_id) OR (a.kind <> 'volunteer' AND a.user_id <> 0)`);
  const capOf = (c) => caps.get(Number(c)) ?? DEFAULT_CAP;
  const v = {
    balanceSum: Number(total), accounts: accounts.length,
    storedNotEntries: accounts.filter((a) => Number(a.stored) !== Number(a.entries)).length,
    unbalancedTransactions: unbalanced.length,
    negative: accounts.filter((a) => a.kind === 'volunteer' && Number(a.stored) < 0).length,
    overCap: perDay.filter((d) => Number(d.credited) > capOf(d.c)).length + counterRows.filter((r) => Number(r.n) > capOf(r.c)).length,
    counterMismatch: perDay.filter((d) => counters.get(`${d.c}/${d.v}/${d.day}`) !== Number(d.credited)).length,
    maxDay: Math.max(0, ...perDay.map((d) => Number(d.credited))),
    misposted: Number(misposted),
  };
  v.ok = v.balanceSum === 0 && !v.misposted && !v.storedNotEntries && !v.unbalancedTransactions && !v.negative && !v.overCap && !v.counterMismatch;
  return v;
}

/** One set of requests (ids contiguous): confirmed once each, credited once per accepted volunteer. */
async function verifySet(db, ids, day) {
  const [first, last] = [ids[0], ids[ids.length - 1]];
  const requests = await db.query(`SELECT r.id, r.status, r.version, r.credited_minutes AS minutes,
      (SELECT COUNT(*) FROM help_request_assignments a WHERE a.request_id = r.id AND a.status = 'accepted') AS seats,
      (SELECT COUNT(*) FROM help_request_events e WHERE e.request_id = r.id AND e.type = 'confirmed') AS confirmedEvents
    FROM help_requests r WHERE r.id BETWEEN ? AND ?`, [first, last]);
  const seats = new Set((await db.query(`SELECT request_id AS r, volunteer_id AS v FROM help_request_assignments WHERE status = 'accepted' AND request_id BETWEEN ? AND ?`, [first, last]))
    .map((s) => `${s.r}/${s.v}`));
  const credits = await db.query(`SELECT t.source_id AS r, t.volunteer_id AS v, t.requested_minutes AS asked, t.service_date AS day,
      (SELECT COALESCE(SUM(e.amount_minutes), 0) FROM timebank_entries e JOIN timebank_accounts a ON a.id = e.account_id AND a.kind = 'volunteer' WHERE e.transaction_id = t.id) AS credited
    FROM timebank_transactions t WHERE t.kind = 'credit' AND t.source_type = 'help_request' AND t.source_id BETWEEN ? AND ?`, [first, last]);
  const minutesOf = new Map(requests.map((r) => [Number(r.id), Number(r.minutes)]));
  const keys = credits.map((x) => `${x.r}/${x.v}`);
  const credited = new Set(keys);
  const v = {
    requests: requests.length,
    notConfirmed: requests.filter((r) => r.status !== 'confirmed').length,
    wrongEvents: requests.filter((r) => Number(r.confirmedEvents) !== 1).length,
    wrongVersion: requests.filter((r) => Number(r.version) !== 3 + Number(r.seats)).length,
    seats: seats.size, credits: credits.length,
    twice: keys.length - credited.size,
    missing: [...seats].filter((k) => !credited.has(k)).length,
    extra: keys.filter((k) => !seats.has(k)).length,
    wrongAsk: credits.filter((x) => Number(x.asked) !== minutesOf.get(Number(x.r))).length,
    wrongDay: credits.filter((x) => x.day !== day).length,
    asked: credits.reduce((s, x) => s + Number(x.asked), 0),
    credited: credits.reduce((s, x) => s + Number(x.credited), 0),
  };
  const [{ counted }] = await db.query('SELECT COALESCE(SUM(credited_minutes), 0) AS counted FROM timebank_daily_credits WHERE day = ?', [day]);
  v.counted = Number(counted);
  v.ok = v.requests === ids.length && !v.notConfirmed && !v.wrongEvents && !v.wrongVersion && v.credits === v.seats && !v.twice && !v.missing && !v.extra
    && !v.wrongAsk && !v.wrongDay && v.counted === v.credited;
  return v;
}

async function confirmAll(port, c, ids, twice, agent) {
  const count = ids.length * (twice ? 2 : 1);
  const codes = {};
  const wins = new Map();
  let wrongAnswers = 0;
  const r = await burst({
    port, count, connections: CONNECTIONS, agent,
    // Both copies of a confirmation are neighbours in the queue, so they are in flight together.
    request: (i) => {
      const k = twice ? Math.floor(i / 2) : i;
      return { method: 'POST', path: `/api/help-requests/${ids[k]}/confirm`, token: c.requesterTokens[k], body: { rating: 5 - (i % 2), comment: '很及时，谢谢小红帽' } };
    },
    onAnswer: (i, status, body) => {
      tally(codes, status, body);
      if (status >= 200 && status < 300) {
        const k = twice ? Math.floor(i / 2) : i;
        wins.set(k, (wins.get(k) || 0) + 1);
        if (body?.status !== 'confirmed' || body.events?.[body.events.length - 1]?.type !== 'confirmed' || !(body.creditedMinutes > 0)) wrongAnswers++;
      }
    },
  });
  const oneWinEach = ids.every((_, k) => wins.get(k) === 1);
  return { ...r, codes, oneWinEach, wrongAnswers };
}

async function benchConfirm(dialect) {
  const { dbUrl, db } = await preparedDb(dialect, 'confirm');
  const t0 = Date.now();
  const c = await seedResidents(db, VOLUNTEERS + CONFIRMS);
  const volunteerIds = c.userIds.slice(0, VOLUNTEERS);
  await seedVolunteers(db, c, volunteerIds);
  c.requesterTokens = c.tokens.slice(VOLUNTEERS);
  const requesters = c.userIds.slice(VOLUNTEERS);
  // Sets on days of their own: service warm-up, service, bare warm-up, bare (daily caps apart).
  const days = [4, 1, 3, 2].map(chinaMorning);
  const sets = [];
  for (const [s, size] of [[0, WARMUP], [1, CONFIRMS], [2, WARMUP], [3, CONFIRMS]]) {
    sets.push(await seedHelpRequests(db, c, specsFor(size, days[s], requesters, volunteerIds), true));
  }
  const seedMs = Date.now() - t0;

  const measure = (target, warmSet, set) => warmThenMeasure({
    target, connections: CONNECTIONS, db,
    warmUp: (agent) => confirmAll(target.port, c, warmSet, false, agent),
    measure: (agent) => confirmAll(target.port, c, set, true, agent),
  });
  const s = await measure(await startService(dbUrl), sets[0], sets[1]);
  s.ledger = await verifyLedger(db);
  s.inv = await verifySet(db, sets[1], chinaDay(days[1]));
  const b = await measure(await startBare(dbUrl), sets[2], sets[3]);
  b.ledger = await verifyLedger(db);
  b.inv = await verifySet(db, sets[3], chinaDay(days[3]));
  await db.close();
  return { dialect, seedMs, s, b };
}

function printConfirm(rows) {
  console.log(`\nConfirmation burst (POST /api/help-requests/:id/confirm): ${CONFIRMS} done requests with 1-3 accepted volunteers each (of ${VOLUNTEERS} volunteers, one service day),`);
  console.log(`each confirmed twice by its requester with both copies in flight together (${2 * CONFIRMS} requests), queued at once over ${CONNECTIONS} keep-alive connections`);
  console.log(`opened by ${WARMUP} warm-up confirmations of other requests; each winner credits its volunteers in the time bank (double entry, daily cap ${DEFAULT_CAP} min)`);
  console.log('db       | what                        | req/s  | p50 ms | p99 ms | 2xx    | non-2xx | 5xx | credits | minutes asked / credited | service/bare');
  console.log('---------|-----------------------------|--------|--------|--------|--------|---------|-----|---------|--------------------------|-------------');
  for (const r of rows) {
    for (const [what, x] of [['full service (Nest+TypeORM)', r.s], ['bare fastify + same SQL', r.b]]) {
      console.log(`${r.dialect.padEnd(8)} | ${what.padEnd(27)} | ${x.rps.toFixed(0).padStart(6)} | ${x.p50.toFixed(1).padStart(6)} | ${x.p99.toFixed(1).padStart(6)} | ${String(x.n2xx).padStart(6)} | ${String(x.non2xx).padStart(7)} | ${String(x.n5xx).padStart(3)} | ${String(x.inv.credits).padStart(7)} | ${`${x.inv.asked} / ${x.inv.credited}`.padStart(24)} | ${x === r.s ? `${(r.s.rps / r.b.rps).toFixed(2)}x` : ''}`);
    }
  }
  for (const r of rows) {
    for (const [what, x] of [['service', r.s], ['bare', r.b]]) {
      const [v, l] = [x.inv, x.ledger];
      const ok = v.ok && l.ok && x.oneWinEach && !x.wrongAnswers && x.n5xx === 0;
      const answers = tallied(x.codes);
      console.log(`${r.dialect} ${what}: ${ok ? 'INVARIANTS OK' : 'INVARIANT BROKEN'} — ledger (${l.accounts} accounts): balances sum to ${l.balanceSum}; entries on another volunteer's or community's account: ${l.misposted}; stored balance = its entries: ${l.storedNotEntries ? `NO x${l.storedNotEntries}` : 'yes'}; `
        + `transactions not summing to zero: ${l.unbalancedTransactions}; volunteer balances below zero: ${l.negative}; volunteer-days over the cap: ${l.overCap} (most credited in a day ${l.maxDay} min); `
        + `daily counter = credited entries: ${l.counterMismatch ? `NO x${l.counterMismatch}` : 'yes'}. Requests: ${v.requests - v.notConfirmed}/${v.requests} confirmed, exactly one 2xx each: ${x.oneWinEach ? 'yes' : 'NO'}, `
        + `one 'confirmed' event each: ${v.wrongEvents ? `NO x${v.wrongEvents}` : 'yes'}, version + 1: ${v.wrongVersion ? `NO x${v.wrongVersion}` : 'yes'}; `
        + `credits ${v.credits} for ${v.seats} accepted seats (twice: ${v.twice}, missing: ${v.missing}, without a seat: ${v.extra}, asking other than the request's minutes: ${v.wrongAsk}); `
        + `minutes asked ${v.asked}, credited ${v.credited} (capped ${v.asked - v.credited}), the day's counters ${v.counted} (= credited: ${v.counted === v.credited ? 'yes' : 'NO'}); `
        + `answers not showing the confirmation: ${x.wrongAnswers}; answers: ${answers}; socket errors ${x.errors}; ${x.deadlocks === null ? '' : `MariaDB deadlocks during the burst (server-wide, retried): ${x.deadlocks}; `}burst ${x.seconds.toFixed(1)} s, max ${x.max.toFixed(0)} ms`);
    }
    console.log(`${r.dialect}: seeded ${VOLUNTEERS} volunteers + ${CONFIRMS} requesters + tokens + ${2 * (CONFIRMS + WARMUP)} done requests with their seats and history in ${(r.seedMs / 1000).toFixed(1)} s`);
  }
}

module.exports = { benchConfirm, printConfirm };
