import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AssignmentStatus, HelpRequestStatus } from '../../../../contracts/volunteers.constants';
import { dbDate } from '../../common/time';
import { affectedRows, changedRows, DatabaseService } from '../../database/database.service';
import { CommunityEntity, GridEntity, UnitEntity, BuildingEntity } from '../org/org.entities';
import { UserEntity } from '../users/user.entity';
import { HelpRequestAssignmentEntity, HelpRequestEntity, HelpRequestEventEntity } from './volunteers.entities';
import type { HelpRequestNames } from './volunteers.mapper';

export interface NewHelpEvent {
  requestId: number;
  actorId: number;
  actorRole: string;
  type: string;
  fromStatus: HelpRequestStatus | null;
  toStatus: HelpRequestStatus;
  volunteerId?: number | null;
  note?: string | null;
}

// ---- The claim and confirm hot paths as SQL text, exported so the benchmark's bare handler runs exactly these statements.
// ---- Each conditional UPDATE carries the invariant in its WHERE; callers check the affected rows.

/** The request's columns under HelpRequestEntity's property names. */
const REQUEST_COLUMNS = `r.id AS id, r.street_id AS streetId, r.community_id AS communityId, r.grid_id AS gridId, r.unit_id AS unitId,
       r.requester_id AS requesterId, r.posted_by AS postedBy, r.proxy_name AS proxyName, r.proxy_phone AS proxyPhone, r.skill AS skill,
       r.description AS description, r.window_from AS windowFrom, r.window_to AS windowTo, r.place_detail AS placeDetail,
       r.volunteers_needed AS volunteersNeeded, r.taken_count AS takenCount, r.status AS status, r.version AS version, r.done_at AS doneAt,
       r.done_by AS doneBy, r.confirmed_at AS confirmedAt, r.confirmed_by AS confirmedBy, r.rating AS rating, r.rating_comment AS ratingComment,
       r.credited_minutes AS creditedMinutes, r.closed_at AS closedAt, r.created_at AS createdAt, r.updated_at AS updatedAt`;

/**
 * Everything an action on one request needs, in one read (what HelpRequestAccess.load and the detail's names read in
 * a dozen): the caller (role and area), the request with the names its answer shows, whether the caller is an approved
 * volunteer of its community, and the caller's seat on it. Parameters: request id, user id. No row: the user does not exist;
 * `id` null: the request does not.
 */
export const HELP_CONTEXT_SQL = `SELECT u.id AS userId, u.name AS userName, u.role AS userRole, u.street_id AS userStreetId, u.community_id AS userCommunityId,
       u.grid_id AS userGridId, u.department_id AS userDepartmentId,
       ${REQUEST_COLUMNS},
       rq.name AS requesterName, c.name AS communityName, g.name AS gridName, b.name AS buildingName, un.name AS unitName,
       (SELECT COUNT(*) FROM volunteers v WHERE v.user_id = u.id AND v.community_id = r.community_id AND v.status = 'approved') AS approved,
       a.id AS seatId, a.status AS seatStatus, a.dispatched_by AS seatDispatchedBy
  FROM users u
  LEFT JOIN help_requests r ON r.id = ?
  LEFT JOIN users rq ON rq.id = COALESCE(r.requester_id, r.posted_by)
  LEFT JOIN communities c ON c.id = r.community_id
  LEFT JOIN grids g ON g.id = r.grid_id
  LEFT JOIN units un ON un.id = r.unit_id
  LEFT JOIN buildings b ON b.id = un.building_id
  LEFT JOIN help_request_assignments a ON a.request_id = r.id AND a.volunteer_id = u.id
 WHERE u.id = ?`;
/**
 * Takes one seat if one is free (the WHERE is the guarantee: taken_count < volunteers_needed) and marks the request
 * filled when that was the last one. `status` is assigned first, so it sees the old taken_count on both dialects
 * (MariaDB assigns left to right, SQLite from the old row). Parameters: updated_at, id.
 */
export const TAKE_SEAT_SQL = `UPDATE help_requests SET status = CASE WHEN taken_count + 1 >= volunteers_needed THEN 'filled' ELSE 'open' END,
       taken_count = taken_count + 1, version = version + 1, updated_at = ?
 WHERE id = ? AND status = 'open' AND taken_count < volunteers_needed`;
