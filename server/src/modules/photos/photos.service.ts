import { HttpException, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import {
  PHOTO_MAX_BYTES,
  PHOTOS_PER_CONCERN_MAX,
  PhotoErrorCode,
  photoUrl,
  type PhotoMimeType,
  type PhotoRef,
  type UploadPhotoResponse,
} from '../../../../contracts/photos.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { PHOTO_ACCESS, type PhotoAccess } from './photo-access';
import { stripPhotoMetadata } from './photo-metadata';
import { PhotoTooLargeError, PhotoTypeError, readPhoto } from './photo-content';
import { newStorageKey, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { PhotosRepository } from './photos.repository';

/** DomainException is typed with contracts/errors.ts's ErrorCode; the photo codes live in photos.contract.ts. */
const photoError = (code: PhotoErrorCode, status: number, message: string) => new DomainException(code, status, message);

const notFound = () => photoError(PhotoErrorCode.PHOTO_NOT_FOUND, 404, '没有找到这张照片');
const tooLarge = () => photoError(PhotoErrorCode.PHOTO_TOO_LARGE, 413, `照片太大了，每张不能超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);
const wrongType = () => photoError(PhotoErrorCode.PHOTO_TYPE_NOT_ALLOWED, 415, '只能上传 JPG、PNG 或 WebP 格式的照片');
const notAvailable = () => photoError(PhotoErrorCode.PHOTO_NOT_AVAILABLE, 422, '有照片无法使用，请重新添加照片');

export interface AttachPhotos {
  photoIds: number[];
  uploaderId: number;
  concernId: number;
  eventId: number | null;
}

export interface OpenedPhoto {
  stream: Readable;
  mime: PhotoMimeType;
  size: number;
}

@Injectable()
export class PhotosService implements OnModuleInit {
  private readonly logger = new Logger(PhotosService.name);
  private access!: PhotoAccess;

  constructor(
    private readonly db: DatabaseService,
    private readonly photos: PhotosRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * Who may see a concern is the concerns module's rule (PHOTO_ACCESS, provided there): looked up,
   * not imported, so there is no module cycle. Without it the service refuses to start.
   */
  onModuleInit(): void {
    this.access = this.moduleRef.get<PhotoAccess>(PHOTO_ACCESS, { strict: false });
  }

  /** Stores one uploaded photo of the caller, unattached. The type is told by the content; the size is limited while it streams in. */
  async upload(auth: AuthClaims, stream: Readable | undefined): Promise<UploadPhotoResponse> {
    if (!stream) throw photoError(PhotoErrorCode.PHOTO_FILE_REQUIRED, 400, '请选择要上传的照片');
    const read = await readPhoto(stream, PHOTO_MAX_BYTES).catch((err: unknown) => {
      if (err instanceof PhotoTypeError) throw wrongType();
      // The multipart parser fails the stream with a 413 once its fileSize limit is passed.
      if (err instanceof PhotoTooLargeError || (err instanceof HttpException && err.getStatus() === 413)) throw tooLarge();
      throw err;
    });
    const type = read.type;
    // Where the photo was taken stays with the resident, not with the photo.
    const bytes = stripPhotoMetadata(read.bytes, type);
    const key = newStorageKey(type.ext);
    await this.storage.put(key, bytes);
    try {
      const id = await this.db.transaction((m) =>
        this.photos.insert(m, { uploaderId: auth.sub, concernId: null, eventId: null, storageKey: key, mime: type.mime, bytes: bytes.length, createdAt: new Date(), thumbKey: null, width: null, height: null, refusedAt: null }),
      );
      return { id, url: photoUrl(id) };
    } catch (err) {
      await this.storage.delete(key).catch(() => undefined);
      throw err;
    }
  }

  /** The photo's file if the caller may see it: its uploader, or whoever may see the concern it is attached to. Otherwise 404. */
  async open(auth: AuthClaims, id: number): Promise<OpenedPhoto> {
    const photo = await this.photos.findById(id);
    if (!photo) throw notFound();
    const concernId = photo.concernId === null ? null : Number(photo.concernId);
    const allowed = Number(photo.uploaderId) === auth.sub || (concernId !== null && (await this.access.canSeeConcern(auth, concernId)));
    if (!allowed) throw notFound();
    const file = await this.storage.get(photo.storageKey);
    if (!file) {
      this.logger.error(`photo ${id}: file ${photo.storageKey} is missing from the storage`);
      throw notFound();
    }
    return { stream: file.stream, mime: photo.mime, size: file.size };
  }

  /**
   * Attaches photos the uploader has uploaded and not yet attached to a concern (and to one of its
   * events, e.g. the fix). Call it inside the transaction that saves the concern or the event: one
   * conditional UPDATE; unless it changes exactly one row per id it throws 422 PHOTO_NOT_AVAILABLE,
   * and the caller's transaction rolls back (nothing attached). No ids: nothing to do.
   */
  async attach(m: EntityManager, opts: AttachPhotos): Promise<void> {
    const ids = opts.photoIds;
    if (ids.length === 0) return;
    if (ids.length > PHOTOS_PER_CONCERN_MAX) {
      throw photoError(PhotoErrorCode.PHOTO_LIMIT_EXCEEDED, 422, `最多可以添加 ${PHOTOS_PER_CONCERN_MAX} 张照片`);
    }
    if (!ids.every((id) => Number.isInteger(id) && id > 0 && id <= 2147483647) || new Set(ids).size !== ids.length) throw notAvailable();
    const changed = await this.photos.attach(m, ids, opts.uploaderId, opts.concernId, opts.eventId);
    if (changed !== ids.length) throw notAvailable();
  }

  /** The photos of a concern, oldest first, with the event each came with (null: the submission). */
  async listForConcern(concernId: number, m?: EntityManager): Promise<(PhotoRef & { eventId: number | null })[]> {
    const rows = await this.photos.listByConcern(concernId, m);
    return rows.map((r) => ({ id: Number(r.id), url: photoUrl(Number(r.id)), eventId: r.eventId === null ? null : Number(r.eventId) }));
  }
}
