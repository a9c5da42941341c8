// Bare handlers for the 小红帽 bench parts, running the statements of HelpRequestSeatsService.claim and
// HelpRequestsService.confirm (with TimebankService.creditHoursMany): every statement is the compiled repositories' own
// SQL text (help-requests.repository.js, timebank-ledger.repository.js) in the service's order — the one context read,
// the transaction, the history read after — and the answer is built by the same pure mapper functions.
// No Nest, no TypeORM, no validation library.
const repo = require('../../dist/server/server/src/modules/volunteers/help-requests.repository.js');
const ledger = require('../../dist/server/server/src/modules/timebank/timebank-ledger.repository.js');
const life = require('../../dist/server/server/src/modules/volunteers/help-request-lifecycle.js');
const mapper = require('../../dist/server/server/src/modules/volunteers/volunteers.mapper.js');
const { excerpt, hours } = require('../../dist/server/server/src/modules/volunteers/help-request-notices.js');

const INSERT_NOTICE = 'INSERT INTO notifications (user_id, type, title, body, link, read_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)';
const LEDGER_RETRIES = ledger.LEDGER_RETRIES;

const err = (reply, status, code) => reply.code(status).send({ code });
const id = (raw) => (/^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null);
const fail = (code, status = 409) => Object.assign(new Error(code), { domain: code, status });
const isUnique = (e) => /UNIQUE|Duplicate entry/i.test(e.message || '');

/** DatabaseService's retryDeadlock: the whole transaction again when MariaDB picked it as a deadlock victim. */
async function retryDeadlock(work, attempts) {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (e) {
      if (i >= attempts || (e.code !== 'ER_LOCK_DEADLOCK' && e.code !== 'ER_LOCK_WAIT_TIMEOUT')) throw e;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * i));
    }
  }
}

/** The caller's notice about a request, as HelpRequestNotices.tell. */
const notice = (db, t, userId, requestId, type, title, body) =>
  t.run(INSERT_NOTICE, [userId, type, title.slice(0, 100), body.slice(0, 500), `/packages/volunteers/request/index?id=${requestId}`, db.date(new Date())]);

/** The detail answer: the request as written, its seats, and its history up to our event (as the services build it). */
async function answer(db, ctx, after, seats, mySeat, view, eventId) {
  const actions = life.allowedActions({ status: after.status, hasRequesterAccount: after.requesterId !== null }, view);
  const item = mapper.toHelpRequestItem(after, { ...ctx.names, seats }, mySeat, actions);
  return mapper.toHelpRequestDetailNamed(item, await db.all(repo.EVENTS_UP_TO_SQL, [after.id, eventId]));
}

/**
 * TimebankService.creditHoursMany with TimebankLedgerRepository's statements, in the caller's transaction `t`: each
 * volunteer's transaction key, daily counter and account in volunteer order, then the pool once. Returns the minutes
 * credited per credit, in the order given (0 for a duplicate or a day already full).
 */