/**
 * One row per (request, volunteer), ever: the unique key refuses a second. The row is written only while the volunteer
 * is approved in the request's community: the SELECT reads the volunteer's row with a shared lock (MariaDB, INSERT…SELECT),
 * so a suspension committing meanwhile either waits for this seat (and then finds it) or is seen here (no row: 0
 * affected). Parameters: request, volunteer, community, status, via, dispatched_by, created_at, updated_at, volunteer,
 * community.
 */
export const INSERT_ASSIGNMENT_SQL = `INSERT INTO help_request_assignments (request_id, volunteer_id, community_id, status, via, dispatched_by, created_at, updated_at)
SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM volunteers v WHERE v.user_id = ? AND v.community_id = ? AND v.status = 'approved'`;
export const INSERT_EVENT_SQL =
  'INSERT INTO help_request_events (request_id, actor_id, actor_role, type, from_status, to_status, volunteer_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
/**
 * The request's counters and the seats held on it (dispatched or accepted) with the volunteers' names, read inside the
 * transaction that changed them, after its writes: exact (the request row is locked on MariaDB, the writer is alone on
 * SQLite). One row per seat in seat order; one row with null seat columns when there is none. Parameters: id.
 */
export const SEATS_SQL = `SELECT r.status AS status, r.taken_count AS takenCount, r.version AS version,
       a.volunteer_id AS userId, u.name AS name, a.status AS seatStatus
  FROM help_requests r
  LEFT JOIN help_request_assignments a ON a.request_id = r.id AND a.status IN ('dispatched', 'accepted')
  LEFT JOIN users u ON u.id = a.volunteer_id
 WHERE r.id = ? ORDER BY a.id`;
/** A request's history up to (and including) one event, with actors' and volunteers' names. Parameters: request id, last event id. */
export const EVENTS_UP_TO_SQL = `SELECT e.id AS id, e.type AS type, e.from_status AS fromStatus, e.to_status AS toStatus, e.actor_id AS actorId, ac.name AS actorName,
       e.volunteer_id AS volunteerId, v.name AS volunteerName, e.note AS note, e.created_at AS createdAt
  FROM help_request_events e LEFT JOIN users ac ON ac.id = e.actor_id LEFT JOIN users v ON v.id = e.volunteer_id
 WHERE e.request_id = ? AND e.id <= ? ORDER BY e.id`;
/**
 * done → confirmed at the version read: of two confirmations at once, one wins. Parameters: confirmed_at, confirmed_by,
 * rating, rating_comment, credited_minutes, closed_at, updated_at, id, version read.
 */
export const CONFIRM_SQL = `UPDATE help_requests SET status = 'confirmed', confirmed_at = ?, confirmed_by = ?, rating = ?, rating_comment = ?,
       credited_minutes = ?, closed_at = ?, version = version + 1, updated_at = ?
 WHERE id = ? AND status = 'done' AND version = ?`;

/** The caller as HELP_CONTEXT_SQL read them (enough for scopeOf / isStaffOf). */
export interface HelpCaller {
  id: number;
  name: string;
  role: UserEntity['role'];
  streetId: number | null;
  communityId: number | null;
  gridId: number | null;
  departmentId: number | null;
}

/** What HELP_CONTEXT_SQL found for a user that exists; `row` null when the request does not. */
export interface HelpRowContext {
  actor: HelpCaller;
  row: HelpRequestEntity | null;
  names: Omit<HelpRequestNames, 'seats'>;
  approved: boolean;
  seat: { id: number; status: AssignmentStatus; dispatchedBy: number | null } | null;
}

/** SEATS_SQL's answer. */
export interface SeatsState {
  status: HelpRequestStatus;
  takenCount: number;
  version: number;
  seats: HelpRequestNames['seats'];
}

