import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { VoteEligibility, VoteMode } from '../../../../contracts/deliberation-votes.contract';

/**
 * A vote on an agenda item. It is open until `closedAt` (staff closed it early) or `closesAt`, whichever
 * comes first; the ballot INSERT checks both in its WHERE. The offline tally lives on the options.
 */
@Entity('deliberation_votes')
@Index('IDX_deliberation_votes_session', ['sessionId', 'id'])
@Index('IDX_deliberation_votes_agenda_item', ['agendaItemId'])
export class DeliberationVoteEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int' }) agendaItemId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 200 }) question!: string;
  @Column({ type: 'varchar', length: 10 }) mode!: VoteMode;
  @Column({ type: 'int' }) maxChoices!: number;
  @Column({ type: 'varchar', length: 20 }) eligibility!: VoteEligibility;
  @Column({ type: 'boolean', default: false }) liveResults!: boolean;
  @Column({ type: 'datetime' }) closesAt!: Date;
  @Column({ type: 'datetime', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) closedBy!: number | null;
  @Column({ type: 'datetime', nullable: true }) offlineRecordedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) offlineRecordedBy!: number | null;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** One answer of a vote; `offlineCount` = hands raised under the pavilion (set, not added, by staff). */
@Entity('deliberation_vote_options')
@Index('UQ_deliberation_vote_options_vote_position', ['voteId', 'position'], { unique: true })
export class DeliberationVoteOptionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) voteId!: number;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'varchar', length: 100 }) label!: string;
  @Column({ type: 'int', default: 0 }) offlineCount!: number;
}

/** One ballot per voter and vote: the unique key is the guarantee. A ballot is never changed. */
@Entity('deliberation_ballots')
@Index('UQ_deliberation_ballots_vote_user', ['voteId', 'userId'], { unique: true })
export class DeliberationBallotEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) voteId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** The options a ballot chose (one row each); online counts are a grouped count over (vote_id, option_id). */
@Entity('deliberation_ballot_choices')
@Index('UQ_deliberation_ballot_choices_ballot_option', ['ballotId', 'optionId'], { unique: true })
@Index('IDX_deliberation_ballot_choices_vote_option', ['voteId', 'optionId'])
export class DeliberationBallotChoiceEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) ballotId!: number;
  @Column({ type: 'int' }) voteId!: number;
  @Column({ type: 'int' }) optionId!: number;
}

export const DELIBERATION_VOTE_ENTITIES = [DeliberationVoteEntity, DeliberationVoteOptionEntity, DeliberationBallotEntity, DeliberationBallotChoiceEntity];
