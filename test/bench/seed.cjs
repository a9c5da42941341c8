// Fast seeding for the deliberation bench parts: thousands of residents of one demo community, some of them
// representatives, a series and its sessions — straight SQL into a database the service has migrated and
// seeded with the demo organisation. Tokens are signed with the bench secret, so nobody logs in.
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

module.exports = { seedResidents, seedSessions };
