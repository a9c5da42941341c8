import type { PhotoType } from './photo-content';

/**
 * Residents photograph their homes: the location their phone writes into a photo must not travel
 * with it (PIPL). We remove where the photo was taken and free-text metadata, and keep what the
 * picture needs to show right (EXIF orientation, colour profiles):
 *  - JPEG: the EXIF GPS directory is emptied in place (entries and their values zeroed); XMP and
 *    IPTC segments (which repeat location and names) are dropped.
 *  - PNG: text and eXIf chunks are dropped.
 *  - WebP: EXIF and XMP chunks are dropped (RIFF size and VP8X flags fixed).
 * Malformed metadata is left to the decoder: this never throws and never touches image data.
 */
export function stripPhotoMetadata(bytes: Buffer, type: PhotoType): Buffer {
  try {
    if (type.mime === 'image/jpeg') return stripJpeg(bytes);
    if (type.mime === 'image/png') return stripPng(bytes);
    return stripWebp(bytes);
  } catch {
    return bytes;
  }
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

function stripJpeg(src: Buffer): Buffer {
  const out: Buffer[] = [src.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= src.length && src[i] === 0xff) {
    const marker = src[i + 1];
    if (marker === 0xda) break; // start of scan: image data to the end
    const len = src.readUInt16BE(i + 2);
    const segment = Buffer.from(src.subarray(i, i + 2 + len));
    i += 2 + len;
    if (marker === 0xe1 && segment.subarray(4, 10).equals(EXIF_HEADER)) {
      emptyGpsDirectory(segment, 10);
      out.push(segment);
    } else if (marker === 0xe1 || marker === 0xed) {
      continue; // XMP (APP1 without Exif header) and IPTC (APP13)
    } else {
      out.push(segment);
    }
  }
  out.push(src.subarray(i));
  return Buffer.concat(out);
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8 };

/** In a TIFF structure starting at `base`: find IFD0's GPSInfo (0x8825) and blank that directory. */
function emptyGpsDirectory(buf: Buffer, base: number): void {
  const le = buf.toString('latin1', base, base + 2) === 'II';
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd0 = base + u32(base + 4);
  const count = u16(ifd0);
  for (let e = 0; e < count; e++) {
    const entry = ifd0 + 2 + e * 12;
    if (u16(entry) !== 0x8825) continue;
    const gps = base + u32(entry + 8);
    const n = u16(gps);
    for (let g = 0; g < n; g++) {
      const ge = gps + 2 + g * 12;
      const size = (TYPE_SIZE[u16(ge + 2)] ?? 1) * u32(ge + 4);
      if (size > 4) {
        const at = base + u32(ge + 8);
        if (at + size <= buf.length) buf.fill(0, at, at + size);
      }
      buf.fill(0, ge, ge + 12);
    }
    buf.fill(0, gps, gps + 2); // zero entries
  }
}

const PNG_DROP = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf']);

function stripPng(src: Buffer): Buffer {
  const out: Buffer[] = [src.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= src.length) {
    const len = src.readUInt32BE(i);
    const type = src.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (!PNG_DROP.has(type)) out.push(src.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(out);
}

function stripWebp(src: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 12;
  while (i + 8 <= src.length) {
    const type = src.toString('latin1', i, i + 4);
    const len = src.readUInt32LE(i + 4);
    const end = i + 8 + len + (len % 2);
    if (type !== 'EXIF' && type !== 'XMP ') out.push(Buffer.from(src.subarray(i, end)));
    i = end;
  }
  const vp8x = out.find((c) => c.toString('latin1', 0, 4) === 'VP8X');
  if (vp8x) vp8x[8] &= ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
  const body = Buffer.concat(out);
  const header = Buffer.from(src.subarray(0, 12));
  header.writeUInt32LE(body.length + 4, 4);
  return Buffer.concat([header, body]);
}
