import { Injectable } from '@nestjs/common';
import type { MyBallot } from '../../../../contracts/deliberation-votes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { conflict, DomainException, notFound, unprocessable } from '../../common/domain-exception';
import { DatabaseService, isUniqueViolation } from '../../database/database.service';
import { accessErrors, awaitsUnitConfirmation } from './deliberation-access';
import { ALREADY_VOTED_MESSAGE, ineligibility, isClosed } from './deliberation-votes.mapper';
import { DeliberationVotesRepository, type BallotContext } from './deliberation-votes.repository';

const voteClosed = () => conflict(ErrorCode.VOTE_CLOSED, '投票已经结束，不能再投票');

/**
 * Casting a ballot: the hot path of a vote burst. One indexed read (voter, vote, its options, the voter's
 * registration), then one short transaction: the INSERT … SELECT that only succeeds while the vote is open
 * (checked by the database at that instant) and whose unique (vote_id, user_id) allows one ballot per
 * resident, plus the chosen options. The answer is built from what was written.
 */
@Injectable()
export class DeliberationVotesBallotService {
  constructor(private readonly db: DatabaseService, private readonly repo: DeliberationVotesRepository) {}

  async cast(auth: AuthClaims, voteId: number, optionIds: number[]): Promise<MyBallot> {
    const ctx = await this.repo.ballotContext(auth.sub, voteId);
    // The same checks, in the same order, as DeliberationAccess.member, then the vote's own.
    if (!ctx) throw accessErrors.unauthenticated();
    if (ctx.communityId === null) throw accessErrors.unitRequired();
    const vote = ctx.vote;
    if (!vote || vote.communityId !== ctx.communityId) throw notFound(ErrorCode.VOTE_NOT_FOUND, '没有找到这项表决');
    if (awaitsUnitConfirmation(ctx.role, ctx.unitConfirmed)) throw accessErrors.unitNotConfirmed();
    if (isClosed(vote, new Date())) throw voteClosed();
    const chosen = this.validChoices(vote, optionIds);
    const reason = ineligibility(vote, ctx.role, vote.eligibility === 'community' ? null : ctx.registration);
    if (reason) throw new DomainException(ErrorCode.VOTE_NOT_ELIGIBLE, 403, reason);
    const now = new Date();
    // Whole seconds: MariaDB's datetime keeps no milliseconds, and "what I voted" must read back the same.
    const castAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    try {
      await this.db.transaction(async (m) => {
        const ballotId = await this.repo.insertBallot(m, vote.id, auth.sub, now, castAt);
        if (ballotId === null) throw voteClosed();
        await this.repo.insertChoices(m, ballotId, vote.id, chosen);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(ErrorCode.ALREADY_VOTED, ALREADY_VOTED_MESSAGE);
      throw err;
    }
    return { voteId: vote.id, optionIds: chosen, castAt: castAt.toISOString() };
  }

  /** Option ids of this vote, no duplicates, one for single choice, at most maxChoices; sorted. */
  private validChoices(vote: NonNullable<BallotContext['vote']>, optionIds: number[]): number[] {
    const own = new Set(vote.optionIds);
    if (new Set(optionIds).size !== optionIds.length) throw unprocessable(ErrorCode.VOTE_CHOICE_INVALID, '同一选项不能重复选择');
    if (optionIds.some((id) => !own.has(id))) throw unprocessable(ErrorCode.VOTE_CHOICE_INVALID, '所选选项不属于这项表决，请刷新后重试');
    if (vote.mode === 'single' && optionIds.length !== 1) throw unprocessable(ErrorCode.VOTE_CHOICE_INVALID, '这是单选，请只选一项');
    if (optionIds.length > vote.maxChoices) throw unprocessable(ErrorCode.VOTE_CHOICE_INVALID, `最多只能选 ${vote.maxChoices} 项`);
    return [...optionIds].sort((a, b) => a - b);
  }
}
