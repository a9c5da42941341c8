import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { ConcernPhotoEntity } from './concern-photo.entity';
import { SchedulerService } from '../scheduler/scheduler.service';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

/** Photos uploaded but never attached to a concern (the form was abandoned) are removed after a day. */
export const UNATTACHED_PHOTO_TTL_MS = 24 * 3600_000;

@Injectable()
export class PhotosJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly db: DatabaseService,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'photos.purge-unattached', everyMs: 3600_000, run: (now) => this.purgeUnattached(now) });
  }

  async purgeUnattached(now: Date): Promise<string> {
    const cutoff = this.db.dateParam(new Date(now.getTime() - UNATTACHED_PHOTO_TTL_MS));
    const old: { id: number; storageKey: string }[] = await this.db.manager.query(
      'SELECT id, storage_key AS storageKey FROM concern_photos WHERE concern_id IS NULL AND created_at < ? ORDER BY id LIMIT 500',
      [cutoff],
    );
    let removed = 0;
    for (const p of old) {
      // Conditional: a photo attached meanwhile stays. The row goes first; a file left by a crash is harmless.
      const gone = await this.db.transaction(async (m) =>
        affectedRows(await m.createQueryBuilder().delete().from(ConcernPhotoEntity).where('id = :id AND concern_id IS NULL', { id: p.id }).execute()) === 1,
      );
      if (!gone) continue;
      await this.storage.delete(p.storageKey).catch(() => undefined);
      removed++;
    }
    return `removed ${removed}`;
  }
}
