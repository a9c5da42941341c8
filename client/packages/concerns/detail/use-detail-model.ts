import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { ConcernDetail } from '@contracts/concerns.contract';
import { getConcern } from '@/services/concerns.api';
import { downloadPhoto } from '@/services/photos.api';
import { errorMessage } from '@/services/request';
import { useActionForm } from './use-action-form';

/** Every photo URL the concern shows: its own, then those of each step (e.g. of the fix). */
function photoUrlsOf(c: ConcernDetail): string[] {
  return [...(c.photoUrls ?? []), ...c.timeline.flatMap((e) => e.photoUrls ?? [])];
}

/**
 * The photos are downloaded with the login token (an <Image> cannot send it) and shown from the
 * local files; each URL is fetched once.
 */
function usePhotoFiles(concern: ConcernDetail | null) {
  const [files, setFiles] = useState<Record<string, string>>({});
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!concern) return;
    for (const url of photoUrlsOf(concern)) {
      if (asked.current.has(url)) continue;
      asked.current.add(url);
      downloadPhoto(url)
        .then((path) => setFiles((prev) => ({ ...prev, [url]: path })))
        .catch(() => setFiles((prev) => ({ ...prev, [url]: 'failed' })));
    }
  }, [concern]);

  const open = (url: string) => {
    const urls = concern ? photoUrlsOf(concern).map((u) => files[u]).filter((p): p is string => !!p && p !== 'failed') : [];
    const current = files[url];
    if (current && current !== 'failed') void Taro.previewImage({ urls, current });
  };
  return { files, open };
}

export function useDetailModel() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [concern, setConcern] = useState<ConcernDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    if (!Number.isInteger(id) || id <= 0) {
      setError('没有找到这个问题');
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setConcern(await getConcern(id));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [id]);

  useDidShow(() => {
    void reload();
  });

  const photos = usePhotoFiles(concern);
  const form = useActionForm(concern, setConcern, reload);

  return { concern, error, loading, reload, photos: photos.files, openPhoto: photos.open, form };
}
