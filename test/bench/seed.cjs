// Fast seeding for the deliberation and 小红帽 bench parts: thousands of residents of one demo community, some of
// them representatives or approved volunteers, a series and its sessions, help requests with their seats and
// history — straight SQL into a database the service has migrated and seeded with the demo organisation. Tokens
// are signed with the bench secret, so nobody logs in.
const { insertMany, signToken } = require('./common.cjs');

const RESIDENT_PREFIX = '压测居民';

/** Adds `count` residents to the first demo community (spread over its units); `reps` of them, evenly spaced, become representatives. */
async function seedResidents(db, count, reps = 0) {
  const units = await db.query(`SELECT c.id AS communityId, c.street_id AS streetId, g.id AS gridId, un.id AS unitId
    FROM units un JOIN buildings b ON b.id = un.building_id JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = b.community_id
    WHERE c.id = (SELECT MIN(id) FROM communities) ORDER BY un.id`);
  const { communityId, streetId } = units[0];
  const [staff] = await db.query(`SELECT id FROM users WHERE role = 'community_staff' AND community_id = ? ORDER BY id LIMIT 1`, [communityId]);
  const now = db.date(new Date());
  await insertMany(db, 'users', ['name', 'role', 'street_id', 'community_id', 'grid_id', 'unit_id', 'unit_confirmed', 'unit_chosen_at', 'is_demo', 'created_at'], count, (i) => {
    const u = units[i % units.length];
    return [`${RESIDENT_PREFIX}${i + 1}`, 'resident', streetId, communityId, u.gridId, u.unitId, 1, now, 0, now];
  });
  const userIds = (await db.query(`SELECT id FROM users WHERE role = 'resident' AND community_id = ? AND name LIKE ? ORDER BY id`, [communityId, `${RESIDENT_PREFIX}%`]))
    .map((r) => Number(r.id));
  if (userIds.length !== count) throw new Error(`seeded ${userIds.length} residents, expected ${count}`);
  const repIds = Array.from({ length: reps }, (_, k) => userIds[Math.floor((k * count) / reps)]);
  if (reps) await insertMany(db, 'deliberation_representatives', ['community_id', 'user_id', 'created_by', 'created_at'], reps, (k) => [communityId, repIds[k], staff.id, now]);
  const tokens = userIds.map((id) => signToken(id, 'resident'));
  return { communityId, streetId, staffId: Number(staff.id), userIds, repIds, tokens };
}

/** A weekly series of the community and `n` sessions with registration open now (30 seats, 5 reserved by default). */
async function seedSessions(db, c, n, seats = 30, reserved = 5) {
  const now = new Date();
  const d = (ms) => db.date(new Date(now.getTime() + ms));
  const DAY = 86400_000;
  await db.exec(`INSERT INTO deliberation_series (street_id, community_id, name, place, weekday, time, duration_minutes, seats, reserved_seats,
    opens_days_before, closes_hours_before, active, created_by, created_at) VALUES (?, ?, ?, ?, 5, '17:00', 90, ?, ?, 3, 2, 1, ?, ?)`,
  [c.streetId, c.communityId, '压测议事亭', '小区凉亭', seats, reserved, c.staffId, db.date(now)]);
  const [{ id: seriesId }] = await db.query('SELECT MAX(id) AS id FROM deliberation_series');
  const ids = [];
  for (let k = 0; k < n; k++) {
    const slot = 2 * DAY + k * 7 * DAY;
    await db.exec(`INSERT INTO deliberation_sessions (series_id, community_id, slot_at, starts_at, ends_at, opens_at, closes_at, place, status, cancel_reason,
      capacity, taken, reserved_capacity, reserved_taken, waitlist_seq, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', NULL, ?, 0, ?, 0, 0, ?, ?)`,
    [seriesId, c.communityId, d(slot), d(slot), d(slot + 90 * 60_000), d(-DAY), d(slot - 2 * 3600_000), '小区凉亭', seats - reserved, reserved, db.date(now), db.date(now)]);
    const [{ id }] = await db.query('SELECT MAX(id) AS id FROM deliberation_sessions');
    ids.push(Number(id));
  }
  return ids;
}