async function creditHoursMany(db, t, credits) {
  const dialect = db.sqlite ? 'sqlite' : 'mariadb';
  const { communityId, streetId } = credits[0];
  const now = new Date();
  const account = async (kind, userId) => {
    await t.run(ledger.ENSURE_ACCOUNT_SQL[dialect], [communityId, streetId, kind, userId, 0, 0, db.date(now)]);
    return Number((await t.one(ledger.ACCOUNT_ID_SQL[dialect], [communityId, kind, userId])).id);
  };
  const volunteerIds = [...new Set(credits.map((c) => c.volunteerId))];
  const ids = await t.all(ledger.accountIdsSql(volunteerIds.length), [communityId, ...volunteerIds]);
  const accounts = new Map(ids.filter((r) => r.kind === 'volunteer').map((r) => [Number(r.userId), Number(r.id)]));
  let pool = ids.find((r) => r.kind === 'pool')?.id ?? null;
  const results = [];
  const poolSide = [];
  let cap = null;
  for (const i of credits.map((_, k) => k).sort((x, y) => credits[x].volunteerId - credits[y].volunteerId)) {
    const c = credits[i];
    const day = ledger.chinaDay(c.at);
    let txId;
    try {
      txId = db.insertId(await t.run(ledger.INSERT_TRANSACTION_SQL, [communityId, streetId, 'credit', 'help_request', c.sourceId, c.volunteerId, c.minutes,
        c.memo.slice(0, 200), day, null, null, c.createdBy, db.date(now)]));
    } catch (e) {
      if (!isUnique(e)) throw e;
      results[i] = 0; // duplicate
      continue;
    }
    if (cap === null) {
      const row = await t.one(ledger.DAILY_CAP_SQL, [communityId]);
      cap = row ? Number(row.cap) : ledger.DEFAULT_DAILY_CAP_MINUTES;
    }
    await t.run(ledger.ENSURE_DAILY_SQL[dialect], [communityId, c.volunteerId, day, 0]);
    let fit = c.minutes;
    if (db.changes(await t.run(ledger.TAKE_DAILY_SQL, [c.minutes, communityId, c.volunteerId, day, c.minutes, cap])) !== 1) {
      const row = await t.one(ledger.DAILY_LEFT_SQL[dialect], [communityId, c.volunteerId, day]);
      fit = Math.max(0, Math.min(c.minutes, cap - Number(row.credited)));
      if (fit > 0 && db.changes(await t.run(ledger.TAKE_DAILY_BY_ID_SQL, [fit, row.id, fit, cap])) !== 1) throw new Error('daily allowance changed under a row lock');
    }
    if (fit > 0) {
      if (!accounts.has(c.volunteerId)) accounts.set(c.volunteerId, await account('volunteer', c.volunteerId));
      const volunteer = accounts.get(c.volunteerId);
      if (db.changes(await t.run(ledger.MOVE_BALANCE_SQL.guarded, [fit, fit, volunteer, fit])) !== 1) throw new Error('credit could not be posted');
      await t.run(ledger.INSERT_ENTRY_SQL, [txId, volunteer, fit, db.date(now)]);
      poolSide.push([txId, fit]);
    }
    results[i] = fit;
  }
  if (poolSide.length) {
    pool ??= await account('pool', 0);
    const total = poolSide.reduce((sum, [, fit]) => sum + fit, 0);
    if (db.changes(await t.run(ledger.MOVE_BALANCE_SQL.unguarded, [-total, 0, pool])) !== 1) throw new Error('pool account missing');
    await t.run(ledger.insertEntriesSql(poolSide.length), poolSide.flatMap(([txId, fit]) => [txId, pool, -fit, db.date(now)]));
  }
  return results;
}

