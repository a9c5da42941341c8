import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { affectedRows, DatabaseService } from '../../database/database.service';
import { ConcernPhotoEntity } from './concern-photo.entity';

@Injectable()
export class PhotosRepository {
  constructor(private readonly db: DatabaseService) {}

  async insert(m: EntityManager, v: Omit<ConcernPhotoEntity, 'id'>): Promise<number> {
    const r = await m.insert(ConcernPhotoEntity, v);
    return Number(r.identifiers[0].id);
  }

  findById(id: number): Promise<ConcernPhotoEntity | null> {
    return this.db.manager.findOne(ConcernPhotoEntity, { where: { id } });
  }

  /** Attaches the uploader's own, still unattached photos; returns how many rows changed. */
  async attach(m: EntityManager, ids: number[], uploaderId: number, concernId: number, eventId: number | null): Promise<number> {
    const result = await m
      .createQueryBuilder()
      .update(ConcernPhotoEntity)
      .set({ concernId, eventId })
      .where('id IN (:...ids) AND uploader_id = :uploaderId AND concern_id IS NULL', { ids, uploaderId })
      .execute();
    return affectedRows(result);
  }

  listByConcern(concernId: number, m: EntityManager = this.db.manager): Promise<Pick<ConcernPhotoEntity, 'id' | 'eventId'>[]> {
    return m.find(ConcernPhotoEntity, { where: { concernId }, select: { id: true, eventId: true }, order: { id: 'ASC' } });
  }
}
