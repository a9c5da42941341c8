import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { AssignmentStatus, HelpRequestStatus } from '../../../../contracts/volunteers.constants';
import { DatabaseService } from '../../database/database.service';
import { TeamActivitiesService } from '../timebank/team-activities.service';
import { excerpt, HelpRequestNotices } from './help-request-notices';
import { HelpRequestsRepository } from './help-requests.repository';
import { HelpRequestAssignmentEntity, HelpRequestEntity, VolunteerEntity, VolunteerTeamEntity, VolunteerTeamMemberEntity } from './volunteers.entities';
import { VolunteersRepository } from './volunteers.repository';

/** What a deleted account gave up in 小红帽 (counts for the audit entry). */
export interface VolunteerRelease {
  seatsGivenBack: number;
  requestsCancelled: number;
  activitySignUpsCancelled: number;
  profileWithdrawn: boolean;
}

const GONE = '账号已注销';

/**
 * Issue 10, account deletion (注销): everything the person holds in 小红帽 is released inside the deletion's transaction —
 * their seats on open help requests (dispatched or accepted) come back and the requests reopen, their own open requests
 * are cancelled (volunteers on them are told), their sign-ups for activities not started are cancelled, and their volunteer
 * profile is withdrawn (status 未通过 with the reason 账号已注销, out of every team, no longer a leader). Each request row is
 * locked before its seat changes (the order of a claim). Done work already confirmed, and the time bank, are untouched.
 */
@Injectable()
export class VolunteerAccountRelease {
  constructor(
    private readonly db: DatabaseService,
    private readonly requests: HelpRequestsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly notices: HelpRequestNotices,
    private readonly activities: TeamActivitiesService,
  ) {}

  async release(m: EntityManager, userId: number, now: Date): Promise<VolunteerRelease> {
    const seatsGivenBack = await this.giveSeatsBack(m, userId);
    const requestsCancelled = await this.cancelOwnRequests(m, userId, now);
    const activitySignUpsCancelled = await this.activities.releaseUpcomingSignUps(m, userId, now);
    const profileWithdrawn = await this.withdrawProfile(m, userId, now);
    return { seatsGivenBack, requestsCancelled, activitySignUpsCancelled, profileWithdrawn };
  }

  private async giveSeatsBack(m: EntityManager, userId: number): Promise<number> {
    const seats: { id: number; requestId: number; status: AssignmentStatus; dispatchedBy: number | null }[] = await m.query(
      `SELECT a.id AS id, a.request_id AS requestId, a.status AS status, a.dispatched_by AS dispatchedBy
         FROM help_request_assignments a JOIN help_requests r ON r.id = a.request_id
        WHERE a.volunteer_id = ? AND a.status IN ('dispatched', 'accepted') AND r.status IN ('open', 'filled') ORDER BY a.request_id`, [userId]);
    let given = 0;
    for (const s of seats) {
      const requestId = Number(s.requestId);
      const [locked]: { status: HelpRequestStatus }[] = await m.query(`SELECT status FROM help_requests WHERE id = ?${this.db.forUpdate}`, [requestId]);
      if (!locked || (locked.status !== 'open' && locked.status !== 'filled')) continue;
      if (!(await this.requests.moveSeat(m, Number(s.id), [s.status], s.status === 'accepted' ? 'withdrawn' : 'released'))) continue;
      if (!(await this.requests.giveSeatBack(m, requestId))) throw new Error(`help request ${requestId}: seat count out of step`);
      const row = (await this.requests.find(requestId, m))!;
      await this.requests.insertEvent(m, {
        requestId, actorId: userId, actorRole: 'resident', type: 'withdrawn', fromStatus: locked.status, toStatus: 'open', volunteerId: userId, note: `志愿者${GONE}`,
      });
      const tell = s.status === 'accepted' ? row.requesterId ?? row.postedBy : s.dispatchedBy === null ? null : Number(s.dispatchedBy);
      if (tell !== null) await this.notices.tell(m, tell, row, 'help.withdrawn', '志愿者退出了', `“${excerpt(row)}”的志愿者已注销账号，正在重新安排志愿者`);
      given++;
    }
    return given;
  }

  private async cancelOwnRequests(m: EntityManager, userId: number, now: Date): Promise<number> {
    const own = await m.find(HelpRequestEntity, { where: { requesterId: userId, status: In(['open', 'filled']) } });
    let cancelled = 0;
    for (const row of own) {
      if (!(await this.requests.transition(m, row, ['open', 'filled'], { status: 'cancelled', closedAt: now }))) continue;
      const seated = await this.requests.seatedIds(m, row.id, ['dispatched', 'accepted']);
      if (seated.length) await m.update(HelpRequestAssignmentEntity, { requestId: row.id, status: In(['dispatched', 'accepted']) }, { status: 'released', updatedAt: now });
      await this.requests.insertEvent(m, { requestId: row.id, actorId: userId, actorRole: 'resident', type: 'cancelled', fromStatus: row.status, toStatus: 'cancelled', note: `求助人${GONE}` });
      for (const v of seated) await this.notices.tell(m, v, row, 'help.cancelled', '微心愿已取消', `“${excerpt(row)}”已被取消，不用再去了`);
      cancelled++;
    }
    return cancelled;
  }

  private async withdrawProfile(m: EntityManager, userId: number, now: Date): Promise<boolean> {
    await m.update(VolunteerTeamEntity, { leaderUserId: userId }, { leaderUserId: null });
    await m.delete(VolunteerTeamMemberEntity, { userId });
    const v = await m.findOne(VolunteerEntity, { where: { userId } });
    if (!v || v.status === 'declined') return false;
    await m.update(VolunteerEntity, { id: v.id }, { status: 'declined', declineReason: GONE, decidedAt: now, version: Number(v.version) + 1, updatedAt: now });
    await this.volunteers.insertEvent(m, {
      volunteerId: v.id, actor: { id: userId, role: 'resident' }, type: 'declined', fromStatus: v.status, toStatus: 'declined', note: GONE,
    });
    return true;
  }
}
