import { Module } from '@nestjs/common';
import { LocalDiskPhotoStorage, PHOTO_STORAGE } from './photo-storage';
import { PhotosController } from './photos.controller';
import { PhotosRepository } from './photos.repository';
import { PhotosService } from './photos.service';
import { PhotosJobs } from './photos.jobs';

/**
 * Photos of concerns: upload (POST /api/photos), viewing (GET /api/photos/:id) and
 * PhotosService.attach() for the concerns module's submit/resolve transactions.
 */
@Module({
  controllers: [PhotosController],
  providers: [PhotosRepository, PhotosService, PhotosJobs, { provide: PHOTO_STORAGE, useClass: LocalDiskPhotoStorage }],
  exports: [PhotosService],
})
export class PhotosModule {}
