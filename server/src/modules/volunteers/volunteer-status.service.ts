import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode } from '../../../../contracts/errors';
import { VolunteerStatusLabels, type VolunteerStatus } from '../../../../contracts/volunteers.constants';
import type { ReinstateVolunteerRequest, SuspendVolunteerRequest, VolunteerItem } from '../../../../contracts/volunteers.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict } from '../../common/domain-exception';
import { affectedRows, DatabaseService, retryDeadlock } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
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

/**
 * 暂停 / 恢复 a volunteer (approved ⇄ suspended), by community staff or the street admin of their area, with a reason
 * the volunteer is told. While suspended they cannot claim, be dispatched, accept a dispatch or sign up for
 * activities (every such check asks for status 'approved'). Tasks already accepted stay theirs to finish and are
 * credited on confirmation as usual; dispatches not yet accepted are taken back in the same transaction, so their
 * requests reopen for someone else.
 */
@Injectable()
export class VolunteerStatusService {
  constructor(
    private readonly db: DatabaseService,
    private readonly notifications: NotificationsService,
    private readonly volunteers: VolunteersRepository,
    private readonly requests: HelpRequestsRepository,
    private readonly notices: HelpRequestNotices,
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
      if (step === 'suspend') await this.takeBackDispatches(m, me, Number(v.userId));
      await this.notifications.notify(m, step === 'suspend'
        ? {
          userId: v.userId, type: 'volunteer.suspended', title: '您的志愿服务已暂停',
          body: `社区暂停了您的小红帽志愿服务。原因：${note}。暂停期间不能接新单、不能报名活动；已经接下的任务请照常完成，完成后照常记时长。`,
          link: '/packages/volunteers/apply/index',
        }
        : {
          userId: v.userId, type: 'volunteer.reinstated', title: '您的志愿服务已恢复',
          body: `社区恢复了您的小红帽志愿服务，可以继续接单、报名活动了。${note ? `说明：${note}` : ''}`, link: '/packages/volunteers/hall/index',
        });
    }));
    const fresh = await this.db.manager.findOneOrFail(VolunteerEntity, { where: { id } });
    return (await this.volunteers.items(this.db.manager, [fresh]))[0];
  }

  /**
   * Dispatches the volunteer has not accepted yet: each seat is released (seat row first, then the request gives the
   * seat back and reopens), a history line is written and whoever dispatched it is told. A dispatch accepted a moment
   * earlier is left alone: it is a task in hand.
   */
  private async takeBackDispatches(m: EntityManager, actor: UserEntity, volunteerId: number): Promise<void> {
    const seats: { id: number; request_id: number; dispatched_by: number | null }[] = await m.query(
      `SELECT a.id, a.request_id, a.dispatched_by FROM help_request_assignments a JOIN help_requests r ON r.id = a.request_id
       WHERE a.volunteer_id = ? AND a.status = 'dispatched' AND r.status IN ('open', 'filled') ORDER BY a.request_id`, [volunteerId]);
    if (!seats.length) return;
    const [who] = await m.query('SELECT name FROM users WHERE id = ?', [volunteerId]);
    for (const s of seats) {
      if (!(await this.requests.moveSeat(m, Number(s.id), ['dispatched'], 'released'))) continue;
      const row = await this.requests.find(Number(s.request_id), m);
      if (!row || !(await this.requests.giveSeatBack(m, row.id))) {
        throw conflict(ErrorCode.VOLUNTEER_STATE_CONFLICT, '这位志愿者的派单刚刚有了变化，请再试一次');
      }
      const text = `${who?.name ?? '志愿者'}的志愿服务已暂停，派单已收回，请重新派单`;
      await this.requests.insertEvent(m, { requestId: row.id, actorId: actor.id, actorRole: actor.role, type: 'released', fromStatus: row.status, toStatus: 'open', note: text });
      const by = s.dispatched_by === null ? null : Number(s.dispatched_by);
      if (by !== null && by !== actor.id) await this.notices.tell(m, by, row, 'help.released', '派单已收回', `“${excerpt(row)}”：${text}`);
    }
  }
}
