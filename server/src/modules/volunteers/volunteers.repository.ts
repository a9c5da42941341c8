import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { VolunteerEventType, VolunteerStatus } from '../../../../contracts/volunteers.constants';
import type { VolunteerEventItem, VolunteerItem } from '../../../../contracts/volunteers.contract';
import { notFound } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';
import { VolunteerEventEntity } from './volunteer-event.entity';
import { VolunteerEntity } from './volunteers.entities';
import { toVolunteerEventItem, toVolunteerItem } from './volunteers.mapper';

export const volunteerNotFound = () => notFound(ErrorCode.VOLUNTEER_NOT_FOUND, '没有找到这位志愿者');

/** The staff member's area for volunteers: community staff their community, street admins their street. */
export type VolunteerArea = { communityId: number } | { streetId: number };
export function volunteerAreaOf(me: UserEntity): VolunteerArea | null {
  if (me.role === 'community_staff' && me.communityId) return { communityId: me.communityId };
  if (me.role === 'street_admin' && me.streetId) return { streetId: me.streetId };
  return null;
}

export interface NewVolunteerEvent {
  volunteerId: number;
  actor: Pick<UserEntity, 'id' | 'role'>;
  type: VolunteerEventType;
  fromStatus: VolunteerStatus | null;
  toStatus: VolunteerStatus;
  note?: string | null;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** Volunteer rows: one in the caller's area, their history, and the response items (one query per kind, not per row). */
@Injectable()
export class VolunteersRepository {
  constructor(private readonly db: DatabaseService) {}

  /** A volunteer of the staff member's area; 404 for anyone else (no hint that it exists). */
  async inArea(m: EntityManager, me: UserEntity, id: number): Promise<VolunteerEntity> {
    const area = volunteerAreaOf(me);
    const v = area ? await m.findOne(VolunteerEntity, { where: { id, ...area } }) : null;
    if (!v) throw volunteerNotFound();
    return v;
  }

  async insertEvent(m: EntityManager, e: NewVolunteerEvent): Promise<void> {
    await m.insert(VolunteerEventEntity, {
      volunteerId: e.volunteerId, actorId: e.actor.id, actorRole: e.actor.role, type: e.type, fromStatus: e.fromStatus, toStatus: e.toStatus,
      note: e.note ?? null, createdAt: new Date(),
    });
  }

  async history(m: EntityManager, volunteerId: number): Promise<VolunteerEventItem[]> {
    const events = await m.find(VolunteerEventEntity, { where: { volunteerId }, order: { id: 'ASC' } });
    const ids = [...new Set(events.map((e) => Number(e.actorId)))];
    const users = ids.length ? await m.find(UserEntity, { where: { id: In(ids) }, select: { id: true, name: true } }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return events.map((e) => toVolunteerEventItem(e, names.get(Number(e.actorId)) ?? ''));
  }

  /**
   * Response items: name and masked phone, teams, the teams they lead, tasks in hand (accepted seats on requests
   * still open or filled), dispatches awaiting their answer, sign-ups for activities not started yet, and the latest
   * suspension reason.
   */
  async items(m: EntityManager, rows: VolunteerEntity[]): Promise<VolunteerItem[]> {
    if (!rows.length) return [];
    const userIds = rows.map((r) => Number(r.userId));
    const users = await m.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true, phone: true } });
    const links: { user_id: number; id: number; name: string }[] = await m.query(
      `SELECT mb.user_id, t.id, t.name FROM volunteer_team_members mb JOIN volunteer_teams t ON t.id = mb.team_id
       WHERE mb.user_id IN (${marks(userIds.length)}) ORDER BY t.id`, userIds);
    const led: { leader_user_id: number; id: number; name: string }[] = await m.query(
      `SELECT leader_user_id, id, name FROM volunteer_teams WHERE leader_user_id IN (${marks(userIds.length)}) ORDER BY id`, userIds);
    const seats: { volunteer_id: number; status: string; n: number }[] = await m.query(
      `SELECT a.volunteer_id, a.status, COUNT(*) AS n FROM help_request_assignments a JOIN help_requests r ON r.id = a.request_id
       WHERE a.volunteer_id IN (${marks(userIds.length)}) AND a.status IN ('dispatched', 'accepted') AND r.status IN ('open', 'filled')
       GROUP BY a.volunteer_id, a.status`, userIds);
    const upcoming: { user_id: number; n: number }[] = await m.query(
      `SELECT s.user_id, COUNT(*) AS n FROM team_activity_signups s JOIN team_activities a ON a.id = s.activity_id
       WHERE s.user_id IN (${marks(userIds.length)}) AND s.status = 'signed_up' AND s.checked_in_at IS NULL AND a.status = 'open' AND a.starts_at > ?
       GROUP BY s.user_id`, [...userIds, this.db.dateParam(new Date())]);
    const reasons = await this.suspendReasons(m, rows.filter((r) => r.status === 'suspended').map((r) => Number(r.id)));
    const byUser = new Map(users.map((u) => [u.id, u]));
    const count = (userId: number, status: string) => Number(seats.find((s) => Number(s.volunteer_id) === userId && s.status === status)?.n ?? 0);
    const teamsOf = (list: { id: number; name: string }[]) => list.map((l) => ({ id: Number(l.id), name: l.name }));
    return rows.map((v) => {
      const userId = Number(v.userId);
      return toVolunteerItem(v, byUser.get(userId) ?? { name: '', phone: null }, {
        teams: teamsOf(links.filter((l) => Number(l.user_id) === userId)),
        leads: teamsOf(led.filter((l) => Number(l.leader_user_id) === userId)),
        tasksInHand: count(userId, 'accepted'),
        pendingDispatches: count(userId, 'dispatched'),
        upcomingSignUps: Number(upcoming.find((u) => Number(u.user_id) === userId)?.n ?? 0),
        suspendReason: v.status === 'suspended' ? reasons.get(Number(v.id)) ?? null : null,
      });
    });
  }

  /** The note of each volunteer's latest suspension. */
  private async suspendReasons(m: EntityManager, volunteerIds: number[]): Promise<Map<number, string | null>> {
    if (!volunteerIds.length) return new Map();
    const events = await m.find(VolunteerEventEntity, { where: { volunteerId: In(volunteerIds), type: 'suspended' }, order: { id: 'ASC' } });
    return new Map(events.map((e) => [Number(e.volunteerId), e.note]));
  }
}
