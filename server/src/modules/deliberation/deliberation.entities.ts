import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationStatus, SessionStatus } from '../../../../contracts/deliberation.contract';

/** A recurring 议事亭 session, e.g. every Friday 17:00 under the pavilion. `time` is 'HH:MM' China time. */
@Entity('deliberation_series')
@Index('IDX_deliberation_series_community', ['communityId', 'id'])
export class DeliberationSeriesEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) streetId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'varchar', length: 50 }) name!: string;
  @Column({ type: 'varchar', length: 100 }) place!: string;
  @Column({ type: 'int' }) weekday!: number;
  @Column({ type: 'varchar', length: 5 }) time!: string;
  @Column({ type: 'int' }) durationMinutes!: number;
  @Column({ type: 'int' }) seats!: number;
  @Column({ type: 'int' }) reservedSeats!: number;
  @Column({ type: 'int' }) opensDaysBefore!: number;
  @Column({ type: 'int' }) closesHoursBefore!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

/**
 * One session of a series. `slotAt` is the start the series scheduled (unique per series, so the job
 * creates it once across processes); `startsAt` is the real start (differs once staff move it).
 * Seats: `capacity`/`taken` are the open seats, `reservedCapacity`/`reservedTaken` the representatives';
 * both only change by conditional updates. `waitlistSeq` hands out waiting-list tickets in arrival order;
 * `waitlistCount` is how many are waiting now, so a new ticket knows its place without counting the list.
 */
@Entity('deliberation_sessions')
@Index('UQ_deliberation_sessions_series_slot', ['seriesId', 'slotAt'], { unique: true })
@Index('IDX_deliberation_sessions_community_starts', ['communityId', 'startsAt'])
export class DeliberationSessionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) seriesId!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'datetime' }) slotAt!: Date;
  @Column({ type: 'datetime' }) startsAt!: Date;
  @Column({ type: 'datetime' }) endsAt!: Date;
  @Column({ type: 'datetime' }) opensAt!: Date;
  @Column({ type: 'datetime' }) closesAt!: Date;
  @Column({ type: 'varchar', length: 100 }) place!: string;
  @Column({ type: 'varchar', length: 20 }) status!: SessionStatus;
  @Column({ type: 'varchar', length: 200, nullable: true }) cancelReason!: string | null;
  @Column({ type: 'int' }) capacity!: number;
  @Column({ type: 'int', default: 0 }) taken!: number;
  @Column({ type: 'int' }) reservedCapacity!: number;
  @Column({ type: 'int', default: 0 }) reservedTaken!: number;
  @Column({ type: 'int', default: 0 }) waitlistSeq!: number;
  /** Registrations waiting now (migration DeliberationWaitlistCount1764100000400): +1 with each ticket, -1 on promotion or withdrawal, in the same transaction. */
  @Column({ type: 'int', default: 0 }) waitlistCount!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** A resident's place at a session: one per (session, user); a check-in code unique across all. */
@Entity('deliberation_registrations')
@Index('UQ_deliberation_registrations_session_user', ['sessionId', 'userId'], { unique: true })
@Index('UQ_deliberation_registrations_code', ['checkInCode'], { unique: true })
@Index('IDX_deliberation_registrations_queue', ['sessionId', 'status', 'waitlistNo'])
@Index('IDX_deliberation_registrations_user', ['userId', 'sessionId'])
export class DeliberationRegistrationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) sessionId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 20 }) status!: RegistrationStatus;
  @Column({ type: 'varchar', length: 20, nullable: true }) seatKind!: 'open' | 'reserved' | null;
  @Column({ type: 'int', nullable: true }) waitlistNo!: number | null;
  @Column({ type: 'varchar', length: 16 }) checkInCode!: string;
  // Check-in and attendance (migration DeliberationVotes1764100000200): proxyBy = the grid worker who registered them (代办).
  @Column({ type: 'datetime', nullable: true }) checkedInAt!: Date | null;
  @Column({ type: 'int', nullable: true }) checkedInBy!: number | null;
  @Column({ type: 'int', nullable: true }) proxyBy!: number | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) attendance!: 'present' | 'absent' | null;
  @Column({ type: 'datetime' }) createdAt!: Date;
  @Column({ type: 'datetime' }) updatedAt!: Date;
}

/** 居民代表: residents a community's staff marked as representatives (they may use the reserved seats). */
@Entity('deliberation_representatives')
@Index('UQ_deliberation_representatives_community_user', ['communityId', 'userId'], { unique: true })
export class DeliberationRepresentativeEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) communityId!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'int' }) createdBy!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
}

export const DELIBERATION_ENTITIES = [DeliberationSeriesEntity, DeliberationSessionEntity, DeliberationRegistrationEntity, DeliberationRepresentativeEntity];