function registerVolunteers(app, db, auth) {
  const context = async (requestId, userId) => {
    const x = await db.one(repo.HELP_CONTEXT_SQL, [requestId, userId]);
    return x ? repo.helpContextOf(x) : null;
  };
  const asCode = (e) => (e.domain ? { code: e.domain, status: e.status } : isUnique(e) ? { code: 'ALREADY_ON_REQUEST', status: 409 } : Promise.reject(e));

  // 接单: HelpRequestSeatsService.claim.
  app.post('/api/help-requests/:id/claim', async (req, reply) => {
    const claims = await auth(req, reply, 'resident');
    if (!claims) return reply;
    const requestId = id(req.params.id);
    if (!requestId) return err(reply, 400, 'VALIDATION_FAILED');
    const ctx = await context(requestId, claims.sub);
    if (!ctx) return err(reply, 401, 'TOKEN_INVALID');
    const { row } = ctx;
    if (!row) return err(reply, 404, 'HELP_REQUEST_NOT_FOUND');
    if (!ctx.approved) return err(reply, 403, 'VOLUNTEER_NOT_APPROVED');
    if (row.requesterId === claims.sub || row.postedBy === claims.sub) return err(reply, 422, 'OWN_HELP_REQUEST');
    if (row.status === 'filled') return err(reply, 409, 'REQUEST_TAKEN');
    if (!life.canRequest('claim', row.status)) return err(reply, 409, 'HELP_REQUEST_ILLEGAL_TRANSITION');
    if (ctx.seat) return err(reply, 409, 'ALREADY_ON_REQUEST');
    const out = await db.tx(async (t) => {
      const now = new Date();
      if (db.changes(await t.run(repo.TAKE_SEAT_SQL, [db.date(now), requestId])) !== 1) throw fail('REQUEST_TAKEN');
      if (db.changes(await t.run(repo.INSERT_ASSIGNMENT_SQL, [requestId, claims.sub, row.communityId, 'accepted', 'claim', null, db.date(now), db.date(now), claims.sub, row.communityId])) !== 1) {
        throw fail('VOLUNTEER_NOT_APPROVED', 403);
      }
      const state = repo.seatsStateOf(await t.all(repo.SEATS_SQL, [requestId]));
      const eventId = db.insertId(await t.run(repo.INSERT_EVENT_SQL, [requestId, claims.sub, claims.role, 'claimed', 'open', state.status, claims.sub, null, db.date(new Date())]));
      await notice(db, t, row.requesterId ?? row.postedBy, requestId, 'help.claimed', '有志愿者接单了', `“${excerpt(row)}”已有志愿者接单`);
      return { state, eventId };
    }).catch(asCode);
    if (out.code) return err(reply, out.status, out.code);
    const after = { ...row, status: out.state.status, takenCount: out.state.takenCount, version: out.state.version };
    const view = { isRequester: false, isPoster: false, isStaff: false, isApprovedVolunteer: true, seat: 'accepted' };
    return reply.code(200).send(await answer(db, ctx, after, out.state.seats, 'accepted', view, out.eventId));
  });

  // The requester confirms: HelpRequestsService.confirm → complete, crediting each accepted volunteer.
  app.post('/api/help-requests/:id/confirm', async (req, reply) => {
    const claims = await auth(req, reply, 'resident');
    if (!claims) return reply;
    const requestId = id(req.params.id);
    const b = req.body || {};
    const comment = typeof b.comment === 'string' ? b.comment.trim() : b.comment;
    if (!requestId || !Number.isInteger(b.rating) || b.rating < 1 || b.rating > 5 || (comment !== undefined && (typeof comment !== 'string' || comment.length > 200))
      || (b.version !== undefined && !(Number.isInteger(b.version) && b.version > 0)) || Object.keys(b).some((k) => !['rating', 'comment', 'version'].includes(k))) {
      return err(reply, 400, 'VALIDATION_FAILED');
    }
    const ctx = await context(requestId, claims.sub);
    if (!ctx) return err(reply, 401, 'TOKEN_INVALID');
    const { row } = ctx;
    if (!row) return err(reply, 404, 'HELP_REQUEST_NOT_FOUND');
    // The caller is a resident here (never staff of an area).
    const view = {
      isRequester: row.requesterId !== null && row.requesterId === claims.sub, isPoster: row.postedBy === claims.sub && row.requesterId !== claims.sub,
      isStaff: false, isApprovedVolunteer: ctx.approved, seat: ctx.seat?.status ?? null,
    };
    if (!(view.isRequester || view.isPoster || view.seat !== null || (view.isApprovedVolunteer && row.status === 'open'))) return err(reply, 404, 'HELP_REQUEST_NOT_FOUND');
    if (!view.isRequester) return err(reply, 403, 'FORBIDDEN');
    if (!life.canRequest('confirm', row.status)) return err(reply, 409, 'HELP_REQUEST_ILLEGAL_TRANSITION');
    if (b.version !== undefined && b.version !== row.version) return err(reply, 409, 'HELP_REQUEST_STATE_CONFLICT');
    const minutes = life.creditMinutes(row.windowFrom, row.windowTo, undefined);
    const now = new Date();
    const rating = b.rating;
    const note = [`评分 ${rating}`, comment, `每人计 ${hours(minutes)}`].filter(Boolean).join('；');
    const out = await retryDeadlock(() => db.tx(async (t) => {
      const at = db.date(now);
      if (db.changes(await t.run(repo.CONFIRM_SQL, [at, claims.sub, rating, comment ?? null, minutes, at, at, requestId, row.version])) !== 1) {
        throw fail('HELP_REQUEST_STATE_CONFLICT');
      }
      const eventId = db.insertId(await t.run(repo.INSERT_EVENT_SQL, [requestId, claims.sub, claims.role, 'confirmed', 'done', 'confirmed', null, note, db.date(new Date())]));
      const state = repo.seatsStateOf(await t.all(repo.SEATS_SQL, [requestId]));
      const volunteers = state.seats.filter((s) => s.status === 'accepted').map((s) => s.userId);
      const credited = volunteers.length ? await creditHoursMany(db, t, volunteers.map((volunteerId) => ({
        communityId: row.communityId, streetId: row.streetId, volunteerId, minutes, sourceId: requestId, memo: `微心愿：${excerpt(row)}`, at: life.serviceDay(row), createdBy: claims.sub,
      }))) : [];
      for (const [k, volunteerId] of volunteers.entries()) {
        await notice(db, t, volunteerId, requestId, 'help.confirmed', '服务已确认', `“${excerpt(row)}”已确认完成，${credited[k] > 0 ? `存入红色银行 ${hours(credited[k])}` : '今日时长已达上限，本次未计入'}`);
      }
      return { state, eventId };
    }), LEDGER_RETRIES).catch(asCode);
    if (out.code) return err(reply, out.status, out.code);
    const after = {
      ...row, status: 'confirmed', version: row.version + 1, takenCount: out.state.takenCount, confirmedAt: now, confirmedBy: claims.sub,
      rating, ratingComment: comment ?? null, creditedMinutes: minutes, closedAt: now, updatedAt: now,
    };
    return reply.code(200).send(await answer(db, ctx, after, out.state.seats, ctx.seat?.status ?? null, view, out.eventId));
  });
}

module.exports = { registerVolunteers };
