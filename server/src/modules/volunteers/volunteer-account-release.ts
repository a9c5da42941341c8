import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { TeamActivitiesService } from '../timebank/team-activities.service';
import { excerpt, HelpRequestNotices } from './help-request-notices';
import { HelpRequestsRepository } from './help-requests.repository';
import { HelpRequestsService } from './help-requests.service';
import { HelpRequestEntity, VolunteerEntity, VolunteerTeamEntity, VolunteerTeamMemberEntity } from './volunteers.entities';
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
    private readonly requests: HelpRequestsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly notices: HelpRequestNotices,
    private readonly activities: TeamActivitiesService,
    private readonly helpRequests: HelpRequestsService,
  ) {}

  async release(m: EntityManager, userId: number, now: Date): Promise<VolunteerRelease> {
    const seatsGivenBack = await this.giveSeatsBack(m, userId);
    const requestsCancelled = await this.cancelOwnRequests(m, userId);
    const activitySignUpsCancelled = await this.activities.releaseUpcomingSignUps(m, userId, now);
    const profileWithdrawn = await this.withdrawProfile(m, userId, now);
    return { seatsGivenBack, requestsCancelled, activitySignUpsCancelled, profileWithdrawn };
  }

  /** Their seats (dispatched or accepted) come back and the requests reopen; whoever counted on them is told. */
  private async giveSeatsBack(m: EntityManager, userId: number): Promise<number> {
    const seats = await this.requests.heldSeats(m, userId, ['dispatched', 'accepted']);
    let given = 0;
    for (const s of seats) {
      const back = await this.requests.takeSeatBack(m, s, s.status === 'accepted' ? 'withdrawn' : 'released', () => new Error(`help request ${s.requestId}: seat count out of step`));
      if (!back) continue;
      const { row, fromStatus } = back;
      await this.requests.insertEvent(m, {
        requestId: row.id, actorId: userId, actorRole: 'resident', type: 'withdrawn', fromStatus, toStatus: 'open', volunteerId: userId, note: `志愿者${GONE}`,
      });
      const tell = s.status === 'accepted' ? row.requesterId ?? row.postedBy : s.dispatchedBy === null ? null : Number(s.dispatchedBy);
      if (tell !== null) await this.notices.tell(m, tell, row, 'help.withdrawn', '志愿者退出了', `“${excerpt(row)}”的志愿者已注销账号，正在重新安排志愿者`);
      given++;
    }
    return given;
  }

  /** Their own open requests, through the ordinary cancel (seats released, volunteers told). */
  private async cancelOwnRequests(m: EntityManager, userId: number): Promise<number> {
    const own = await m.find(HelpRequestEntity, { where: { requesterId: userId, status: In(['open', 'filled']) } });
    let cancelled = 0;
    for (const row of own) if (await this.helpRequests.cancelIn(m, row, { id: userId, role: 'resident' }, `求助人${GONE}`)) cancelled++;
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
