/**
 * Photos of concerns (and of their fixes): plain constants and types, no zod — the mini-program
 * imports these. Upload: `POST /api/photos` (multipart, one file in the field `file`), one photo
 * per request; view: `GET /api/photos/:id` with the Authorization header.
 */

/** Largest photo the server accepts, in bytes (after compression on the device). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** At most this many photos go with one concern submission, or with one event (e.g. the fix). */
export const PHOTOS_PER_CONCERN_MAX = 9;

/** The multipart field that carries the file. */
export const PHOTO_UPLOAD_FIELD = 'file';

/** What the server accepts, decided by the file's content (magic bytes), never by its name. */
export const PhotoMimeTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMimeType = (typeof PhotoMimeTypes)[number];

/**
 * Error codes of the photo routes and of attaching photos to a concern. They travel in the same
 * `{ code, message, requestId }` shape as every other error (contracts/errors.ts).
 */
export const PhotoErrorCode = {
  /** 415: the content is not a JPEG, PNG or WebP image (whatever the file is called). */
  PHOTO_TYPE_NOT_ALLOWED: 'PHOTO_TYPE_NOT_ALLOWED',
  /** 413: over PHOTO_MAX_BYTES. */
  PHOTO_TOO_LARGE: 'PHOTO_TOO_LARGE',
  /** 400: the request carries no file in the field `file`. */
  PHOTO_FILE_REQUIRED: 'PHOTO_FILE_REQUIRED',
  /** 404: no such photo, or the caller may not see it. */
  PHOTO_NOT_FOUND: 'PHOTO_NOT_FOUND',
  /** 422: a photo to attach is not the caller's own, is already attached, or does not exist. */
  PHOTO_NOT_AVAILABLE: 'PHOTO_NOT_AVAILABLE',
  /** 422: more than PHOTOS_PER_CONCERN_MAX photos at once. */
  PHOTO_LIMIT_EXCEEDED: 'PHOTO_LIMIT_EXCEEDED',
} as const;
export type PhotoErrorCode = (typeof PhotoErrorCode)[keyof typeof PhotoErrorCode];

/** A photo as responses refer to it. `url` needs the Authorization header (download it, then show the local file). */
export interface PhotoRef {
  id: number;
  url: string;
}

/** POST /api/photos -> 201 */
export type UploadPhotoResponse = PhotoRef;

/** The one place the photo URL is built (server responses; the client passes it back to the server). */
export const photoUrl = (id: number): string => `/api/photos/${id}`;
