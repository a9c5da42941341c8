import type { Readable } from 'node:stream';
import type { PhotoMimeType } from '../../../../contracts/photos.contract';

export interface PhotoType {
  mime: PhotoMimeType;
  ext: 'jpg' | 'png' | 'webp';
}

/** Bytes needed to tell the type: the longest check (WebP) reads 16. */
export const SNIFF_BYTES = 16;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WEBP_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X']);

/**
 * The image type told by the content, or null when it is not a JPEG, PNG or WebP image:
 *  - JPEG: FF D8 FF (start of image, then the first marker);
 *  - PNG: the 8-byte signature, then the IHDR chunk every PNG starts with;
 *  - WebP: "RIFF" <size> "WEBP", then a VP8 / VP8L / VP8X chunk.
 */
export function sniffPhotoType(head: Buffer): PhotoType | null {
  if (head.length < SNIFF_BYTES) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (head.subarray(0, 8).equals(PNG_SIGNATURE) && head.toString('latin1', 12, 16) === 'IHDR') return { mime: 'image/png', ext: 'png' };
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP' && WEBP_CHUNKS.has(head.toString('latin1', 12, 16))) {
    return { mime: 'image/webp', ext: 'webp' };
  }
  return null;
}

export class PhotoTooLargeError extends Error {}
export class PhotoTypeError extends Error {}

/**
 * Reads an uploaded file into memory, never more than `maxBytes` (+ one chunk): the type is checked
 * as soon as its first bytes have arrived, the size on every chunk, so a wrong or oversized file is
 * refused while it streams in, before anything is stored.
 */
export async function readPhoto(stream: Readable, maxBytes: number): Promise<{ bytes: Buffer; type: PhotoType }> {
  const chunks: Buffer[] = [];
  let total = 0;
  let type: PhotoType | null = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new PhotoTooLargeError(`over ${maxBytes} bytes`);
    }
    chunks.push(chunk);
    if (!type && total >= SNIFF_BYTES) {
      type = sniffPhotoType(Buffer.concat(chunks, total).subarray(0, SNIFF_BYTES));
      if (!type) {
        stream.destroy();
        throw new PhotoTypeError('not a JPEG, PNG or WebP image');
      }
    }
  }
  if (!type) throw new PhotoTypeError('too short to be an image');
  return { bytes: Buffer.concat(chunks, total), type };
}