/** One row of EVENTS_UP_TO_SQL. */
export interface HelpEventRow {
  id: number;
  type: string;
  fromStatus: HelpRequestStatus | null;
  toStatus: HelpRequestStatus;
  actorId: number;
  actorName: string | null;
  volunteerId: number | null;
  volunteerName: string | null;
  note: string | null;
  createdAt: Date | string;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const date = (v: Date | string | null): Date | null => (v === null ? null : dbDate(v));

/** HELP_CONTEXT_SQL's row, typed (numbers as numbers, datetimes as Dates on both drivers). */
export function helpContextOf(x: Record<string, any>): HelpRowContext {
  const unit = x.unitName === null ? '' : `${x.buildingName ?? ''} ${x.unitName}`.trim();
  return {
    actor: {
      id: Number(x.userId), name: x.userName, role: x.userRole, streetId: num(x.userStreetId), communityId: num(x.userCommunityId),
      gridId: num(x.userGridId), departmentId: num(x.userDepartmentId),
    },
    row: x.id === null ? null : requestOf(x),
    // As names() builds them for a list.
    names: { requesterName: x.requesterName ?? '', communityName: x.communityName ?? '', gridName: x.gridName ?? '', unitLabel: `${x.communityName ?? ''} ${unit}`.trim() },
    approved: Number(x.approved) > 0,
    seat: x.seatId === null ? null : { id: Number(x.seatId), status: x.seatStatus, dispatchedBy: num(x.seatDispatchedBy) },
  };
}

/** SEATS_SQL's rows, typed. */
export function seatsStateOf(rows: Record<string, any>[]): SeatsState {
  return {
    status: rows[0].status, takenCount: Number(rows[0].takenCount), version: Number(rows[0].version),
    seats: rows.filter((r) => r.userId !== null).map((r) => ({ userId: Number(r.userId), name: r.name ?? '', status: r.seatStatus })),
  };
}

function requestOf(x: Record<string, any>): HelpRequestEntity {
  return {
    id: Number(x.id), streetId: Number(x.streetId), communityId: Number(x.communityId), gridId: Number(x.gridId), unitId: Number(x.unitId),
    requesterId: num(x.requesterId), postedBy: Number(x.postedBy), proxyName: x.proxyName, proxyPhone: x.proxyPhone, skill: x.skill,
    description: x.description, windowFrom: dbDate(x.windowFrom), windowTo: dbDate(x.windowTo), placeDetail: x.placeDetail,
    volunteersNeeded: Number(x.volunteersNeeded), takenCount: Number(x.takenCount), status: x.status, version: Number(x.version),
    doneAt: date(x.doneAt), doneBy: num(x.doneBy), confirmedAt: date(x.confirmedAt), confirmedBy: num(x.confirmedBy), rating: num(x.rating),
    ratingComment: x.ratingComment, creditedMinutes: num(x.creditedMinutes), closedAt: date(x.closedAt), createdAt: dbDate(x.createdAt), updatedAt: dbDate(x.updatedAt),
  };
}


/** A seat a volunteer holds (heldSeats). */
export interface HeldSeat {
  id: number;
  requestId: number;
  status: AssignmentStatus;
  dispatchedBy: number | null;
}

/** Rows of help requests, their seats and history. Every status change is a conditional UPDATE checked by affected rows. */
@Injectable()
export class HelpRequestsRepository {
  constructor(private readonly db: DatabaseService) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<HelpRequestEntity | null> {
    return m.findOne(HelpRequestEntity, { where: { id } });
  }

  seatOf(m: EntityManager, requestId: number, volunteerId: number): Promise<HelpRequestAssignmentEntity | null> {
    return m.findOne(HelpRequestAssignmentEntity, { where: { requestId, volunteerId } });
  }

  /** Moves the request from one of `from` at the version read, bumping the version. False when someone else moved it first. */
  async transition(m: EntityManager, r: HelpRequestEntity, from: readonly HelpRequestStatus[], patch: Partial<HelpRequestEntity>): Promise<boolean> {
    const res = await m.update(HelpRequestEntity, { id: r.id, status: In([...from]), version: r.version }, { ...patch, version: Number(r.version) + 1, updatedAt: new Date() });
    return affectedRows(res) === 1;
  }

  /** One read for an action on a request (see HELP_CONTEXT_SQL); null when the user does not exist. */
  async context(requestId: number, userId: number): Promise<HelpRowContext | null> {
    const [x] = (await this.db.manager.query(HELP_CONTEXT_SQL, [requestId, userId])) as Record<string, any>[];
    return x ? helpContextOf(x) : null;
  }

