import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PhotoMimeType } from '../../../../contracts/photos.contract';

/**
 * A photo uploaded by a person. `concernId` is null until the photo is attached to a concern
 * (attaching is a conditional update: only the uploader's own, still unattached photos); `eventId`
 * names the timeline event it came with (e.g. photos of the fix), null for the submission's photos.
 * The file itself lives in the PhotoStorage under `storageKey` (random, never the client's file name).
 */
@Entity('concern_photos')
@Index('UQ_concern_photos_key', ['storageKey'], { unique: true })
@Index('IDX_concern_photos_concern', ['concernId'])
@Index('IDX_concern_photos_uploader', ['uploaderId', 'concernId'])
export class ConcernPhotoEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'int' }) uploaderId!: number;
  @Column({ type: 'int', nullable: true }) concernId!: number | null;
  @Column({ type: 'int', nullable: true }) eventId!: number | null;
  @Column({ type: 'varchar', length: 80 }) storageKey!: string;
  @Column({ type: 'varchar', length: 20 }) mime!: PhotoMimeType;
  @Column({ type: 'int' }) bytes!: number;
  @Column({ type: 'datetime' }) createdAt!: Date;
  /** Issue 11: the list-size copy (null for photos stored before re-encoding existed). */
  @Column({ type: 'varchar', length: 80, nullable: true }) thumbKey!: string | null;
  @Column({ type: 'int', nullable: true }) width!: number | null;
  @Column({ type: 'int', nullable: true }) height!: number | null;
  /** Issue 11: set when WeChat content security found the photo risky; nobody sees it from then on. */
  @Column({ type: 'datetime', nullable: true }) refusedAt!: Date | null;
}
