import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A claimed run of a scheduled job: the unique (job, slot) makes it run once across processes. */
@Entity('job_runs')
@Index('UQ_job_runs_job_slot', ['jobName', 'slot'], { unique: true })
export class JobRunEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', length: 64 }) jobName!: string;
  @Column({ type: 'varchar', length: 32 }) slot!: string;
  @Column({ type: 'varchar', length: 64 }) owner!: string;
  @Column({ type: 'datetime' }) startedAt!: Date;
  @Column({ type: 'datetime', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) outcome!: string | null;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
}