  /** Takes one seat if one is free, marking the request filled with the last one (see TAKE_SEAT_SQL). */
  async takeSeat(m: EntityManager, id: number, now: Date = new Date()): Promise<boolean> {
    return (await changedRows(m, TAKE_SEAT_SQL, [this.db.dateParam(now), id])) === 1;
  }

  /** The seat's row; false when the volunteer is no longer approved there; a second one for the same (request, volunteer) throws a unique violation. */
  async insertSeat(
    m: EntityManager, s: { requestId: number; volunteerId: number; communityId: number; status: AssignmentStatus; via: 'claim' | 'dispatch'; dispatchedBy: number | null }, now: Date,
  ): Promise<boolean> {
    const at = this.db.dateParam(now);
    return (await changedRows(m, INSERT_ASSIGNMENT_SQL, [s.requestId, s.volunteerId, s.communityId, s.status, s.via, s.dispatchedBy, at, at, s.volunteerId, s.communityId])) === 1;
  }

  /** The counters and the seats held, inside the transaction that changed them (see SEATS_SQL). */
  async seats(m: EntityManager, id: number): Promise<SeatsState> {
    const rows = (await m.query(SEATS_SQL, [id])) as Record<string, any>[];
    if (!rows.length) throw new Error(`help request ${id} vanished inside its transaction`);
    return seatsStateOf(rows);
  }

  /** done → confirmed at the version read (see CONFIRM_SQL); false when someone else moved it first. */
  async confirmDone(
    m: EntityManager, r: Pick<HelpRequestEntity, 'id' | 'version'>, c: { by: number; rating: number | null; comment: string | null; minutes: number; at: Date },
  ): Promise<boolean> {
    const at = this.db.dateParam(c.at);
    return (await changedRows(m, CONFIRM_SQL, [at, c.by, c.rating, c.comment, c.minutes, at, at, r.id, r.version])) === 1;
  }

  /** The history up to one event (see EVENTS_UP_TO_SQL). */
  async eventsUpTo(requestId: number, lastEventId: number): Promise<HelpEventRow[]> {
    const rows = (await this.db.manager.query(EVENTS_UP_TO_SQL, [requestId, lastEventId])) as HelpEventRow[];
    return rows.map((e) => ({ ...e, id: Number(e.id), actorId: Number(e.actorId), volunteerId: num(e.volunteerId) }));
  }

  /** Gives a seat back (withdrawal, declined dispatch): the request is open again. */
  async giveSeatBack(m: EntityManager, id: number): Promise<boolean> {
    const res = await m.createQueryBuilder().update(HelpRequestEntity)
      .set({ status: 'open', takenCount: () => 'taken_count - 1', version: () => 'version + 1', updatedAt: new Date() })
      .where(`id = :id AND status IN ('open', 'filled') AND taken_count > 0`, { id })
      .execute();
    return affectedRows(res) === 1;
  }

  async moveSeat(m: EntityManager, seatId: number, from: readonly AssignmentStatus[], to: AssignmentStatus): Promise<boolean> {
    const res = await m.update(HelpRequestAssignmentEntity, { id: seatId, status: In([...from]) }, { status: to, updatedAt: new Date() });
    return affectedRows(res) === 1;
  }

  /** A volunteer's seats in `statuses` on requests still open (or filled), by request id (the order they are locked in). */
  heldSeats(m: EntityManager, volunteerId: number, statuses: AssignmentStatus[]): Promise<HeldSeat[]> {
    return m.query(
      `SELECT a.id AS id, a.request_id AS requestId, a.status AS status, a.dispatched_by AS dispatchedBy
         FROM help_request_assignments a JOIN help_requests r ON r.id = a.request_id
        WHERE a.volunteer_id = ? AND a.status IN (${statuses.map(() => '?').join(', ')}) AND r.status IN ('open', 'filled') ORDER BY a.request_id`,
      [volunteerId, ...statuses]);
  }

