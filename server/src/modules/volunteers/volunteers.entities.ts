import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AssignmentStatus, HelpRequestStatus, TeamLevel, VolunteerSkill, VolunteerStatus,
} from '../../../../contracts/volunteers.constants';

/** A 小红帽 team: of a community, or of the whole street (community_id null). */
@Entity('volunteer_teams')
@Index('IDX_volunteer_teams_street_community', ['streetId', 'communityId'])
@Index('UQ_volunteer_teams_community_name', ['streetId', 'communityId', 'name'], { unique: true })
export class VolunteerTeamEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int', nullable: true }) communityId!: number | null;
  @Column({ type: 'varchar', length: 12 }) level!: TeamLevel;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'int', nullable: true }) leaderUserId!: number | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  /** 停用 (issue 10 setup): the team stays with its members and hours; it is no longer offered. */
  @Column({ type: 'datetime', nullable: true }) retiredAt!: Date | null;
}

/** One per user (unique user_id). skills / availability are comma-separated codes. The time bank reads user_id, community_id, status. */
@Entity('volunteers')
@Index('UQ_volunteers_user', ['userId'], { unique: true })
@Index('IDX_volunteers_community_status', ['communityId', 'status'])
export class VolunteerEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 12 }) status!: VolunteerStatus;
  @Column({ type: 'varchar', length: 200 }) skills!: string;
  @Column({ type: 'varchar', length: 200 }) availability!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) intro!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) declineReason!: string | null;
  @Column({ type: 'int', nullable: true }) decidedBy!: number | null;
  @Column({ type: 'datetime', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

@Entity('volunteer_team_members')
@Index('UQ_volunteer_team_members_team_user', ['teamId', 'userId'], { unique: true })
@Index('IDX_volunteer_team_members_user', ['userId'])
export class VolunteerTeamMemberEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) teamId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/** A 微心愿. taken_count counts seats held (dispatched or accepted); it never exceeds volunteers_needed. */
@Entity('help_requests')
@Index('IDX_help_requests_community_status', ['communityId', 'status', 'windowFrom'])
@Index('IDX_help_requests_window_to', ['windowTo'])
@Index('IDX_help_requests_requester', ['requesterId'])
@Index('IDX_help_requests_posted_by', ['postedBy'])
export class HelpRequestEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) gridId!: number;
  @Column({ type: 'int' }) unitId!: number;
  /** The resident it is for, when they use the app (null for a proxy request). */
  @Column({ type: 'int', nullable: true }) requesterId!: number | null;
  @Column({ type: 'int' }) postedBy!: number;
  @Column({ type: 'varchar', length: 30, nullable: true }) proxyName!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) proxyPhone!: string | null;
  @Column({ type: 'varchar', length: 20 }) skill!: VolunteerSkill;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'datetime' }) windowFrom!: Date;
  @Column({ type: 'datetime' }) windowTo!: Date;
  @Column({ type: 'varchar', length: 100, nullable: true }) placeDetail!: string | null;
  @Column({ type: 'int' }) volunteersNeeded!: number;
  @Column({ type: 'int', default: 0 }) takenCount!: number;
  @Column({ type: 'varchar', length: 12 }) status!: HelpRequestStatus;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'datetime', nullable: true }) doneAt!: Date | null;
  @Column({ type: 'int', nullable: true }) doneBy!: number | null;
  @Column({ type: 'datetime', nullable: true }) confirmedAt!: Date | null;
  @Column({ type: 'int', nullable: true }) confirmedBy!: number | null;
  @Column({ type: 'int', nullable: true }) rating!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) ratingComment!: string | null;
  @Column({ type: 'int', nullable: true }) creditedMinutes!: number | null;
  @Column({ type: 'datetime', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** A volunteer's seat on a request (volunteer_id = users.id); one row per (request, volunteer), ever. */
@Entity('help_request_assignments')
@Index('UQ_help_request_assignments_request_volunteer', ['requestId', 'volunteerId'], { unique: true })
@Index('IDX_help_request_assignments_volunteer', ['volunteerId', 'status'])
export class HelpRequestAssignmentEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) requestId!: number;
  @Column({ type: 'int' }) volunteerId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 12 }) status!: AssignmentStatus;
  @Column({ type: 'varchar', length: 10 }) via!: 'claim' | 'dispatch';
  @Column({ type: 'int', nullable: true }) dispatchedBy!: number | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** The immutable history of a request (inserted, never updated). */
@Entity('help_request_events')
@Index('IDX_help_request_events_request', ['requestId', 'id'])
export class HelpRequestEventEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) requestId!: number;
  @Column({ type: 'int' }) actorId!: number;
  @Column({ type: 'varchar', length: 20 }) actorRole!: string;
  @Column({ type: 'varchar', length: 20 }) type!: string;
  @Column({ type: 'varchar', length: 12, nullable: true }) fromStatus!: HelpRequestStatus | null;
  @Column({ type: 'varchar', length: 12 }) toStatus!: HelpRequestStatus;
  @Column({ type: 'int', nullable: true }) volunteerId!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

export const VOLUNTEER_ENTITIES = [
  VolunteerTeamEntity, VolunteerEntity, VolunteerTeamMemberEntity, HelpRequestEntity, HelpRequestAssignmentEntity, HelpRequestEventEntity,
];