/** Makes residents approved 小红帽 of the community (as a member of staff approving them would). */
async function seedVolunteers(db, c, userIds) {
  const now = db.date(new Date());
  await insertMany(db, 'volunteers', ['user_id', 'street_id', 'community_id', 'status', 'skills', 'availability', 'decided_by', 'decided_at', 'version', 'created_at', 'updated_at'],
    userIds.length, (i) => [userIds[i], c.streetId, c.communityId, 'approved', 'digital_help,errands', 'weekday_morning,weekend_morning', c.staffId, now, 2, now, now]);
}

/**
 * Help requests of the community, each with its history: `specs[k]` = { requesterId, needed, from, to, seats } where
 * `seats` are volunteers holding an accepted seat. With `done`, every request is marked done by its first volunteer
 * (seats full); otherwise requests are open with no seat. Returns the new ids in order (one writer: ids follow inserts).
 */
async function seedHelpRequests(db, c, specs, done = false) {
  const units = await db.query(`SELECT un.id AS unitId, b.grid_id AS gridId FROM units un JOIN buildings b ON b.id = un.building_id WHERE b.community_id = ? ORDER BY un.id`, [c.communityId]);
  const [{ last }] = await db.query('SELECT COALESCE(MAX(id), 0) AS last FROM help_requests');
  const now = new Date();
  const at = db.date(now);
  const descriptions = ['想学用手机和孩子视频通话', '帮忙去菜市场买点菜，腿脚不方便', '家里水龙头漏水，请人看看', '陪老人去社区医院量血压'];
  await insertMany(db, 'help_requests', ['street_id', 'community_id', 'grid_id', 'unit_id', 'requester_id', 'posted_by', 'skill', 'description', 'window_from', 'window_to',
    'volunteers_needed', 'taken_count', 'status', 'version', 'done_at', 'done_by', 'created_at', 'updated_at'], specs.length, (k) => {
    const s = specs[k];
    const u = units[k % units.length];
    return [c.streetId, c.communityId, u.gridId, u.unitId, s.requesterId, s.requesterId, 'digital_help', descriptions[k % descriptions.length], db.date(s.from), db.date(s.to),
      s.needed, done ? s.seats.length : 0, done ? 'done' : 'open', done ? 2 + s.seats.length : 1, done ? at : null, done ? s.seats[0] : null, at, at];
  });
  const ids = (await db.query('SELECT id FROM help_requests WHERE id > ? ORDER BY id', [last])).map((r) => Number(r.id));
  if (ids.length !== specs.length) throw new Error(`seeded ${ids.length} help requests, expected ${specs.length}`);
  const seats = done ? specs.flatMap((s, k) => s.seats.map((v) => [ids[k], v])) : [];
  await insertMany(db, 'help_request_assignments', ['request_id', 'volunteer_id', 'community_id', 'status', 'via', 'dispatched_by', 'created_at', 'updated_at'], seats.length,
    (i) => [seats[i][0], seats[i][1], c.communityId, 'accepted', 'claim', null, at, at]);
  // History: posted; and for done requests each claim and the done.
  const events = specs.flatMap((s, k) => [
    [ids[k], s.requesterId, 'resident', 'posted', null, 'open', null],
    ...(done ? s.seats.map((v, j) => [ids[k], v, 'resident', 'claimed', 'open', j + 1 >= s.needed ? 'filled' : 'open', v]) : []),
    ...(done ? [[ids[k], s.seats[0], 'resident', 'done', 'filled', 'done', s.seats[0]]] : []),
  ]);
  await insertMany(db, 'help_request_events', ['request_id', 'actor_id', 'actor_role', 'type', 'from_status', 'to_status', 'volunteer_id', 'note', 'created_at'], events.length,
    (i) => [...events[i], null, at]);
  return ids;
}

module.exports = { seedResidents, seedSessions, seedVolunteers, seedHelpRequests };
