import { Injectable } from '@nestjs/common';
import type { CreateVoteRequest, OfflineTallyRequest, VoteItem } from '../../../../contracts/deliberation-votes.contract';
import { OFFLINE_TALLY_EDIT_HOURS } from '../../../../contracts/deliberation-votes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, notFound, unprocessable } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { NotificationsService } from '../notifications/notifications.service';
import { DeliberationAccess, type Member } from './deliberation-access';
import { sessionLink } from './deliberation.mapper';
import { DeliberationRepository } from './deliberation.repository';
import type { DeliberationVoteEntity } from './deliberation-votes.entities';
import { closedAtOf, toVoteItem } from './deliberation-votes.mapper';
import { DeliberationVotesRepository } from './deliberation-votes.repository';

const MAX_OPEN_DAYS = 30;
const voteNotFound = () => notFound(ErrorCode.VOTE_NOT_FOUND, '没有找到这项表决');

/**
 * Votes on agenda items: staff open, close early and record the offline tally (举手表决); everyone of the
 * community lists a session's votes with their own ballot, whether they may vote, and results when visible.
 */
@Injectable()
export class DeliberationVotesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly access: DeliberationAccess,
    private readonly repo: DeliberationVotesRepository,
    private readonly sessions: DeliberationRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async create(auth: AuthClaims, agendaItemId: number, body: CreateVoteRequest): Promise<VoteItem> {
    const member = await this.access.member(auth);
    const item = await this.repo.findAgendaItem(agendaItemId);
    if (!item || item.communityId !== member.communityId) throw notFound(ErrorCode.VOTE_AGENDA_ITEM_NOT_FOUND, '没有找到这项议程');
    const session = await this.access.session(member, item.sessionId);
    if (session.status === 'cancelled') throw conflict(ErrorCode.SESSION_CANCELLED, '这场议事已经取消，不能发起表决');
    const now = new Date();
    const closesAt = new Date(body.closesAt);
    if (closesAt <= now) throw unprocessable(ErrorCode.VOTE_CLOSES_AT_INVALID, '截止时间必须晚于现在');
    if (closesAt.getTime() > now.getTime() + MAX_OPEN_DAYS * 24 * 3600_000) {
      throw unprocessable(ErrorCode.VOTE_CLOSES_AT_INVALID, `截止时间不能晚于 ${MAX_OPEN_DAYS} 天以后`);
    }
    const maxChoices = body.mode === 'single' ? 1 : body.maxChoices ?? body.options.length;
    const id = await this.db.transaction(async (m) => {
      const voteId = await this.repo.insertVote(m, {
        sessionId: session.id, agendaItemId: item.id, communityId: member.communityId, question: body.question, mode: body.mode, maxChoices,
        eligibility: body.eligibility, liveResults: body.liveResults, closesAt, closedAt: null, closedBy: null, offlineRecordedAt: null,
        offlineRecordedBy: null, createdBy: member.user.id, createdAt: now, updatedAt: now,
      }, body.options);
      // Registered attendees hear that a vote opened (a community-wide vote is announced on the session screen only).
      const confirmed = await this.repo.confirmedUsers(m, session.id);
      for (const userId of confirmed) {
        await this.notifications.notify(m, { userId, type: 'deliberation.vote_opened', title: '议事表决开始了', body: `请为“${body.question}”投票。`, link: sessionLink(session.id) });
      }
      return voteId;
    });
    return this.view(member, id);
  }

  async listForSession(auth: AuthClaims, sessionId: number): Promise<VoteItem[]> {
    const member = await this.access.member(auth);
    await this.access.session(member, sessionId);
    return this.views(member, await this.repo.bySession(sessionId));
  }

  async get(auth: AuthClaims, voteId: number): Promise<VoteItem> {
    return this.view(await this.access.member(auth), voteId);
  }

  /** Closes early; closing an already closed vote changes nothing and answers its current state. */
  async close(auth: AuthClaims, voteId: number): Promise<VoteItem> {
    const member = await this.access.member(auth);
    await this.mine(member, voteId);
    await this.db.transaction((m) => this.repo.close(m, voteId, member.user.id, new Date()));
    return this.view(member, voteId);
  }

  /** Sets the hands raised per option (replacing earlier numbers), until OFFLINE_TALLY_EDIT_HOURS after closing. */
  async offlineTally(auth: AuthClaims, voteId: number, body: OfflineTallyRequest): Promise<VoteItem> {
    const member = await this.access.member(auth);
    const vote = await this.mine(member, voteId);
    const now = new Date();
    if (now.getTime() > closedAtOf(vote).getTime() + OFFLINE_TALLY_EDIT_HOURS * 3600_000) {
      throw conflict(ErrorCode.VOTE_TALLY_LOCKED, `表决结束已超过 ${OFFLINE_TALLY_EDIT_HOURS} 小时，现场举手票数不能再修改`);
    }
    const optionIds = new Set((await this.repo.options([voteId])).map((o) => o.id));
    const counts = new Map<number, number>();
    for (const c of body.counts) {
      if (!optionIds.has(c.optionId)) throw unprocessable(ErrorCode.VOTE_CHOICE_INVALID, '有选项不属于这项表决');
      if (counts.has(c.optionId)) throw unprocessable(ErrorCode.VOTE_CHOICE_INVALID, '同一选项只能填写一次');
      counts.set(c.optionId, c.count);
    }
    await this.db.transaction((m) => this.repo.setOfflineTally(m, voteId, counts, member.user.id, now));
    return this.view(member, voteId);
  }

  private async mine(member: Member, voteId: number): Promise<DeliberationVoteEntity> {
    const vote = await this.repo.findVote(voteId);
    if (!vote || vote.communityId !== member.communityId) throw voteNotFound();
    return vote;
  }

  private async view(member: Member, voteId: number): Promise<VoteItem> {
    return (await this.views(member, [await this.mine(member, voteId)]))[0];
  }

  /** Everything a list of votes shows, in a fixed number of queries. */
  private async views(member: Member, votes: DeliberationVoteEntity[]): Promise<VoteItem[]> {
    if (!votes.length) return [];
    const ids = votes.map((v) => v.id);
    const userId = member.user.id;
    const sessionIds = [...new Set(votes.map((v) => v.sessionId))];
    const [rows, options, online, ballots, mine, regs] = await Promise.all([
      this.repo.withTitles(votes), this.repo.options(ids), this.repo.onlineCounts(ids), this.repo.ballotCounts(ids), this.repo.myBallots(userId, ids),
      Promise.all(sessionIds.map((s) => this.sessions.findRegistration(s, userId))),
    ]);
    const regBySession = new Map(sessionIds.map((s, i) => [s, regs[i]]));
    const now = new Date();
    return rows.map(({ vote, agendaTitle }) => toVoteItem({
      vote, agendaTitle, options: options.filter((o) => o.voteId === vote.id), online: online.get(vote.id) ?? new Map(),
      ballots: ballots.get(vote.id) ?? 0, mine: mine.get(vote.id) ?? null, role: member.user.role, unitConfirmed: member.user.unitConfirmed, registration: regBySession.get(vote.sessionId) ?? null, now,
    }));
  }
}
