import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { ActivityItem, Attendee, CreateActivityRequest, CreditActivityResponse } from '../../../../contracts/timebank.contract';
import { conflict, DomainException, forbidden, notFound } from '../../common/domain-exception';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { toIso } from '../../common/time';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { ResolutionLinks } from '../deliberation/deliberation-resolution-links';
import { isApprovedVolunteer, notVolunteer, residentCommunity } from './timebank-access';
import { retryDeadlock } from '../../database/database.service';
import { execAffected as exec, LEDGER_RETRIES } from './timebank-ledger.repository';
import { TeamActivityEntity, TeamActivitySignupEntity } from './timebank.entities';
import { TimebankService } from './timebank.service';

const activityNotFound = () => notFound(ErrorCode.ACTIVITY_NOT_FOUND, '没有找到这个活动');
const stateConflict = (msg: string) => conflict(ErrorCode.ACTIVITY_STATE_CONFLICT, msg);
const notLeader = () => forbidden('只有队长或社区工作人员可以发起活动');
const MAX_CREDIT_MINUTES = 720;

/** Whether the user is the 队长 of the team and an approved volunteer now (a suspended leader cannot act as one). */
async function isActiveLeader(m: EntityManager, teamId: number, userId: number): Promise<boolean> {
  const rows = (await m.query(
    "SELECT t.id FROM volunteer_teams t JOIN volunteers v ON v.user_id = t.leader_user_id AND v.status = 'approved' WHERE t.id = ? AND t.leader_user_id = ?",
    [teamId, userId],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * 团队活动: create (optionally from a 议事亭 resolution of the community), sign up (slots by a conditional UPDATE),
 * check in/out, credit everyone checked in once.
 */
@Injectable()
export class TeamActivitiesService {
  constructor(private readonly db: DatabaseService, private readonly ledger: TimebankService, private readonly resolutions: ResolutionLinks) {}

  async create(userId: number, b: CreateActivityRequest): Promise<ActivityItem> {
    return this.db.transaction(async (m) => {
      const { user, communityId, streetId } = await residentCommunity(m, userId);
      const startsAt = new Date(b.startsAt);
      const endsAt = new Date(b.endsAt);
      if (endsAt <= startsAt) throw new DomainException(ErrorCode.ACTIVITY_TIME_INVALID, 422, '结束时间要晚于开始时间');
      const staff = user.role === 'community_staff';
      if (b.teamId !== null) {
        const [team] = await m.query('SELECT id, community_id AS c, street_id AS s FROM volunteer_teams WHERE id = ?', [b.teamId]);
        const ours = team && (Number(team.c) === communityId || (team.c === null && Number(team.s) === streetId));
        if (!ours) throw new DomainException(ErrorCode.ACTIVITY_TEAM_INVALID, 422, '没有找到这支队伍');
        if (!staff && !(await isActiveLeader(m, b.teamId, userId))) throw notLeader();
      } else if (!staff) throw notLeader();
      // By default each attendee is credited the activity's length; a leader may not credit more than that.
      const lengthMinutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
      const creditMinutes = b.creditMinutes ?? Math.max(15, Math.min(MAX_CREDIT_MINUTES, lengthMinutes));
      if (!staff && creditMinutes > Math.max(15, lengthMinutes)) {
        throw new DomainException(ErrorCode.ACTIVITY_CREDIT_TOO_LONG, 422, '队长发起的活动，每人记入的时长不能超过活动本身的时长');
      }
      const now = new Date();
      const a = await m.save(m.create(TeamActivityEntity, {
        communityId, streetId, teamId: b.teamId, title: b.title, description: b.description, place: b.place, startsAt, endsAt, slots: b.slots, taken: 0,
        creditMinutes, status: 'open', creditedAt: null, creditedBy: null, createdBy: userId, createdAt: now, updatedAt: now, resolutionId: b.resolutionId ?? null,
      }));
      // 来自议事决议: the resolution must be of this community (else 404, all of this rolled back); its history says so.
      if (b.resolutionId !== undefined) {
        await this.resolutions.recordActivity(m, { resolutionId: b.resolutionId, communityId, activityTitle: b.title, byUserId: userId, at: now });
      }
      return this.item(m, a, userId);
    });
  }

  async list(userId: number): Promise<ActivityItem[]> {
    const m = this.db.manager;
    const { communityId } = await residentCommunity(m, userId);
    const rows = await m.find(TeamActivityEntity, { where: { communityId }, order: { startsAt: 'DESC' }, take: 100 });
    return this.items(m, rows, userId);
  }

  async get(userId: number, id: number): Promise<ActivityItem> {
    const m = this.db.manager;
    const { communityId } = await residentCommunity(m, userId);
    return this.item(m, await this.own(m, communityId, id), userId);
  }

  /** Takes a slot (`taken < slots`) and inserts the sign-up (unique activity + user), or revives a withdrawn one. */
  async signUp(userId: number, id: number): Promise<ActivityItem> {
    return this.db.transaction(async (m) => {
      const { communityId } = await residentCommunity(m, userId);
      const a = await this.own(m, communityId, id); // a plain read: 404 for an activity that is not there
      // The volunteer's row next, locked (as a suspension takes it first): no sign-up slips past a suspension committing now.
      if (!(await isApprovedVolunteer(m, userId, communityId, this.db.forUpdate))) throw notVolunteer();
      if (a.status !== 'open' || a.startsAt.getTime() <= Date.now()) throw stateConflict('活动已开始或已结束，不能报名');
      const took = await exec(m, "UPDATE team_activities SET taken = taken + 1 WHERE id = ? AND status = 'open' AND taken < slots", [id]);
      if (took !== 1) throw conflict(ErrorCode.ACTIVITY_FULL, '名额已满');
      const revived = await exec(m, "UPDATE team_activity_signups SET status = 'signed_up' WHERE activity_id = ? AND user_id = ? AND status = 'cancelled'", [id, userId]);
      if (revived !== 1) {
        try {
          await m.insert(TeamActivitySignupEntity, {
            activityId: id, userId, status: 'signed_up', checkedInAt: null, checkedInBy: null, checkedOutAt: null, checkedOutBy: null, attendance: null, createdAt: new Date(),
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict(ErrorCode.ACTIVITY_ALREADY_SIGNED_UP, '您已经报名了');
          throw err;
        }
      }
      return this.item(m, await this.own(m, communityId, id), userId);
    });
  }

  async withdraw(userId: number, id: number): Promise<ActivityItem> {
    return this.db.transaction(async (m) => {
      const { communityId } = await residentCommunity(m, userId);
      const a = await this.own(m, communityId, id);
      if (a.status !== 'open' || a.startsAt.getTime() <= Date.now()) throw stateConflict('活动已开始，不能取消报名');
      const gone = await exec(m, "UPDATE team_activity_signups SET status = 'cancelled' WHERE activity_id = ? AND user_id = ? AND status = 'signed_up' AND checked_in_at IS NULL", [id, userId]);
      if (gone !== 1) throw notFound(ErrorCode.ACTIVITY_SIGNUP_NOT_FOUND, '您没有报名这个活动');
      await exec(m, 'UPDATE team_activities SET taken = taken - 1 WHERE id = ? AND taken > 0', [id]);
      return this.item(m, await this.own(m, communityId, id), userId);
    });
  }

  /**
   * A volunteer is suspended (volunteer-status.service.ts, inside that transaction `m`): their sign-ups for activities
   * that have not started yet are cancelled and each slot is given back (sign-up row first, then the activity — the
   * order of 取消报名), so they cannot be checked in and credited meanwhile. Activities under way or over are left as
   * they are. Returns how many sign-ups were cancelled.
   */
  async releaseUpcomingSignUps(m: EntityManager, userId: number, now: Date): Promise<number> {
    const rows = (await m.query(
      `SELECT s.id, s.activity_id AS activityId FROM team_activity_signups s JOIN team_activities a ON a.id = s.activity_id
        WHERE s.user_id = ? AND s.status = 'signed_up' AND s.checked_in_at IS NULL AND a.status = 'open' AND a.starts_at > ? ORDER BY s.activity_id`,
      [userId, this.db.dateParam(now)],
    )) as { id: number; activityId: number }[];
    let released = 0;
    for (const r of rows) {
      const gone = await exec(m, "UPDATE team_activity_signups SET status = 'cancelled' WHERE id = ? AND status = 'signed_up' AND checked_in_at IS NULL", [r.id]);
      if (gone !== 1) continue;
      await exec(m, 'UPDATE team_activities SET taken = taken - 1 WHERE id = ? AND taken > 0', [r.activityId]);
      released++;
    }
    return released;
  }

  async attendees(userId: number, id: number): Promise<Attendee[]> {
    const m = this.db.manager;
    await this.managed(m, userId, id);
    const rows = (await m.query(
      `SELECT s.user_id AS userId, u.name, s.status, s.checked_in_at AS inAt, s.checked_out_at AS outAt, s.attendance
         FROM team_activity_signups s LEFT JOIN users u ON u.id = s.user_id WHERE s.activity_id = ? ORDER BY s.id`,
      [id],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({
      userId: Number(r.userId), name: String(r.name ?? ''), status: r.status as Attendee['status'], checkedInAt: toIso(r.inAt as string | null),
      checkedOutAt: toIso(r.outAt as string | null), attendance: (r.attendance as Attendee['attendance']) ?? null,
    }));
  }

  /** Check-in at the start / check-out at the end; repeated calls keep the first time. */
  async mark(staffId: number, id: number, userId: number, what: 'in' | 'out'): Promise<Attendee> {
    await this.db.transaction(async (m) => {
      const a = await this.managed(m, staffId, id);
      if (a.status !== 'open') throw stateConflict('活动已记时长或已取消');
      const at = this.db.dateParam(new Date());
      const sql = what === 'in'
        ? "UPDATE team_activity_signups SET checked_in_at = COALESCE(checked_in_at, ?), checked_in_by = COALESCE(checked_in_by, ?) WHERE activity_id = ? AND user_id = ? AND status = 'signed_up'"
        : "UPDATE team_activity_signups SET checked_out_at = COALESCE(checked_out_at, ?), checked_out_by = COALESCE(checked_out_by, ?) WHERE activity_id = ? AND user_id = ? AND status = 'signed_up' AND checked_in_at IS NOT NULL";
      if ((await exec(m, sql, [at, staffId, id, userId])) !== 1) {
        throw what === 'in' ? notFound(ErrorCode.ACTIVITY_SIGNUP_NOT_FOUND, '这位志愿者没有报名') : stateConflict('请先签到再签退');
      }
    });
    return (await this.attendees(staffId, id)).find((x) => x.userId === userId)!;
  }

  /** Credits every checked-in attendee once (the ledger's unique key); the others are recorded as no-shows. */
  async credit(staffId: number, id: number): Promise<CreditActivityResponse> {
    return retryDeadlock(() => this.db.transaction(async (m) => {
      const a = await this.managed(m, staffId, id);
      if (a.status === 'cancelled') throw stateConflict('活动已取消');
      const rows = (await m.query("SELECT user_id AS u, checked_in_at AS inAt FROM team_activity_signups WHERE activity_id = ? AND status = 'signed_up' ORDER BY user_id", [id])) as {
        u: number; inAt: unknown;
      }[];
      const noShows = rows.filter((r) => r.inAt === null).map((r) => Number(r.u));
      const attended = rows.filter((r) => r.inAt !== null).map((r) => Number(r.u));
      for (const userId of noShows) {
        await exec(m, "UPDATE team_activity_signups SET attendance = 'no_show' WHERE activity_id = ? AND user_id = ? AND attendance IS NULL", [id, userId]);
      }
      // All attendees at once: the ledger locks their rows in order, then the community pool once.
      const results = await this.ledger.creditHoursMany(m, attended.map((userId) => ({
        communityId: a.communityId, streetId: a.streetId, volunteerId: userId, minutes: a.creditMinutes, source: 'activity' as const, sourceId: a.id,
        memo: a.title, at: a.startsAt, createdBy: staffId, teamId: a.teamId,
      })));
      const credited: CreditActivityResponse['credited'] = attended.map((userId, k) => ({
        userId, creditedMinutes: results[k].creditedMinutes, cappedMinutes: results[k].cappedMinutes, duplicate: results[k].duplicate,
      }));
      for (const userId of attended) {
        await exec(m, "UPDATE team_activity_signups SET attendance = 'attended' WHERE activity_id = ? AND user_id = ? AND attendance IS NULL", [id, userId]);
      }
      await exec(m, "UPDATE team_activities SET status = 'credited', credited_at = COALESCE(credited_at, ?), credited_by = COALESCE(credited_by, ?) WHERE id = ?", [
        this.db.dateParam(new Date()), staffId, id,
      ]);
      return { activityId: id, credited, noShows };
    }), LEDGER_RETRIES);
  }

  /** Staff of the activity's community, or the leader of its team (approved now). */
  private async managed(m: EntityManager, userId: number, id: number): Promise<TeamActivityEntity> {
    const user = await loadCurrentUser(m, userId);
    const a = await m.findOne(TeamActivityEntity, { where: { id } });
    if (!a || (user.communityId !== a.communityId && user.role !== 'street_admin')) throw activityNotFound();
    if (user.role === 'community_staff') return a;
    if (a.teamId !== null && (await isActiveLeader(m, a.teamId, userId))) return a;
    throw forbidden('只有队长或社区工作人员可以管理活动');
  }

  private async own(m: EntityManager, communityId: number, id: number): Promise<TeamActivityEntity> {
    const a = await m.findOne(TeamActivityEntity, { where: { id } });
    if (!a || a.communityId !== communityId) throw activityNotFound();
    return a;
  }

  private async item(m: EntityManager, a: TeamActivityEntity, userId: number): Promise<ActivityItem> {
    return (await this.items(m, [a], userId))[0];
  }

  /** Activities with their team's name, their resolution and whether the caller signed up: one query per kind, not per activity. */
  private async items(m: EntityManager, rows: TeamActivityEntity[], userId: number): Promise<ActivityItem[]> {
    if (!rows.length) return [];
    const teamIds = [...new Set(rows.flatMap((a) => (a.teamId === null ? [] : [a.teamId])))];
    const teams = teamIds.length
      ? ((await m.query(`SELECT id, name FROM volunteer_teams WHERE id IN (${teamIds.map(() => '?').join(', ')})`, teamIds)) as { id: number; name: string }[])
      : [];
    const teamName = new Map(teams.map((t) => [Number(t.id), String(t.name)]));
    const mine = await m.find(TeamActivitySignupEntity, { where: { activityId: In(rows.map((a) => a.id)), userId, status: 'signed_up' }, select: { activityId: true } });
    const signedUp = new Set(mine.map((s) => Number(s.activityId)));
    const resolutions = await this.resolutions.refs(m, [...new Set(rows.flatMap((a) => (a.resolutionId === null ? [] : [a.resolutionId])))]);
    return rows.map((a) => ({
      id: a.id, communityId: a.communityId, teamId: a.teamId, teamName: a.teamId === null ? null : teamName.get(a.teamId) ?? null, title: a.title, description: a.description,
      place: a.place, startsAt: toIso(a.startsAt)!, endsAt: toIso(a.endsAt)!, slots: a.slots, taken: a.taken, creditMinutes: a.creditMinutes, status: a.status,
      signedUp: signedUp.has(a.id), resolution: a.resolutionId === null ? null : resolutions.get(a.resolutionId) ?? null,
    }));
  }
}
