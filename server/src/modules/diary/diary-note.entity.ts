import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A staff member's own note in their work diary (一日一记). `day` is the China-time day it belongs
 * to ('YYYY-MM-DD'), fixed when written; the diary of a day reads (user_id, day) from the index.
 */
@Entity('diary_notes')
@Index('IDX_diary_notes_user_day', ['userId', 'day'])
export class DiaryNoteEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) userId!: number;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'varchar', length: 1000 }) text!: string;
  @Column({ type: 'datetime' }) createdAt!: Date;
}
