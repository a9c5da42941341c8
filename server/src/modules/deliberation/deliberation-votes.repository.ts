import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { RegistrationStatus } from '../../../../contracts/deliberation.contract';
import type { Role } from '../../../../contracts/roles';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { isUnitConfirmed } from './deliberation-access';
import { DeliberationRegistrationEntity } from './deliberation.entities';
import { DeliberationAgendaItemEntity } from './deliberation-topics.entities';
import { DeliberationVoteEntity, DeliberationVoteOptionEntity } from './deliberation-votes.entities';

export interface VoteRow {
  vote: DeliberationVoteEntity;
  agendaTitle: string;
}

export interface BallotView {
  optionIds: number[];
  castAt: Date | string;
}

/**
 * The ballot hot path as SQL text. The INSERT … SELECT only inserts while the vote is open (not closed early,
 * closing time not reached), checked in the same statement; the unique (vote_id, user_id) allows one ballot.
 */
export const INSERT_BALLOT_SQL =
  'INSERT INTO deliberation_ballots (vote_id, user_id, created_at) SELECT id, ?, ? FROM deliberation_votes WHERE id = ? AND closed_at IS NULL AND closes_at > ?';

/**
 * Everything casting a ballot needs, in one read: the voter (role, community, unit confirmed — issue 10), the vote, the ids of its options
 * (comma-separated: GROUP_CONCAT is spelled alike on SQLite and MariaDB) and the voter's registration for the
 * vote's session. Parameters: vote id, user id.
 */
export const BALLOT_CONTEXT_SQL = `SELECT u.role AS role, u.community_id AS communityId, u.unit_confirmed AS unitConfirmed,
       v.id AS voteId, v.community_id AS voteCommunityId, v.session_id AS sessionId, v.mode AS mode, v.max_choices AS maxChoices,
       v.eligibility AS eligibility, v.closes_at AS closesAt, v.closed_at AS closedAt,
       (SELECT GROUP_CONCAT(o.id) FROM deliberation_vote_options o WHERE o.vote_id = v.id) AS optionIds,
       r.status AS registrationStatus, r.checked_in_at AS checkedInAt
  FROM users u
  LEFT JOIN deliberation_votes v ON v.id = ?
  LEFT JOIN deliberation_registrations r ON r.session_id = v.session_id AND r.user_id = u.id
 WHERE u.id = ?`;

/** The chosen options of one ballot: `count` rows of (ballot_id, vote_id, option_id). */
export function insertChoicesSql(count: number): string {
  return `INSERT INTO deliberation_ballot_choices (ballot_id, vote_id, option_id) VALUES ${Array(count).fill('(?, ?, ?)').join(', ')}`;
}

/** What BALLOT_CONTEXT_SQL found; null when the user does not exist. */
export interface BallotContext {
  role: Role;
  communityId: number | null;
  /** The voter's unit was confirmed by their grid worker (an unconfirmed resident may not vote). */
  unitConfirmed: boolean;
  vote: (Pick<DeliberationVoteEntity, 'id' | 'communityId' | 'sessionId' | 'mode' | 'maxChoices' | 'eligibility'> & {
    closesAt: Date | string;
    closedAt: Date | string | null;
    optionIds: number[];
  }) | null;
  registration: { status: RegistrationStatus; checkedInAt: Date | string | null } | null;
}

async function run(m: EntityManager, sql: string, params: unknown[]): Promise<{ affected: number; raw: unknown }> {
  if (!m.queryRunner) throw new Error('writes run inside a transaction');
  const r = await m.queryRunner.query(sql, params, true);
  return { affected: affectedRows(r), raw: r.raw };
}

/** Votes, options, ballots. Online counts are grouped counts over the ballot choices (no counter to drift). */
@Injectable()
export class DeliberationVotesRepository {
  constructor(private readonly db: DatabaseService) {}

  findAgendaItem(id: number): Promise<DeliberationAgendaItemEntity | null> {
    return this.db.manager.findOne(DeliberationAgendaItemEntity, { where: { id } });
  }

  /** One read for casting a ballot (see BALLOT_CONTEXT_SQL); null when the user does not exist. */
  async ballotContext(userId: number, voteId: number): Promise<BallotContext | null> {
    const [row] = await this.db.manager.query(BALLOT_CONTEXT_SQL, [voteId, userId]);
    if (!row) return null;
    return {
      role: row.role,
      communityId: row.communityId === null ? null : Number(row.communityId),
      unitConfirmed: isUnitConfirmed(row.unitConfirmed),
      vote: row.voteId === null ? null : {
        id: Number(row.voteId), communityId: Number(row.voteCommunityId), sessionId: Number(row.sessionId), mode: row.mode,
        maxChoices: Number(row.maxChoices), eligibility: row.eligibility, closesAt: row.closesAt, closedAt: row.closedAt,
        // A Buffer on MariaDB when the server types the concatenation binary; text otherwise.
        optionIds: row.optionIds === null ? [] : String(row.optionIds).split(',').map(Number),
      },
      registration: row.registrationStatus === null ? null : { status: row.registrationStatus, checkedInAt: row.checkedInAt },
    };
  }

  findVote(id: number, m: EntityManager = this.db.manager): Promise<DeliberationVoteEntity | null> {
    return m.findOne(DeliberationVoteEntity, { where: { id } });
  }

  async withTitles(votes: DeliberationVoteEntity[]): Promise<VoteRow[]> {
    const ids = [...new Set(votes.map((v) => v.agendaItemId))];
    const items = ids.length ? await this.db.manager.find(DeliberationAgendaItemEntity, { where: { id: In(ids) }, select: { id: true, title: true } }) : [];
    const titles = new Map(items.map((i) => [i.id, i.title]));
    return votes.map((vote) => ({ vote, agendaTitle: titles.get(vote.agendaItemId) ?? '' }));
  }

