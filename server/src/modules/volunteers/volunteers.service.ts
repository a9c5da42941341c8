import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type {
  ApplyVolunteerRequest, ApproveVolunteerRequest, DeclineVolunteerRequest, VolunteerItem, VolunteersQuery, VolunteerTeamItem,
} from '../../../../contracts/volunteers.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DomainException, conflict, notFound } from '../../common/domain-exception';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/user.entity';
import { VolunteerEntity, VolunteerTeamEntity, VolunteerTeamMemberEntity } from './volunteers.entities';
import { toVolunteerItem } from './volunteers.mapper';

const volunteerNotFound = () => notFound(ErrorCode.VOLUNTEER_NOT_FOUND, '没有找到这位志愿者');

/** Applying to volunteer (小红帽) and the community's decision. Staff see only their community (street admins: their street). */
@Injectable()
export class VolunteersService {
  constructor(private readonly db: DatabaseService, private readonly notifications: NotificationsService) {}

  async teams(auth: AuthClaims): Promise<VolunteerTeamItem[]> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    if (!me.streetId) return [];
    const teams = await this.db.manager.find(VolunteerTeamEntity, {
      where: me.communityId ? [{ streetId: me.streetId, communityId: IsNull() }, { streetId: me.streetId, communityId: me.communityId }] : { streetId: me.streetId },
      order: { id: 'ASC' },
    });
    const counts: { team_id: number; n: number }[] = teams.length
      ? await this.db.manager.query(
        `SELECT m.team_id, COUNT(*) AS n FROM volunteer_team_members m JOIN volunteers v ON v.user_id = m.user_id AND v.status = 'approved'
         WHERE m.team_id IN (${teams.map(() => '?').join(',')}) GROUP BY m.team_id`, teams.map((t) => t.id))
      : [];
    const byTeam = new Map(counts.map((c) => [Number(c.team_id), Number(c.n)]));
    return teams.map((t) => ({ id: t.id, name: t.name, level: t.level, communityId: t.communityId, memberCount: byTeam.get(t.id) ?? 0 }));
  }

  async apply(auth: AuthClaims, body: ApplyVolunteerRequest): Promise<VolunteerItem> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    if (!me.communityId || !me.streetId) throw new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先在“我的”里选择您居住的单元，再报名志愿者');
    const teamIds = [...new Set(body.teamIds)];
    const teams = teamIds.length ? await this.db.manager.find(VolunteerTeamEntity, { where: { id: In(teamIds), streetId: me.streetId } }) : [];
    if (teams.length !== teamIds.length || teams.some((t) => t.communityId !== null && t.communityId !== me.communityId)) {
      throw new DomainException(ErrorCode.VOLUNTEER_TEAM_INVALID, 422, '只能加入本社区或本街道的志愿服务队');
    }
    const now = new Date();
    const fields = { skills: [...new Set(body.skills)].join(','), availability: [...new Set(body.availability)].join(','), intro: body.intro ?? null };
    await this.db.transaction(async (m) => {
      const existing = await m.findOne(VolunteerEntity, { where: { userId: me.id } });
      if (existing) {
        // Applying again is allowed after a decline only; the conditional update makes two retries one.
        const r = await m.update(VolunteerEntity, { id: existing.id, status: 'declined', version: existing.version }, {
          ...fields, status: 'applied', communityId: me.communityId!, streetId: me.streetId!, declineReason: null, decidedBy: null, decidedAt: null,
          version: existing.version + 1, updatedAt: now,
        });
        if (affectedRows(r) !== 1) throw conflict(ErrorCode.VOLUNTEER_ALREADY_APPLIED, '您已经报名过志愿者了');
      } else {
        try {
          await m.insert(VolunteerEntity, { userId: me.id, streetId: me.streetId!, communityId: me.communityId!, status: 'applied', ...fields, declineReason: null, decidedBy: null, decidedAt: null, version: 1, createdAt: now, updatedAt: now });
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict(ErrorCode.VOLUNTEER_ALREADY_APPLIED, '您已经报名过志愿者了');
          throw err;
        }
      }
      await m.delete(VolunteerTeamMemberEntity, { userId: me.id });
      for (const t of teams) await m.insert(VolunteerTeamMemberEntity, { teamId: t.id, userId: me.id, createdAt: now });
      const staff = await m.find(UserEntity, { where: { role: 'community_staff', communityId: me.communityId! }, select: { id: true } });
      for (const s of staff) {
        await this.notifications.notify(m, { userId: s.id, type: 'volunteer.applied', title: '新的志愿者报名', body: `${me.name} 报名成为志愿者，请审核`, link: '/packages/volunteers/staff-approve/index' });
      }
    });
    return this.mine(auth);
  }

  async mine(auth: AuthClaims): Promise<VolunteerItem> {
    const v = await this.db.manager.findOne(VolunteerEntity, { where: { userId: auth.sub } });
    if (!v) throw notFound(ErrorCode.VOLUNTEER_NOT_FOUND, '您还没有报名志愿者');
    return (await this.items(this.db.manager, [v]))[0];
  }

  async list(auth: AuthClaims, q: VolunteersQuery): Promise<VolunteerItem[]> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = this.areaOf(me);
    if (!area) return [];
    const rows = await this.db.manager.find(VolunteerEntity, { where: { ...area, ...(q.status ? { status: q.status } : {}) }, order: { id: 'DESC' }, take: 200 });
    return this.items(this.db.manager, rows);
  }

  async approve(auth: AuthClaims, id: number, body: ApproveVolunteerRequest): Promise<VolunteerItem> {
    return this.decide(auth, id, body.version, 'approved', null);
  }

  async decline(auth: AuthClaims, id: number, body: DeclineVolunteerRequest): Promise<VolunteerItem> {
    return this.decide(auth, id, body.version, 'declined', body.reason);
  }

  private async decide(auth: AuthClaims, id: number, version: number | undefined, status: 'approved' | 'declined', reason: string | null): Promise<VolunteerItem> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = this.areaOf(me);
    const v = area ? await this.db.manager.findOne(VolunteerEntity, { where: { id, ...area } }) : null;
    if (!v) throw volunteerNotFound();
    if (version !== undefined && version !== Number(v.version)) throw conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这份报名已被更新，请刷新后再试', { version: Number(v.version) });
    const now = new Date();
    await this.db.transaction(async (m) => {
      const r = await m.update(VolunteerEntity, { id, status: 'applied', version: v.version }, {
        status, declineReason: reason, decidedBy: me.id, decidedAt: now, version: Number(v.version) + 1, updatedAt: now,
      });
      if (affectedRows(r) !== 1) throw conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这份报名已经处理过了', { status: v.status });
      await this.notifications.notify(m, status === 'approved'
        ? { userId: v.userId, type: 'volunteer.approved', title: '志愿者报名已通过', body: '欢迎加入小红帽志愿服务队！现在可以在接单大厅接单了', link: '/packages/volunteers/hall/index' }
        : { userId: v.userId, type: 'volunteer.declined', title: '志愿者报名未通过', body: `原因：${reason}`, link: '/packages/volunteers/apply/index' });
    });
    const fresh = await this.db.manager.findOneOrFail(VolunteerEntity, { where: { id } });
    return (await this.items(this.db.manager, [fresh]))[0];
  }

  private areaOf(me: UserEntity): { communityId: number } | { streetId: number } | null {
    if (me.role === 'community_staff' && me.communityId) return { communityId: me.communityId };
    if (me.role === 'street_admin' && me.streetId) return { streetId: me.streetId };
    return null;
  }

  private async items(m: EntityManager, rows: VolunteerEntity[]): Promise<VolunteerItem[]> {
    if (!rows.length) return [];
    const userIds = rows.map((r) => r.userId);
    const users = await m.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, name: true, phone: true } });
    const links: { user_id: number; id: number; name: string }[] = await m.query(
      `SELECT mb.user_id, t.id, t.name FROM volunteer_team_members mb JOIN volunteer_teams t ON t.id = mb.team_id
       WHERE mb.user_id IN (${userIds.map(() => '?').join(',')}) ORDER BY t.id`, userIds);
    const byUser = new Map(users.map((u) => [u.id, u]));
    return rows.map((v) => toVolunteerItem(v, byUser.get(v.userId) ?? { name: '', phone: null },
      links.filter((l) => Number(l.user_id) === v.userId).map((l) => ({ id: Number(l.id), name: l.name }))));
  }
}
