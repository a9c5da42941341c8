import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { VolunteerStatusLabels, type VolunteerStatus } from '../../../../contracts/volunteers.constants';
import type { ReinstateVolunteerRequest, SuspendVolunteerRequest, VolunteerItem } from '../../../../contracts/volunteers.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict } from '../../common/domain-exception';
import { affectedRows, DatabaseService, retryDeadlock } from '../../database/database.service';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service';
import { TeamActivitiesService } from '../timebank/team-activities.service';
import type { UserEntity } from '../users/user.entity';
import { excerpt, HelpRequestNotices } from './help-request-notices';
import { HelpRequestsRepository } from './help-requests.repository';
import { VolunteerEntity } from './volunteers.entities';
import { VolunteersRepository } from './volunteers.repository';

type Step = 'suspend' | 'reinstate';
const STEPS: Record<Step, { from: VolunteerStatus; to: VolunteerStatus; what: string }> = {
  suspend: { from: 'approved', to: 'suspended', what: '暂停' },
  reinstate: { from: 'suspended', to: 'approved', what: '恢复' },
};

const illegal = (status: VolunteerStatus, what: string) =>
  conflict(ErrorCode.VOLUNTEER_ILLEGAL_TRANSITION, `这位志愿者现在是“${VolunteerStatusLabels[status]}”，不能${what}`, { status });
const stale = (v: VolunteerEntity) =>
  conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这位志愿者的信息刚刚有了变化，请刷新后再试', { status: v.status, version: Number(v.version) });

/** What the volunteer is told on 暂停; `released`: sign-ups for activities not started yet that were cancelled. */
const suspendedNotice = (userId: number, reason: string | null, released: number): NewNotification => ({
  userId, type: 'volunteer.suspended', title: '您的志愿服务已暂停',
  body: `社区暂停了您的小红帽志愿服务。原因：${reason}。暂停期间不能接新单、不能报名活动；已经接下的任务请照常完成，完成后照常记时长。`
    + (released > 0 ? `您报名的 ${released} 个还没开始的活动已取消报名。` : ''),
  link: '/packages/volunteers/apply/index',
});
const reinstatedNotice = (userId: number, note: string | null): NewNotification => ({
  userId, type: 'volunteer.reinstated', title: '您的志愿服务已恢复',
  body: `社区恢复了您的小红帽志愿服务，可以继续接单、报名活动了。${note ? `说明：${note}` : ''}`, link: '/packages/volunteers/hall/index',
});

/**
 * 暂停 / 恢复 a volunteer (approved ⇄ suspended), by community staff or the street admin of their area, with a reason
 * the volunteer is told. While suspended they cannot claim, be dispatched, accept a dispatch or sign up for
 * activities (every such check asks for status 'approved'). Tasks already accepted stay theirs to finish and are
 * credited on confirmation as usual; dispatches not yet accepted are taken back in the same transaction, so their
 * requests reopen for someone else, and so are their sign-ups for activities not started yet (the slots reopen; only
 * the volunteer is told, in the one suspension notice).
 */
@Injectable()
export class VolunteerStatusService {
  constructor(
    private readonly db: DatabaseService,
    private readonly notifications: NotificationsService,
    private readonly volunteers: VolunteersRepository,
    private readonly requests: HelpRequestsRepository,
    private readonly notices: HelpRequestNotices,
    private readonly activities: TeamActivitiesService,
  ) {}

  suspend(auth: AuthClaims, id: number, body: SuspendVolunteerRequest): Promise<VolunteerItem> {
    return this.move(auth, id, 'suspend', body.reason, body.version);
  }

  reinstate(auth: AuthClaims, id: number, body: ReinstateVolunteerRequest): Promise<VolunteerItem> {
    return this.move(auth, id, 'reinstate', body.note ?? null, body.version);
  }

  private async move(auth: AuthClaims, id: number, step: Step, note: string | null, version: number | undefined): Promise<VolunteerItem> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const v = await this.volunteers.inArea(this.db.manager, me, id);
    const t = STEPS[step];
    if (v.status !== t.from) throw illegal(v.status, t.what);
    if (version !== undefined && version !== Number(v.version)) throw stale(v);
    await retryDeadlock(() => this.db.transaction(async (m) => {
      const r = await m.update(VolunteerEntity, { id, status: t.from, version: v.version }, { status: t.to, version: Number(v.version) + 1, updatedAt: new Date() });
      if (affectedRows(r) !== 1) {
        const now = await m.findOneOrFail(VolunteerEntity, { where: { id } });
        throw now.status !== t.from ? illegal(now.status, t.what) : stale(now);
      }
      await this.volunteers.insertEvent(m, { volunteerId: v.id, actor: me, type: step === 'suspend' ? 'suspended' : 'reinstated', fromStatus: t.from, toStatus: t.to, note });
      if (step === 'reinstate') return this.notifications.notify(m, reinstatedNotice(Number(v.userId), note));
      await this.takeBackDispatches(m, me, Number(v.userId));
      const released = await this.activities.releaseUpcomingSignUps(m, Number(v.userId), new Date());
      await this.notifications.notify(m, suspendedNotice(Number(v.userId), note, released));
    }));
    const fresh = await this.db.manager.findOneOrFail(VolunteerEntity, { where: { id } });
    return (await this.volunteers.items(this.db.manager, [fresh]))[0];
  }

  /**
   * Dispatches the volunteer has not accepted yet: each request row is locked first, then its seat is released and the
   * request gives the seat back and reopens — the lock order of a claim and of 谢绝/退出 (giveBack), so a volunteer
   * declining at this moment cannot deadlock with the suspension. A history line is written and whoever dispatched it
   * is told. A dispatch accepted or declined a moment earlier is left alone.
   */
  private async takeBackDispatches(m: EntityManager, actor: UserEntity, volunteerId: number): Promise<void> {
    const seats = await this.requests.heldSeats(m, volunteerId, ['dispatched']);
    if (!seats.length) return;
    const [who] = await m.query('SELECT name FROM users WHERE id = ?', [volunteerId]);
    const outOfStep = () => conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这位志愿者的派单刚刚有了变化，请再试一次');
    for (const s of seats) {
      const back = await this.requests.takeSeatBack(m, s, 'released', outOfStep);
      if (!back) continue;
      const { row, fromStatus } = back;
      const text = `${who?.name ?? '志愿者'}的志愿服务已暂停，派单已收回，请重新派单`;
      await this.requests.insertEvent(m, { requestId: row.id, actorId: actor.id, actorRole: actor.role, type: 'released', fromStatus, toStatus: 'open', note: text });
      const by = s.dispatchedBy === null ? null : Number(s.dispatchedBy);
      if (by !== null && by !== actor.id) await this.notices.tell(m, by, row, 'help.released', '派单已收回', `“${excerpt(row)}”：${text}`);
    }
  }
}