  /** Votes of a session, newest first. */
  bySession(sessionId: number): Promise<DeliberationVoteEntity[]> {
    return this.db.manager.find(DeliberationVoteEntity, { where: { sessionId }, order: { id: 'DESC' } });
  }

  options(voteIds: number[], m: EntityManager = this.db.manager): Promise<DeliberationVoteOptionEntity[]> {
    if (!voteIds.length) return Promise.resolve([]);
    return m.find(DeliberationVoteOptionEntity, { where: { voteId: In(voteIds) }, order: { voteId: 'ASC', position: 'ASC' } });
  }

  async insertVote(m: EntityManager, v: Omit<DeliberationVoteEntity, 'id'>, labels: string[]): Promise<number> {
    const id = Number((await m.insert(DeliberationVoteEntity, v)).identifiers[0].id);
    await m.insert(DeliberationVoteOptionEntity, labels.map((label, i) => ({ voteId: id, position: i + 1, label, offlineCount: 0 })));
    return id;
  }

  /**
   * The ballot id, or null when the vote was closed at the moment of the INSERT (checked against `now`).
   * `castAt` is stored as given: whole seconds, so both databases keep the same value.
   */
  async insertBallot(m: EntityManager, voteId: number, userId: number, now: Date, castAt: Date = now): Promise<number | null> {
    const r = await run(m, INSERT_BALLOT_SQL, [userId, this.db.dateParam(castAt), voteId, this.db.dateParam(now)]);
    if (r.affected !== 1) return null;
    return Number(typeof r.raw === 'object' && r.raw !== null ? (r.raw as { insertId: number }).insertId : r.raw);
  }

  async insertChoices(m: EntityManager, ballotId: number, voteId: number, optionIds: number[]): Promise<void> {
    await m.query(insertChoicesSql(optionIds.length), optionIds.flatMap((o) => [ballotId, voteId, o]));
  }

  /** Ballots cast in the app per option: voteId -> optionId -> count. */
  async onlineCounts(voteIds: number[]): Promise<Map<number, Map<number, number>>> {
    const out = new Map<number, Map<number, number>>();
    if (!voteIds.length) return out;
    const rows: { voteId: number; optionId: number; n: number }[] = await this.db.manager.query(
      `SELECT vote_id AS voteId, option_id AS optionId, COUNT(*) AS n FROM deliberation_ballot_choices
       WHERE vote_id IN (${voteIds.map(() => '?').join(', ')}) GROUP BY vote_id, option_id`,
      voteIds,
    );
    for (const r of rows) {
      const per = out.get(Number(r.voteId)) ?? new Map<number, number>();
      per.set(Number(r.optionId), Number(r.n));
      out.set(Number(r.voteId), per);
    }
    return out;
  }

  /** Ballots (people) per vote. */
  async ballotCounts(voteIds: number[]): Promise<Map<number, number>> {
    if (!voteIds.length) return new Map();
    const rows: { voteId: number; n: number }[] = await this.db.manager.query(
      `SELECT vote_id AS voteId, COUNT(*) AS n FROM deliberation_ballots WHERE vote_id IN (${voteIds.map(() => '?').join(', ')}) GROUP BY vote_id`,
      voteIds,
    );
    return new Map(rows.map((r) => [Number(r.voteId), Number(r.n)]));
  }

  /** One user's ballots on these votes. */
  async myBallots(userId: number, voteIds: number[]): Promise<Map<number, BallotView>> {
    const out = new Map<number, BallotView>();
    if (!voteIds.length) return out;
    const rows: { voteId: number; optionId: number; castAt: Date | string }[] = await this.db.manager.query(
      `SELECT b.vote_id AS voteId, c.option_id AS optionId, b.created_at AS castAt
       FROM deliberation_ballots b JOIN deliberation_ballot_choices c ON c.ballot_id = b.id
       WHERE b.user_id = ? AND b.vote_id IN (${voteIds.map(() => '?').join(', ')}) ORDER BY c.option_id`,
      [userId, ...voteIds],
    );
    for (const r of rows) {
      const b = out.get(Number(r.voteId)) ?? { optionIds: [], castAt: r.castAt };
      b.optionIds.push(Number(r.optionId));
      out.set(Number(r.voteId), b);
    }
    return out;
  }

  /** Residents holding a seat at a session (read inside the caller's transaction). */
  async confirmedUsers(m: EntityManager, sessionId: number): Promise<number[]> {
    const rows = await m.find(DeliberationRegistrationEntity, { where: { sessionId, status: 'confirmed' }, select: { id: true, userId: true } });
    return rows.map((r) => r.userId);
  }

  /** Closes an open vote early; false if it was already closed (by staff or by its closing time). */
  async close(m: EntityManager, voteId: number, by: number, now: Date): Promise<boolean> {
    const at = this.db.dateParam(now);
    const r = await run(m, 'UPDATE deliberation_votes SET closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL AND closes_at > ?', [at, by, at, voteId, at]);
    return r.affected === 1;
  }

  /** Sets (not adds) the hands raised per option; options not given are set to 0. */
  async setOfflineTally(m: EntityManager, voteId: number, counts: Map<number, number>, by: number, now: Date): Promise<void> {
    const options = await this.options([voteId], m);
    for (const o of options) await m.update(DeliberationVoteOptionEntity, { id: o.id, voteId }, { offlineCount: counts.get(o.id) ?? 0 });
    await m.update(DeliberationVoteEntity, { id: voteId }, { offlineRecordedAt: now, offlineRecordedBy: by, updatedAt: now });
  }
}