  /**
   * Takes a held seat back inside the caller's transaction, in the lock order of a claim and of 谢绝/退出: the request row
   * is locked first and must still be open (or filled), then the seat moves to `to` and the request gives it back and
   * reopens. The request and the status it had, or null when either moved on meanwhile (left alone); `outOfStep` is
   * thrown when the seat moved but the counter did not.
   */
  async takeSeatBack(
    m: EntityManager, seat: HeldSeat, to: AssignmentStatus, outOfStep: () => Error,
  ): Promise<{ row: HelpRequestEntity; fromStatus: HelpRequestStatus } | null> {
    const requestId = Number(seat.requestId);
    const [locked]: { status: HelpRequestStatus }[] = await m.query(`SELECT status FROM help_requests WHERE id = ?${this.db.forUpdate}`, [requestId]);
    if (!locked || (locked.status !== 'open' && locked.status !== 'filled')) return null;
    if (!(await this.moveSeat(m, Number(seat.id), [seat.status], to))) return null;
    if (!(await this.giveSeatBack(m, requestId))) throw outOfStep();
    return { row: (await this.find(requestId, m))!, fromStatus: locked.status };
  }

  /** Appends to the history; returns the event's id. */
  insertEvent(m: EntityManager, e: NewHelpEvent): Promise<number> {
    return this.db.insert(m, INSERT_EVENT_SQL, [
      e.requestId, e.actorId, e.actorRole, e.type, e.fromStatus, e.toStatus, e.volunteerId ?? null, e.note ?? null, this.db.dateParam(new Date()),
    ]);
  }

  events(requestId: number): Promise<HelpRequestEventEntity[]> {
    return this.db.manager.find(HelpRequestEventEntity, { where: { requestId }, order: { id: 'ASC' } });
  }

  /** Volunteers holding a seat (dispatched or accepted). */
  async seatedIds(m: EntityManager, requestId: number, statuses: AssignmentStatus[] = ['dispatched', 'accepted']): Promise<number[]> {
    const rows = await m.find(HelpRequestAssignmentEntity, { where: { requestId, status: In(statuses) }, select: { volunteerId: true } });
    return rows.map((r) => Number(r.volunteerId));
  }

  staffIds(m: EntityManager, communityId: number): Promise<number[]> {
    return m.find(UserEntity, { where: { role: 'community_staff', communityId }, select: { id: true } }).then((u) => u.map((x) => x.id));
  }

  /** Names for a batch of requests (one query per kind, not per row). */
  async names(rows: HelpRequestEntity[]): Promise<Map<number, HelpRequestNames>> {
    const out = new Map<number, HelpRequestNames>();
    if (!rows.length) return out;
    const m = this.db.manager;
    const seats = await m.find(HelpRequestAssignmentEntity, { where: { requestId: In(rows.map((r) => r.id)) }, order: { id: 'ASC' } });
    const userIds = [...new Set([...rows.map((r) => r.requesterId ?? r.postedBy), ...seats.map((s) => s.volunteerId)])];
    const users = new Map((await m.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    const communities = new Map((await m.find(CommunityEntity, { where: { id: In([...new Set(rows.map((r) => r.communityId))]) } })).map((c) => [c.id, c.name]));
    const grids = new Map((await m.find(GridEntity, { where: { id: In([...new Set(rows.map((r) => r.gridId))]) } })).map((g) => [g.id, g.name]));
    const units = await m.find(UnitEntity, { where: { id: In([...new Set(rows.map((r) => r.unitId))]) } });
    const buildings = new Map((await m.find(BuildingEntity, { where: { id: In([...new Set(units.map((u) => u.buildingId))]) } })).map((b) => [b.id, b.name]));
    const unitLabels = new Map(units.map((u) => [u.id, `${buildings.get(u.buildingId) ?? ''} ${u.name}`.trim()]));
    for (const r of rows) {
      out.set(r.id, {
        requesterName: users.get(r.requesterId ?? r.postedBy) ?? '',
        communityName: communities.get(r.communityId) ?? '',
        gridName: grids.get(r.gridId) ?? '',
        unitLabel: `${communities.get(r.communityId) ?? ''} ${unitLabels.get(r.unitId) ?? ''}`.trim(),
        seats: seats.filter((s) => s.requestId === r.id).map((s) => ({ userId: s.volunteerId, name: users.get(s.volunteerId) ?? '', status: s.status })),
      });
    }
    return out;
  }
}
