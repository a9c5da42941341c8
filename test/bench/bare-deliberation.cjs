// Bare handlers for the deliberation bench parts, running the statements of DeliberationSignupService.signUp:
// the writes (seat take, waiting-list ticket, registration insert) are the compiled repository's own SQL text and
// parameter order; the reads are the SELECTs TypeORM issues for member/session/registration/representative and the
// read-back (findOne / count), written out by hand. No Nest, no TypeORM, no validation library.
const repo = require('../../dist/server/server/src/modules/deliberation/deliberation.repository.js');

const err = (reply, status, code) => reply.code(status).send({ code });
const toDate = (v) => (v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));
const id = (raw) => (/^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);

/** Same SELECTs as DeliberationAccess.member/session (TypeORM findOne = every column, LIMIT 1); undefined after an error answer. */
async function memberAndSession(db, claims, sessionId, reply) {
  const user = await db.one('SELECT * FROM users WHERE id = ? LIMIT 1', [claims.sub]);
  if (!user) return void err(reply, 401, 'UNAUTHENTICATED');
  if (user.community_id === null) return void err(reply, 422, 'UNIT_REQUIRED');
  const session = await db.one('SELECT * FROM deliberation_sessions WHERE id = ? LIMIT 1', [sessionId]);
  if (!session || Number(session.community_id) !== Number(user.community_id)) return void err(reply, 404, 'SESSION_NOT_FOUND');
  return { user, session };
}

const FIND_REGISTRATION = 'SELECT * FROM deliberation_registrations WHERE session_id = ? AND user_id = ? LIMIT 1';

function registerDeliberation(app, db, auth) {
  app.post('/api/deliberation/sessions/:id/sign-up', async (req, reply) => {
    const claims = auth(req, reply, 'resident');
    if (!claims) return reply;
    const sessionId = id(req.params.id);
    if (!sessionId) return err(reply, 400, 'VALIDATION_FAILED');
    const found = await memberAndSession(db, claims, sessionId, reply);
    if (!found) return reply;
    const { user, session } = found;
    const now = new Date();
    if (session.status === 'cancelled') return err(reply, 409, 'SESSION_CANCELLED');
    if (now < toDate(session.opens_at)) return err(reply, 409, 'REGISTRATION_NOT_OPEN');
    if (now >= toDate(session.closes_at)) return err(reply, 409, 'REGISTRATION_CLOSED');
    const existing = await db.one(FIND_REGISTRATION, [sessionId, user.id]);
    if (existing && existing.status !== 'cancelled') return err(reply, 409, 'ALREADY_REGISTERED');
    const rep = await db.one('SELECT COUNT(*) AS n FROM deliberation_representatives WHERE community_id = ? AND user_id = ?', [user.community_id, user.id]);
    const outcome = await db.tx(async (t) => {
      const at = new Date();
      let seatKind = null;
      if (Number(rep.n) > 0 && db.changes(await t.run(repo.TAKE_SEAT_SQL.reserved, [sessionId])) === 1) seatKind = 'reserved';
      else if (db.changes(await t.run(repo.TAKE_SEAT_SQL.open, [sessionId])) === 1) seatKind = 'open';
      let waitlistNo = null;
      if (!seatKind) {
        if (db.changes(await t.run(repo.NEXT_WAITLIST_SQL, [sessionId])) !== 1) return 'SESSION_CANCELLED';
        waitlistNo = Number((await t.one(repo.WAITLIST_SEQ_SQL, [sessionId])).seq);
      }
      const status = seatKind ? 'confirmed' : 'waitlisted';
      if (existing) {
        const r = await t.run('UPDATE deliberation_registrations SET status = ?, seat_kind = ?, waitlist_no = ?, updated_at = ? WHERE id = ? AND status = ?',
          [status, seatKind, waitlistNo, db.date(at), existing.id, 'cancelled']);
        if (db.changes(r) !== 1) throw Object.assign(new Error('changed meanwhile'), { code: 'ALREADY_REGISTERED' });
        return 'ok';
      }
      await t.run(repo.INSERT_REGISTRATION_SQL, repo.registrationInsertParams({ sessionId, userId: user.id, status, seatKind, waitlistNo }, db.date(at)));
      return 'ok';
    }).catch((e) => (e.code === 'ALREADY_REGISTERED' || /UNIQUE|Duplicate entry/i.test(e.message) ? 'ALREADY_REGISTERED' : Promise.reject(e)));
    if (outcome !== 'ok') return err(reply, 409, outcome);
    // Read-back, as DeliberationSignupService.mine: the registration, and the waiting-list position.
    const reg = await db.one(FIND_REGISTRATION, [sessionId, user.id]);
    const waiting = reg.status === 'waitlisted';
    const pos = waiting ? await db.one("SELECT COUNT(*) AS n FROM deliberation_registrations WHERE session_id = ? AND status = 'waitlisted' AND waitlist_no <= ?", [sessionId, reg.waitlist_no]) : null;
    return reply.code(201).send({
      id: reg.id, sessionId: reg.session_id, status: reg.status, seatKind: reg.seat_kind, waitlistNo: waiting ? reg.waitlist_no : null,
      waitlistPosition: pos ? Number(pos.n) : null, checkInCode: reg.check_in_code,
    });
  });
}

