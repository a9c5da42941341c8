import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type { SetTeamLeaderRequest, StaffTeamItem, TeamMemberItem, VolunteerTeamItem } from '../../../../contracts/volunteers.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException, notFound } from '../../common/domain-exception';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { UserEntity } from '../users/user.entity';
import { maskPhone } from '../users/users.mapper';
import { VolunteerTeamEntity } from './volunteers.entities';

const teamNotFound = () => notFound(ErrorCode.VOLUNTEER_TEAM_NOT_FOUND, '没有找到这支队伍');
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * Who sees each team's 队长 (with whether their service is suspended) and may be able to appoint one: those who manage
 * volunteers. Anyone else (a resident choosing teams to apply to, a grid worker) gets the teams without their leader,
 * so a volunteer's suspension is not shown to their neighbours.
 */
const seesLeaders = (me: UserEntity) => me.role === 'community_staff' || me.role === 'street_admin';

/** Community staff appoint leaders of their community's teams; a street admin of any team of the street. */
export function canAppointLeader(me: UserEntity, t: Pick<VolunteerTeamEntity, 'streetId' | 'communityId'>): boolean {
  if (me.role === 'street_admin') return !!me.streetId && t.streetId === me.streetId;
  if (me.role === 'community_staff') return !!me.communityId && t.communityId === me.communityId;
  return false;
}

/**
 * 小红帽 teams (队伍): the list (with the member count; for staff also the 队长), the members staff choose a leader
 * from, and appointing or clearing the leader. A leader is an approved member of the team: the UPDATE itself checks
 * that, so a member suspended or removed a moment earlier cannot become leader.
 */
@Injectable()
export class VolunteerTeamsService {
  constructor(private readonly db: DatabaseService, private readonly notifications: NotificationsService) {}

  /** Teams of the caller's community and street (street admins: every team of the street). */
  async list(auth: AuthClaims): Promise<VolunteerTeamItem[]> {
    const m = this.db.manager;
    const me = await loadCurrentUser(m, auth.sub);
    if (!me.streetId) return [];
    const teams = await m.find(VolunteerTeamEntity, {
      // Retired (停用, issue 10 setup) teams are no longer offered; their members and hours stay.
      where: me.communityId
        ? [{ streetId: me.streetId, communityId: IsNull(), retiredAt: IsNull() }, { streetId: me.streetId, communityId: me.communityId, retiredAt: IsNull() }]
        : { streetId: me.streetId, retiredAt: IsNull() },
      order: { id: 'ASC' },
    });
    return seesLeaders(me) ? this.staffItems(m, me, teams) : this.items(m, teams);
  }

  /** Approved members of a team the caller manages (the people who may be appointed leader). */
  async members(auth: AuthClaims, teamId: number): Promise<TeamMemberItem[]> {
    const m = this.db.manager;
    const me = await loadCurrentUser(m, auth.sub);
    const team = await this.managed(m, me, teamId);
    const rows: { user_id: number; name: string; phone: string | null }[] = await m.query(
      `SELECT mb.user_id, u.name, u.phone FROM volunteer_team_members mb JOIN volunteers v ON v.user_id = mb.user_id AND v.status = 'approved'
       JOIN users u ON u.id = mb.user_id WHERE mb.team_id = ? ORDER BY u.name, mb.user_id LIMIT 500`, [teamId]);
    return rows.map((r) => ({ userId: Number(r.user_id), name: r.name, phone: maskPhone(r.phone), isLeader: Number(r.user_id) === Number(team.leaderUserId) }));
  }

