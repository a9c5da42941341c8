import type { Role } from '../../../../contracts/roles';
import type { MyBallot, VoteItem, VoteResults } from '../../../../contracts/deliberation-votes.contract';
import { dbDate, toIso } from '../../common/time';
import { awaitsUnitConfirmation } from './deliberation-access';
import type { DeliberationRegistrationEntity } from './deliberation.entities';
import type { BallotView } from './deliberation-votes.repository';
import type { DeliberationVoteEntity, DeliberationVoteOptionEntity } from './deliberation-votes.entities';

/** Closed once staff closed it or its closing time has passed. */
export function isClosed(v: { closedAt: Date | string | null; closesAt: Date | string }, now: Date): boolean {
  return v.closedAt !== null || dbDate(v.closesAt) <= now;
}

/** When it closed (or will close). */
export function closedAtOf(v: DeliberationVoteEntity): Date {
  return new Date(v.closedAt ?? v.closesAt);
}

export const ALREADY_VOTED_MESSAGE = '您已投票，投票后不能修改';

/**
 * Why this person may not vote (Chinese), or null if they may. `registration` is theirs for the vote's session.
 * Closed and already-voted are checked by the caller; this is eligibility only.
 */
export function ineligibility(
  v: Pick<DeliberationVoteEntity, 'eligibility'>, role: Role, registration: { status: DeliberationRegistrationEntity['status']; checkedInAt: Date | string | null } | null,
): string | null {
  if (role !== 'resident') return '工作人员不参与居民投票';
  if (v.eligibility === 'checked_in' && !(registration?.status === 'confirmed' && registration.checkedInAt)) {
    return '只有到场签到的居民可以投票';
  }
  if (v.eligibility === 'registered' && registration?.status !== 'confirmed') return '只有报名成功的居民可以投票';
  return null;
}

export interface VoteView {
  vote: DeliberationVoteEntity;
  agendaTitle: string;
  options: DeliberationVoteOptionEntity[];
  online: Map<number, number>;
  ballots: number;
  mine: BallotView | null;
  role: Role;
  /** Issue 10: the reader's unit was confirmed (an unconfirmed resident sees why they cannot vote yet). */
  unitConfirmed: boolean;
  registration: Pick<DeliberationRegistrationEntity, 'status' | 'checkedInAt'> | null;
  now: Date;
}

/** Why an unconfirmed resident cannot vote yet (shown on the vote card; the ballot is refused with UNIT_NOT_CONFIRMED). */
export const UNIT_NOT_CONFIRMED_REASON = '住址待网格员确认，确认后才能投票';

export function toMyBallot(voteId: number, b: BallotView): MyBallot {
  return { voteId, optionIds: b.optionIds, castAt: toIso(b.castAt)! };
}

function results(x: VoteView, closed: boolean): VoteResults {
  const options = x.options.map((o) => {
    const online = x.online.get(o.id) ?? 0;
    return { optionId: o.id, online, offline: o.offlineCount, total: online + o.offlineCount };
  });
  return {
    options, ballots: x.ballots, offlineTotal: options.reduce((s, o) => s + o.offline, 0),
    offlineRecordedAt: toIso(x.vote.offlineRecordedAt), final: closed,
  };
}

export function toVoteItem(x: VoteView): VoteItem {
  const v = x.vote;
  const closed = isClosed(v, x.now);
  const visible = x.role !== 'resident' || closed || v.liveResults;
  const reason = closed ? '投票已结束' : x.mine ? ALREADY_VOTED_MESSAGE : awaitsUnitConfirmation(x.role, x.unitConfirmed) ? UNIT_NOT_CONFIRMED_REASON : ineligibility(v, x.role, x.registration);
  return {
    id: v.id, sessionId: v.sessionId, agendaItemId: v.agendaItemId, agendaTitle: x.agendaTitle, question: v.question, mode: v.mode,
    maxChoices: v.maxChoices, eligibility: v.eligibility, liveResults: v.liveResults, status: closed ? 'closed' : 'open',
    closesAt: toIso(v.closesAt)!, closedAt: toIso(v.closedAt), createdAt: toIso(v.createdAt)!,
    options: x.options.map((o) => ({ id: o.id, label: o.label, position: o.position })),
    results: visible ? results(x, closed) : null,
    myBallot: x.mine ? toMyBallot(v.id, x.mine) : null,
    canVote: reason === null, cannotVoteReason: reason,
  };
}
