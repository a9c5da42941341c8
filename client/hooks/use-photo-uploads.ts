import { useRef } from 'react';
import { PHOTOS_PER_CONCERN_MAX } from '@contracts/photos.contract';
import type { PickedPhoto } from '@/components/photo-picker/photo-picker';
import { PhotoPickError, pickPhotos, uploadPhoto } from '@/services/photos.api';
import { errorMessage } from '@/services/request';
import { randomId } from '@/utils/format';

/** A photo on its way to the server; `key` tells photos apart while they upload. */
export interface UploadItem extends PickedPhoto {
  key: string;
}

export type UpdatePhotos = (change: (prev: UploadItem[]) => UploadItem[]) => void;

/** Why a form with these photos cannot be sent yet, or null. */
export function photoProblem(photos: ReadonlyArray<UploadItem>): string | null {
  if (photos.some((p) => p.status === 'uploading')) return '照片还在上传，请等上传完成再提交';
  if (photos.some((p) => p.status === 'failed')) return '有照片没有上传成功：请点照片下的“上传失败，点此重试”，或删除这张照片';
  return null;
}

/** The server ids of the uploaded photos, in order. */
export function uploadedIds(photos: ReadonlyArray<UploadItem>): number[] {
  return photos.filter((p) => p.status === 'done' && typeof p.id === 'number').map((p) => p.id as number);
}

/**
 * Picks photos and uploads them one by one (a queue: one upload at a time, in order). The list
 * itself lives with the caller (e.g. in a draft); this hook only changes it through `update`.
 */
export function usePhotoUploads(photos: ReadonlyArray<UploadItem>, update: UpdatePhotos, onError: (message: string) => void, max = PHOTOS_PER_CONCERN_MAX) {
  const queue = useRef<Promise<void>>(Promise.resolve());
  const setStatus = (key: string, patch: Partial<UploadItem>) => update((prev) => prev.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const upload = (item: UploadItem) => {
    queue.current = queue.current.then(async () => {
      try {
        const { id } = await uploadPhoto(item.localPath);
        setStatus(item.key, { id, status: 'done' });
      } catch (e) {
        setStatus(item.key, { status: 'failed' });
        onError(errorMessage(e));
      }
    });
  };

  const add = async () => {
    let paths: string[];
    try {
      paths = await pickPhotos(max - photos.length);
    } catch (e) {
      onError(e instanceof PhotoPickError ? e.message : errorMessage(e));
      return;
    }
    const items: UploadItem[] = paths.map((localPath) => ({ key: randomId(), localPath, status: 'uploading' }));
    if (items.length === 0) return;
    update((prev) => [...prev, ...items]);
    items.forEach(upload);
  };

  const remove = (index: number) => update((prev) => prev.filter((_, i) => i !== index));

  const retry = (index: number) => {
    const item = photos[index];
    if (!item || item.status !== 'failed') return;
    setStatus(item.key, { status: 'uploading' });
    upload({ ...item, status: 'uploading' });
  };

  return {
    max,
    add: () => void add(),
    remove,
    retry,
    uploading: photos.some((p) => p.status === 'uploading'),
  };
}
