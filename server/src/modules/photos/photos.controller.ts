import { Controller, Get, Header, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PHOTO_MAX_BYTES, PHOTO_UPLOAD_FIELD, PhotoMimeTypes, type UploadPhotoResponse } from '../../../../contracts/photos.contract';
import { Access } from '../../common/auth/access.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { AuthClaims } from '../../common/auth/token.service';
import { IdPipe } from '../../common/http/zod-validation.pipe';
import { PhotosService } from './photos.service';

/**
 * One file per request, streamed: the multipart parser stops a file at PHOTO_MAX_BYTES (the
 * service then answers 413); a few small text fields are tolerated (mini-program uploadFile may add some).
 */
const UPLOAD = FileStreamInterceptor(PHOTO_UPLOAD_FIELD, {
  limits: { fileSize: PHOTO_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11, headerPairs: 100 },
});

@ApiTags('photos')
@Controller('api/photos')
export class PhotosController {
  constructor(private readonly photos: PhotosService) {}

  @Post()
  @Access.authenticated()
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [PHOTO_UPLOAD_FIELD],
      properties: { [PHOTO_UPLOAD_FIELD]: { type: 'string', format: 'binary', description: `JPEG, PNG or WebP, at most ${PHOTO_MAX_BYTES} bytes` } },
    },
  })
  upload(@CurrentUser() auth: AuthClaims, @UploadedFile() file: MultipartFileStream | undefined): Promise<UploadPhotoResponse> {
    return this.photos.upload(auth, file?.stream);
  }

  @Get(':id')
  @Access.authenticated()
  @ApiProduces(...PhotoMimeTypes)
  @Header('cache-control', 'private, max-age=86400')
  @Header('x-content-type-options', 'nosniff')
  async view(@CurrentUser() auth: AuthClaims, @Param('id', IdPipe) id: number): Promise<StreamableFile> {
    const photo = await this.photos.open(auth, id);
    return new StreamableFile(photo.stream, { type: photo.mime, length: photo.size });
  }
}
