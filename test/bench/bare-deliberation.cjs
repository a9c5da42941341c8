// Bare handlers for the deliberation bench parts, running the statements of DeliberationSignupService.signUp and
// DeliberationVotesBallotService.cast: every statement is the compiled repositories' own SQL text and parameter order
// (the one read of member/session/registration/representative, the seat take, the waiting-list ticket, the
// registration insert; the one read of voter/vote/options/registration, the ballot and its choices).
// No Nest, no TypeORM, no validation library.
const repo = require('../../dist/server/server/src/modules/deliberation/deliberation.repository.js');
const { awaitsUnitConfirmation } = require('../../dist/server/server/src/modules/deliberation/deliberation-access.js');

const err = (reply, status, code) => reply.code(status).send({ code });
const toDate = (v) => (v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));
const id = (raw) => (/^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);

function registerDeliberation(app, db, auth) {
  app.post('/api/deliberation/sessions/:id/sign-up', async (req, reply) => {
    const claims = await auth(req, reply, 'resident');
    if (!claims) return reply;
    const sessionId = id(req.params.id);
    if (!sessionId) return err(reply, 400, 'VALIDATION_FAILED');
    const ctx = await db.one(repo.SIGN_UP_CONTEXT_SQL, [sessionId, claims.sub]);
    if (!ctx) return err(reply, 401, 'TOKEN_INVALID');
    if (ctx.communityId === null) return err(reply, 422, 'UNIT_REQUIRED');
    if (ctx.sessionId === null || Number(ctx.sessionCommunityId) !== Number(ctx.communityId)) return err(reply, 404, 'SESSION_NOT_FOUND');
    const now = new Date();
    if (ctx.sessionStatus === 'cancelled') return err(reply, 409, 'SESSION_CANCELLED');
    if (now < toDate(ctx.opensAt)) return err(reply, 409, 'REGISTRATION_NOT_OPEN');
    if (now >= toDate(ctx.closesAt)) return err(reply, 409, 'REGISTRATION_CLOSED');
    if (ctx.registrationId !== null && ctx.registrationStatus !== 'cancelled') return err(reply, 409, 'ALREADY_REGISTERED');
    const existing = ctx.registrationId === null ? null : { id: Number(ctx.registrationId), checkInCode: ctx.checkInCode };
    const placed = await db.tx(async (t) => {
      const at = new Date();
      let seatKind = null;
      if (Number(ctx.representative) > 0 && db.changes(await t.run(repo.TAKE_SEAT_SQL.reserved, [sessionId])) === 1) seatKind = 'reserved';
      else if (db.changes(await t.run(repo.TAKE_SEAT_SQL.open, [sessionId])) === 1) seatKind = 'open';
      let waitlistNo = null;
      let position = null;
      if (!seatKind) {
        if (db.changes(await t.run(repo.NEXT_WAITLIST_SQL, [sessionId])) !== 1) return 'SESSION_CANCELLED';
        const row = await t.one(repo.WAITLIST_SEQ_SQL, [sessionId]);
        waitlistNo = Number(row.seq);
        position = Number(row.waiting);
      }
      const v = {
        sessionId, userId: claims.sub, status: seatKind ? 'confirmed' : 'waitlisted', seatKind, waitlistNo,
        checkInCode: existing ? existing.checkInCode : repo.newCheckInCode(), proxyBy: null,
      };
      if (existing) {
        if (db.changes(await t.run(repo.SIGN_UP_AGAIN_SQL, repo.signUpAgainParams(existing.id, v, db.date(at)))) !== 1) {
          throw Object.assign(new Error('changed meanwhile'), { code: 'ALREADY_REGISTERED' });
        }
        return { ...v, id: existing.id, position };
      }
      return { ...v, id: db.insertId(await t.run(repo.INSERT_REGISTRATION_SQL, repo.registrationInsertParams(v, db.date(at)))), position };
    }).catch((e) => (e.code === 'ALREADY_REGISTERED' || /UNIQUE|Duplicate entry/i.test(e.message) ? 'ALREADY_REGISTERED' : Promise.reject(e)));
    if (typeof placed === 'string') return err(reply, 409, placed);
    // The answer from what was written, as DeliberationSignupService.signUp.
    const waiting = placed.status === 'waitlisted';
    return reply.code(201).send({
      id: placed.id, sessionId, status: placed.status, seatKind: placed.seatKind, waitlistNo: waiting ? placed.waitlistNo : null,
      waitlistPosition: waiting ? placed.position : null, checkInCode: placed.checkInCode, checkedInAt: null,
    });
  });
}

