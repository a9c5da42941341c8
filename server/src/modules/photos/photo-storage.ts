import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

/** Where photo files live. Keys are made by the server (newStorageKey), never from a client's file name. */
export interface PhotoStorage {
  /** Stores the bytes under a new key; fails if the key exists. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The stored file as a stream with its size, or null when there is none. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the file; no error when it is already gone. */
  delete(key: string): Promise<void>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/** "3f/3f9a…(40 hex).jpg": 160 random bits, fanned out over 256 folders. */
export function newStorageKey(ext: string): string {
  const name = randomBytes(20).toString('hex');
  return `${name.slice(0, 2)}/${name}.${ext}`;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{40}\.(jpg|png|webp)$/;

/** Files under `<DATA_DIR>/photos/`; written to a temporary name first, so a crash never leaves half a photo under its key. */
@Injectable()
export class LocalDiskPhotoStorage implements PhotoStorage {
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.dataDir, 'photos');
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    let handle;
    try {
      handle = await open(this.path(key), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      const { size } = await handle.stat();
      // The stream owns the handle from here on and closes it when it ends or is destroyed.
      return { stream: handle.createReadStream(), size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.path(key)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  /** Only keys of our own shape reach the file system: no `..`, no absolute paths. */
  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a photo storage key: ${JSON.stringify(key)}`);
    return join(this.root, key);
  }
}
