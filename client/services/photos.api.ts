import Taro from '@tarojs/taro';
import { PHOTO_UPLOAD_FIELD, PHOTOS_PER_CONCERN_MAX, type UploadPhotoResponse } from '@contracts/photos.contract';
import { authHeader, NETWORK_MESSAGE, uploadFailure, uploadWithToken, UNKNOWN_MESSAGE } from './file-transfer';
import { ApiError, buildUrl, NETWORK_ERROR } from './request';


/** Choosing photos failed for a reason other than the person cancelling (e.g. no permission for the camera). */
export class PhotoPickError extends Error {
  constructor(readonly detail: string) {
    super('没能打开相机或相册，请在设置里允许使用相机和相册后再试');
    this.name = 'PhotoPickError';
  }
}

const isCancel = (err: unknown) => /cancel/i.test(String((err as { errMsg?: string } | null)?.errMsg ?? ''));

/**
 * Takes or picks up to `max` photos (camera or album, compressed by the system). Resolves to their
 * local paths; to [] when the person cancels. H5 without chooseMedia falls back to chooseImage.
 */
export async function pickPhotos(max: number): Promise<string[]> {
  const count = Math.min(Math.floor(max), PHOTOS_PER_CONCERN_MAX);
  if (count < 1) return [];
  try {
    if (typeof Taro.chooseMedia === 'function') {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
      return res.tempFiles.map((f) => f.tempFilePath).slice(0, count);
    }
    const res = await Taro.chooseImage({ count, sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    return res.tempFilePaths.slice(0, count);
  } catch (err) {
    if (isCancel(err)) return [];
    throw new PhotoPickError(String((err as { errMsg?: string } | null)?.errMsg ?? err));
  }
}

/** Compresses on the device where Taro can (the mini-program); in H5 the photo goes as it is. A failed compression uploads the original. */
async function compressed(localPath: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5' || typeof Taro.compressImage !== 'function') return localPath;
  try {
    const res = await Taro.compressImage({ src: localPath, quality: 80, compressedWidth: 1600 });
    return res.tempFilePath || localPath;
  } catch {
    return localPath;
  }
}

/** Uploads one photo (compressed first where possible): `{ id, url }`, or an ApiError (PHOTO_TOO_LARGE, PHOTO_TYPE_NOT_ALLOWED, NETWORK_ERROR, …). */
export async function uploadPhoto(localPath: string): Promise<UploadPhotoResponse> {
  const filePath = await compressed(localPath);
  const res = await uploadWithToken({ url: buildUrl('/api/photos'), filePath, name: PHOTO_UPLOAD_FIELD });
  const data = res.data;
  const ok = res.statusCode >= 200 && res.statusCode < 300;
  const photo = data as Partial<UploadPhotoResponse> | null;
  if (ok && photo && typeof photo.id === 'number' && typeof photo.url === 'string') return { id: photo.id, url: photo.url };
  throw ok ? new ApiError(`HTTP_${res.statusCode}`, UNKNOWN_MESSAGE, res.statusCode) : uploadFailure(res.statusCode, data);
}

/**
 * A photo the server holds (`url` from a response, e.g. /api/photos/12), downloaded with the login
 * token (an <Image src> cannot send it) to a local path an <Image> can show.
 */
export async function downloadPhoto(url: string): Promise<string> {
  let res: { statusCode: number; tempFilePath: string };
  try {
    res = await Taro.downloadFile({ url: buildUrl(url), header: authHeader() });
  } catch {
    throw new ApiError(NETWORK_ERROR, NETWORK_MESSAGE, 0);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.tempFilePath;
  throw uploadFailure(res.statusCode, null);
}