// Casting a ballot (DeliberationVotesBallotService.cast): the repository's one read (voter, vote, its options, the
// voter's registration), then one transaction: its INSERT … SELECT (only while open) and the choices.
function registerBallot(app, db, auth) {
  let votes;
  try {
    votes = require('../../dist/server/server/src/modules/deliberation/deliberation-votes.repository.js');
  } catch {
    return; // no votes module in this build
  }
  app.post('/api/deliberation/votes/:id/ballot', async (req, reply) => {
    const claims = await auth(req, reply, 'resident');
    if (!claims) return reply;
    const voteId = id(req.params.id);
    const optionIds = req.body?.optionIds;
    if (!voteId || !Array.isArray(optionIds) || optionIds.length < 1 || optionIds.length > 10 || !optionIds.every((o) => Number.isInteger(o) && o > 0)) {
      return err(reply, 400, 'VALIDATION_FAILED');
    }
    const ctx = await db.one(votes.BALLOT_CONTEXT_SQL, [voteId, claims.sub]);
    if (!ctx) return err(reply, 401, 'TOKEN_INVALID');
    if (ctx.communityId === null) return err(reply, 422, 'UNIT_REQUIRED');
    if (ctx.voteId === null || Number(ctx.voteCommunityId) !== Number(ctx.communityId)) return err(reply, 404, 'VOTE_NOT_FOUND');
    if (awaitsUnitConfirmation(ctx.role, ctx.unitConfirmed)) return err(reply, 403, 'UNIT_NOT_CONFIRMED');
    const now = new Date();
    if (ctx.closedAt !== null || toDate(ctx.closesAt) <= now) return err(reply, 409, 'VOTE_CLOSED');
    const own = new Set(ctx.optionIds === null ? [] : String(ctx.optionIds).split(',').map(Number));
    if (new Set(optionIds).size !== optionIds.length || optionIds.some((o) => !own.has(o)) || (ctx.mode === 'single' && optionIds.length !== 1)
      || optionIds.length > Number(ctx.maxChoices)) return err(reply, 422, 'VOTE_CHOICE_INVALID');
    const chosen = [...optionIds].sort((a, b) => a - b);
    if (ctx.role !== 'resident') return err(reply, 403, 'VOTE_NOT_ELIGIBLE');
    if (ctx.eligibility !== 'community' && (ctx.registrationStatus !== 'confirmed' || (ctx.eligibility === 'checked_in' && !ctx.checkedInAt))) {
      return err(reply, 403, 'VOTE_NOT_ELIGIBLE');
    }
    const castAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const outcome = await db.tx(async (t) => {
      const r = await t.run(votes.INSERT_BALLOT_SQL, [claims.sub, db.date(castAt), voteId, db.date(now)]);
      if (db.changes(r) !== 1) return 'VOTE_CLOSED';
      const ballotId = db.insertId(r);
      await t.run(votes.insertChoicesSql(chosen.length), chosen.flatMap((o) => [ballotId, voteId, o]));
      return 'ok';
    }).catch((e) => (/UNIQUE|Duplicate entry/i.test(e.message) ? 'ALREADY_VOTED' : Promise.reject(e)));
    if (outcome !== 'ok') return err(reply, 409, outcome);
    return reply.code(201).send({ voteId, optionIds: chosen, castAt: castAt.toISOString() });
  });
}

module.exports = { registerDeliberation, registerBallot };
