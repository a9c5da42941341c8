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
}