  /** Appoints the team's 队长 (an approved member) or clears it (null); the new and the former leader are told. */
  async setLeader(auth: AuthClaims, teamId: number, body: SetTeamLeaderRequest): Promise<StaffTeamItem> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const team = await this.managed(this.db.manager, me, teamId);
    await this.db.transaction(async (m) => {
      // The former leader, by a locking read: of two staff appointing at once, the second sees the first one's choice
      // (and tells that person), so the leader before both is told once.
      const [locked]: { leader: number | null }[] = await m.query(`SELECT leader_user_id AS leader FROM volunteer_teams WHERE id = ?${this.db.forUpdate}`, [teamId]);
      const before = locked && locked.leader !== null ? Number(locked.leader) : null;
      if (body.userId === null) {
        await m.update(VolunteerTeamEntity, { id: teamId }, { leaderUserId: null });
      } else {
        const r = await m.createQueryBuilder().update(VolunteerTeamEntity).set({ leaderUserId: body.userId })
          .where(`id = :teamId AND EXISTS (SELECT 1 FROM volunteer_team_members mb JOIN volunteers v ON v.user_id = mb.user_id
                   WHERE mb.team_id = :teamId AND mb.user_id = :userId AND v.status = 'approved')`, { teamId, userId: body.userId })
          .execute();
        if (affectedRows(r) !== 1) throw await this.whyNotLeader(m, teamId, body.userId);
      }
      if (before === body.userId) return;
      if (body.userId !== null) {
        await this.notifications.notify(m, {
          userId: body.userId, type: 'volunteer.team_leader', title: `您已担任${team.name}队长`,
          body: '您可以在“志愿活动”里为本队发起活动、查看报名名单。签到、签退和记入时长由社区工作人员负责。', link: '/packages/volunteers/activities/index',
        });
      }
      if (before !== null) {
        await this.notifications.notify(m, { userId: before, type: 'volunteer.team_leader_ended', title: `您不再担任${team.name}队长`, body: '谢谢您为队伍付出的辛苦！', link: null });
      }
    });
    const fresh = await this.db.manager.findOneOrFail(VolunteerTeamEntity, { where: { id: teamId } });
    return (await this.staffItems(this.db.manager, me, [fresh]))[0];
  }

  private async whyNotLeader(m: EntityManager, teamId: number, userId: number): Promise<DomainException> {
    const [member] = await m.query('SELECT id FROM volunteer_team_members WHERE team_id = ? AND user_id = ?', [teamId, userId]);
    if (!member) return new DomainException(ErrorCode.TEAM_LEADER_NOT_MEMBER, 422, '队长要从本队队员中选，这位居民不是本队队员');
    return conflict(ErrorCode.TEAM_LEADER_NOT_APPROVED, '这位队员现在不是审核通过的志愿者（可能已暂停），不能担任队长');
  }

  /** A team the caller may appoint the leader of; 404 otherwise (community staff asking about another community's team, too). */
  private async managed(m: EntityManager, me: UserEntity, teamId: number): Promise<VolunteerTeamEntity> {
    const team = await m.findOne(VolunteerTeamEntity, { where: { id: teamId } });
    if (!team || !canAppointLeader(me, team)) throw teamNotFound();
    return team;
  }

  /** Teams with their count of approved members (one grouped query). */
  private async items(m: EntityManager, teams: VolunteerTeamEntity[]): Promise<VolunteerTeamItem[]> {
    if (!teams.length) return [];
    const ids = teams.map((t) => t.id);
    const counts: { team_id: number; n: number }[] = await m.query(
      `SELECT mb.team_id, COUNT(*) AS n FROM volunteer_team_members mb JOIN volunteers v ON v.user_id = mb.user_id AND v.status = 'approved'
       WHERE mb.team_id IN (${marks(ids.length)}) GROUP BY mb.team_id`, ids);
    const byTeam = new Map(counts.map((c) => [Number(c.team_id), Number(c.n)]));
    return teams.map((t) => ({ id: t.id, name: t.name, level: t.level, communityId: t.communityId, memberCount: byTeam.get(t.id) ?? 0 }));
  }

  /** Teams as staff see them: with the 队长 (active: approved now) and whether the caller may appoint one. */
  private async staffItems(m: EntityManager, me: UserEntity, teams: VolunteerTeamEntity[]): Promise<StaffTeamItem[]> {
    const base = await this.items(m, teams);
    const leaderIds = [...new Set(teams.flatMap((t) => (t.leaderUserId === null ? [] : [Number(t.leaderUserId)])))];
    const leaders: { id: number; name: string; status: string | null }[] = leaderIds.length
      ? await m.query(`SELECT u.id, u.name, v.status FROM users u LEFT JOIN volunteers v ON v.user_id = u.id WHERE u.id IN (${marks(leaderIds.length)})`, leaderIds)
      : [];
    const byLeader = new Map(leaders.map((l) => [Number(l.id), l]));
    return teams.map((t, i) => {
      const l = t.leaderUserId === null ? undefined : byLeader.get(Number(t.leaderUserId));
      return { ...base[i], leader: l ? { userId: Number(l.id), name: l.name, active: l.status === 'approved' } : null, canAppoint: canAppointLeader(me, t) };
    });
  }
}
