// Vote burst (issue 4): BENCH_VOTERS residents cast their ballot on one single-choice vote at once (POST
// /api/deliberation/votes/:id/ballot; eligibility "whole community", so every one of them may vote), through the
// full service and through the bare handler running the same SQL. The votes are opened through the service's own
// API by community staff. After each burst the database is checked: one ballot per voter, option counts sum to
// the ballots, each option's count equals the ballots that chose it.
const { preparedDb, signToken, startBare, startService } = require('./common.cjs');
const { burst, tally, tallied, warmThenMeasure } = require('./burst.cjs');
const { seedResidents, seedSessions } = require('./seed.cjs');

const VOTERS = Number(process.env.BENCH_VOTERS || 5000);
const CONNECTIONS = Number(process.env.BENCH_BURST_CONNECTIONS || 250);
const WARMUP = Math.min(VOTERS, Math.max(CONNECTIONS, Number(process.env.BENCH_BURST_WARMUP || 500)));
const OPTIONS = ['遛狗必须全程牵绳', '固定遛狗时段', '两条都要'];

/** Opens a single-choice vote for the whole community through the API; returns its id and option ids. */
async function openVote(port, staffToken, agendaItemId) {
  const res = await fetch(`http://127.0.0.1:${port}/api/deliberation/agenda-items/${agendaItemId}/votes`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
    body: JSON.stringify({ question: '文明养犬：选哪条规则？', options: OPTIONS, mode: 'single', eligibility: 'community', closesAt: new Date(Date.now() + 3600_000).toISOString(), liveResults: false }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`opening a vote answered ${res.status}: ${JSON.stringify(body)}`);
  return { id: body.id, optionIds: body.options.map((o) => o.id) };
}

async function verifyVote(db, voteId, expected) {
  const [{ n: ballots, users }] = await db.query('SELECT COUNT(*) AS n, COUNT(DISTINCT user_id) AS users FROM deliberation_ballots WHERE vote_id = ?', [voteId]);
  const perOption = new Map((await db.query('SELECT option_id AS o, COUNT(*) AS n FROM deliberation_ballot_choices WHERE vote_id = ? GROUP BY option_id', [voteId]))
    .map((r) => [Number(r.o), Number(r.n)]));
  const [{ n: orphans }] = await db.query(`SELECT COUNT(*) AS n FROM deliberation_ballot_choices c LEFT JOIN deliberation_ballots b ON b.id = c.ballot_id
    WHERE c.vote_id = ? AND (b.id IS NULL OR b.vote_id <> c.vote_id)`, [voteId]);
  const sum = [...perOption.values()].reduce((s, x) => s + x, 0);
  const v = {
    ballots: Number(ballots), distinctVoters: Number(users), optionSum: sum, orphans: Number(orphans),
    perOption: [...expected.keys()].map((o) => `${perOption.get(o) || 0}/${expected.get(o)}`).join(' '),
    countsMatch: [...expected.keys()].every((o) => (perOption.get(o) || 0) === expected.get(o)) && perOption.size <= expected.size,
  };
  v.ok = v.ballots === v.distinctVoters && v.optionSum === v.ballots && v.orphans === 0 && v.countsMatch;
  return v;
}

async function ballots(port, c, vote, count, agent) {
  const expected = new Map(vote.optionIds.map((o) => [o, 0]));
  const codes = {};
  const r = await burst({
    port, count, connections: CONNECTIONS, agent,
    request: (i) => ({ method: 'POST', path: `/api/deliberation/votes/${vote.id}/ballot`, token: c.tokens[i], body: { optionIds: [vote.optionIds[i % vote.optionIds.length]] } }),
    onAnswer: (i, status, body) => {
      if (status >= 200 && status < 300) expected.set(body.optionIds[0], expected.get(body.optionIds[0]) + 1);
      else tally(codes, status, body);
    },
  });
  return { ...r, expected, codes };
}

async function benchVote(dialect) {
  const { dbUrl, db } = await preparedDb(dialect, 'vote');
  const t0 = Date.now();
  const c = await seedResidents(db, VOTERS);
  const [sessionId] = await seedSessions(db, c, 1);
  const now = db.date(new Date());
  await db.exec(`INSERT INTO deliberation_agenda_items (session_id, topic_id, community_id, position, title, where_text, what_text, who, how_text, carried_out_text, created_at, updated_at)
    VALUES (?, NULL, ?, 1, ?, ?, ?, ?, ?, '', ?, ?)`, [sessionId, c.communityId, '文明养犬', '小区凉亭', '遛狗不牵绳，粪便不清理', '居民代表、物业、社区民警', '讨论后表决', now, now]);
  const [{ id: agendaItemId }] = await db.query('SELECT MAX(id) AS id FROM deliberation_agenda_items');
  const seedMs = Date.now() - t0;

  const staffToken = signToken(c.staffId, 'community_staff');
  const svc = await startService(dbUrl);
  const votes = [];
  for (let k = 0; k < 4; k++) votes.push(await openVote(svc.port, staffToken, Number(agendaItemId)));
  const measure = (target, warmVote, vote) => warmThenMeasure({
    target, connections: CONNECTIONS,
    warmUp: (agent) => ballots(target.port, c, warmVote, WARMUP, agent), // on its own vote
    measure: (agent) => ballots(target.port, c, vote, VOTERS, agent),
  });
  const s = await measure(svc, votes[0], votes[1]);
  const b = await measure(await startBare(dbUrl), votes[2], votes[3]);
  s.inv = await verifyVote(db, votes[1].id, s.expected);
  b.inv = await verifyVote(db, votes[3].id, b.expected);
  await db.close();
  return { dialect, seedMs, s, b };
}

function printVote(rows) {
  console.log(`\nVote burst (POST /api/deliberation/votes/:id/ballot): ${VOTERS} residents, one ballot each, on one single-choice vote with ${OPTIONS.length} options`);
  console.log(`(whole community eligible), all queued at once over ${CONNECTIONS} keep-alive connections opened by ${WARMUP} warm-up ballots on another vote`);
  console.log('db       | what                        | req/s  | p50 ms | p99 ms | 2xx    | non-2xx | 5xx | ballots counted | option counts sum | service/bare');
  console.log('---------|-----------------------------|--------|--------|--------|--------|---------|-----|-----------------|-------------------|-------------');
  for (const r of rows) {
    for (const [what, x] of [['full service (Nest+TypeORM)', r.s], ['bare fastify + same SQL', r.b]]) {
      console.log(`${r.dialect.padEnd(8)} | ${what.padEnd(27)} | ${x.rps.toFixed(0).padStart(6)} | ${x.p50.toFixed(1).padStart(6)} | ${x.p99.toFixed(1).padStart(6)} | ${String(x.n2xx).padStart(6)} | ${String(x.non2xx).padStart(7)} | ${String(x.n5xx).padStart(3)} | ${String(x.inv.ballots).padStart(15)} | ${String(x.inv.optionSum).padStart(17)} | ${x === r.s ? `${(r.s.rps / r.b.rps).toFixed(2)}x` : ''}`);
    }
  }
  for (const r of rows) {
    for (const [what, x] of [['service', r.s], ['bare', r.b]]) {
      const v = x.inv;
      const ok = v.ok && v.ballots === x.n2xx;
      const other = tallied(x.codes) || 'none';
      console.log(`${r.dialect} ${what}: ${ok ? 'INVARIANTS OK' : 'INVARIANT BROKEN'} — ${v.ballots} ballots (= 2xx answers: ${v.ballots === x.n2xx ? 'yes' : 'NO'}) from ${v.distinctVoters} distinct voters; `
        + `option counts sum ${v.optionSum}; per option counted/answered ${v.perOption} (match: ${v.countsMatch ? 'yes' : 'NO'}); choices without their ballot: ${v.orphans}; `
        + `non-2xx: ${other}; socket errors ${x.errors}; burst ${x.seconds.toFixed(1)} s, max ${x.max.toFixed(0)} ms`);
    }
    console.log(`${r.dialect}: seeded ${VOTERS} residents + tokens in ${(r.seedMs / 1000).toFixed(1)} s`);
  }
}

module.exports = { benchVote, printVote };
