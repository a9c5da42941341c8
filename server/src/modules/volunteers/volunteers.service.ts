import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import type {
  ApplyVolunteerRequest, ApproveVolunteerRequest, DeclineVolunteerRequest, VolunteerEventItem, VolunteerItem, VolunteersQuery,
} from '../../../../contracts/volunteers.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DomainException, conflict, notFound } from '../../common/domain-exception';
import { affectedRows, DatabaseService, isUniqueViolation } from '../../database/database.service';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/user.entity';
import { VolunteerEntity, VolunteerTeamEntity, VolunteerTeamMemberEntity } from './volunteers.entities';
import { volunteerAreaOf, VolunteersRepository } from './volunteers.repository';

/** Applying to volunteer (小红帽) and the community's decision. Staff see only their community (street admins: their street). */
@Injectable()
export class VolunteersService {
  constructor(
    private readonly db: DatabaseService, private readonly notifications: NotificationsService, private readonly volunteers: VolunteersRepository,
    private readonly audit: AuditService,
  ) {}

  async apply(auth: AuthClaims, body: ApplyVolunteerRequest): Promise<VolunteerItem> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    if (!me.communityId || !me.streetId) throw new DomainException(ErrorCode.UNIT_REQUIRED, 422, '请先在“我的”里选择您居住的单元，再报名志愿者');
    const teamIds = [...new Set(body.teamIds)];
    const teams = teamIds.length ? await this.db.manager.find(VolunteerTeamEntity, { where: { id: In(teamIds), streetId: me.streetId, retiredAt: IsNull() } }) : [];
    if (teams.length !== teamIds.length || teams.some((t) => t.communityId !== null && t.communityId !== me.communityId)) {
      throw new DomainException(ErrorCode.VOLUNTEER_TEAM_INVALID, 422, '只能加入本社区或本街道的志愿服务队');
    }
    const now = new Date();
    const fields = { skills: [...new Set(body.skills)].join(','), availability: [...new Set(body.availability)].join(','), intro: body.intro ?? null };
    await this.db.transaction(async (m) => {
      const existing = await m.findOne(VolunteerEntity, { where: { userId: me.id } });
      let volunteerId: number;
      if (existing) {
        // Applying again is allowed after a decline only; the conditional update makes two retries one.
        const r = await m.update(VolunteerEntity, { id: existing.id, status: 'declined', version: existing.version }, {
          ...fields, status: 'applied', communityId: me.communityId!, streetId: me.streetId!, declineReason: null, decidedBy: null, decidedAt: null,
          version: existing.version + 1, updatedAt: now,
        });
        if (affectedRows(r) !== 1) throw conflict(ErrorCode.VOLUNTEER_ALREADY_APPLIED, '您已经报名过志愿者了');
        volunteerId = existing.id;
      } else {
        try {
          const r = await m.insert(VolunteerEntity, { userId: me.id, streetId: me.streetId!, communityId: me.communityId!, status: 'applied', ...fields, declineReason: null, decidedBy: null, decidedAt: null, version: 1, createdAt: now, updatedAt: now });
          volunteerId = Number(r.identifiers[0].id);
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict(ErrorCode.VOLUNTEER_ALREADY_APPLIED, '您已经报名过志愿者了');
          throw err;
        }
      }
      await this.volunteers.insertEvent(m, { volunteerId, actor: me, type: 'applied', fromStatus: existing ? 'declined' : null, toStatus: 'applied' });
      await m.delete(VolunteerTeamMemberEntity, { userId: me.id });
      for (const t of teams) await m.insert(VolunteerTeamMemberEntity, { teamId: t.id, userId: me.id, createdAt: now });
      const staff = await m.find(UserEntity, { where: { role: 'community_staff', communityId: me.communityId! }, select: { id: true } });
      for (const s of staff) {
        await this.notifications.notify(m, { userId: s.id, type: 'volunteer.applied', title: '新的志愿者报名', body: `${me.name} 报名成为志愿者，请审核`, link: '/packages/vol-staff/volunteers/index' });
      }
    });
    return this.mine(auth);
  }

  /** My application, with the teams I lead (队长) and, when suspended, why. */
  async mine(auth: AuthClaims): Promise<VolunteerItem> {
    const v = await this.db.manager.findOne(VolunteerEntity, { where: { userId: auth.sub } });
    if (!v) throw notFound(ErrorCode.VOLUNTEER_NOT_FOUND, '您还没有报名志愿者');
    return (await this.volunteers.items(this.db.manager, [v]))[0];
  }

  async list(auth: AuthClaims, q: VolunteersQuery): Promise<VolunteerItem[]> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = volunteerAreaOf(me);
    if (!area) return [];
    const rows = await this.db.manager.find(VolunteerEntity, { where: { ...area, ...(q.status ? { status: q.status } : {}) }, order: { id: 'DESC' }, take: 200 });
    const items = await this.volunteers.items(this.db.manager, rows);
    await this.audit.recordPersonalDataReads(me, items.map((i) => i.userId), '志愿者名单（姓名、电话、技能、空闲时间）');
    return items;
  }

  /** A volunteer's history (staff of their area). */
  async history(auth: AuthClaims, id: number): Promise<VolunteerEventItem[]> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const v = await this.volunteers.inArea(this.db.manager, me, id);
    const events = await this.volunteers.history(this.db.manager, v.id);
    await this.audit.recordPersonalDataReads(me, [Number(v.userId)], '志愿者档案与经历');
    return events;
  }

  async approve(auth: AuthClaims, id: number, body: ApproveVolunteerRequest): Promise<VolunteerItem> {
    return this.decide(auth, id, body.version, 'approved', null);
  }

  async decline(auth: AuthClaims, id: number, body: DeclineVolunteerRequest): Promise<VolunteerItem> {
    return this.decide(auth, id, body.version, 'declined', body.reason);
  }

  private async decide(auth: AuthClaims, id: number, version: number | undefined, status: 'approved' | 'declined', reason: string | null): Promise<VolunteerItem> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const v = await this.volunteers.inArea(this.db.manager, me, id);
    if (version !== undefined && version !== Number(v.version)) throw conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这份报名已被更新，请刷新后再试', { version: Number(v.version) });
    const now = new Date();
    await this.db.transaction(async (m) => {
      const r = await m.update(VolunteerEntity, { id, status: 'applied', version: v.version }, {
        status, declineReason: reason, decidedBy: me.id, decidedAt: now, version: Number(v.version) + 1, updatedAt: now,
      });
      if (affectedRows(r) !== 1) throw conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这份报名已经处理过了', { status: v.status });
      await this.volunteers.insertEvent(m, { volunteerId: v.id, actor: me, type: status, fromStatus: 'applied', toStatus: status, note: reason });
      await this.notifications.notify(m, status === 'approved'
        ? { userId: v.userId, type: 'volunteer.approved', title: '志愿者报名已通过', body: '欢迎加入小红帽志愿服务队！现在可以在接单大厅接单了', link: '/packages/volunteers/hall/index' }
        : { userId: v.userId, type: 'volunteer.declined', title: '志愿者报名未通过', body: `原因：${reason}`, link: '/packages/volunteers/apply/index' });
    });
    const fresh = await this.db.manager.findOneOrFail(VolunteerEntity, { where: { id } });
    return (await this.volunteers.items(this.db.manager, [fresh]))[0];
  }
}