// Casting a ballot (DeliberationVotesBallotService.cast): member, vote, its options, (registration unless the whole
// community may vote), then one transaction: the repository's INSERT … SELECT (only while open) and the choices.
function registerBallot(app, db, auth) {
  let votes;
  try {
    votes = require('../../dist/server/server/src/modules/deliberation/deliberation-votes.repository.js');
  } catch {
    return; // no votes module in this build
  }
  app.post('/api/deliberation/votes/:id/ballot', async (req, reply) => {
    const claims = auth(req, reply, 'resident');
    if (!claims) return reply;
    const voteId = id(req.params.id);
    const optionIds = req.body?.optionIds;
    if (!voteId || !Array.isArray(optionIds) || optionIds.length < 1 || optionIds.length > 10 || !optionIds.every((o) => Number.isInteger(o) && o > 0)) {
      return err(reply, 400, 'VALIDATION_FAILED');
    }
    const user = await db.one('SELECT * FROM users WHERE id = ? LIMIT 1', [claims.sub]);
    if (!user) return err(reply, 401, 'UNAUTHENTICATED');
    if (user.community_id === null) return err(reply, 422, 'UNIT_REQUIRED');
    const vote = await db.one('SELECT * FROM deliberation_votes WHERE id = ? LIMIT 1', [voteId]);
    if (!vote || Number(vote.community_id) !== Number(user.community_id)) return err(reply, 404, 'VOTE_NOT_FOUND');
    const now = new Date();
    if (vote.closed_at !== null || toDate(vote.closes_at) <= now) return err(reply, 409, 'VOTE_CLOSED');
    const own = new Set((await db.all('SELECT * FROM deliberation_vote_options WHERE vote_id IN (?) ORDER BY vote_id ASC, position ASC', [voteId])).map((o) => Number(o.id)));
    if (new Set(optionIds).size !== optionIds.length || optionIds.some((o) => !own.has(o)) || (vote.mode === 'single' && optionIds.length !== 1)
      || optionIds.length > Number(vote.max_choices)) return err(reply, 422, 'VOTE_CHOICE_INVALID');
    const chosen = [...optionIds].sort((a, b) => a - b);
    if (vote.eligibility !== 'community') {
      const reg = await db.one(FIND_REGISTRATION, [vote.session_id, user.id]);
      if (reg?.status !== 'confirmed' || (vote.eligibility === 'checked_in' && !reg.checked_in_at)) return err(reply, 403, 'VOTE_NOT_ELIGIBLE');
    }
    const castAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const outcome = await db.tx(async (t) => {
      const r = await t.run(votes.INSERT_BALLOT_SQL, [user.id, db.date(castAt), voteId, db.date(now)]);
      if (db.changes(r) !== 1) return 'VOTE_CLOSED';
      const ballotId = db.insertId(r);
      await t.run(`INSERT INTO deliberation_ballot_choices (ballot_id, vote_id, option_id) VALUES ${chosen.map(() => '(?, ?, ?)').join(', ')}`, chosen.flatMap((o) => [ballotId, voteId, o]));
      return 'ok';
    }).catch((e) => (/UNIQUE|Duplicate entry/i.test(e.message) ? 'ALREADY_VOTED' : Promise.reject(e)));
    if (outcome !== 'ok') return err(reply, 409, outcome);
    return reply.code(201).send({ voteId, optionIds: chosen, castAt: castAt.toISOString() });
  });
}

module.exports = { registerDeliberation, registerBallot };
