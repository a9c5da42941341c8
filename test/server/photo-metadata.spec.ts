import { stripPhotoMetadata } from '../../server/src/modules/photos/photo-metadata';

const seg = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** EXIF (little-endian TIFF) with IFD0 = { Orientation: 6, GPSInfo → { LatitudeRef 'N', Latitude 39/1 54/1 27/1 } }. */
function exifWithGps(): Buffer {
  const t = Buffer.alloc(100);
  t.write('II', 0, 'latin1');
  t.writeUInt16LE(42, 2);
  t.writeUInt32LE(8, 4); // IFD0 at 8
  t.writeUInt16LE(2, 8); // two entries
  // Orientation (0x0112), SHORT, 1, value 6
  t.writeUInt16LE(0x0112, 10); t.writeUInt16LE(3, 12); t.writeUInt32LE(1, 14); t.writeUInt16LE(6, 18);
  // GPSInfo (0x8825), LONG, 1, offset 38
  t.writeUInt16LE(0x8825, 22); t.writeUInt16LE(4, 24); t.writeUInt32LE(1, 26); t.writeUInt32LE(38, 30);
  t.writeUInt32LE(0, 34); // next IFD
  t.writeUInt16LE(2, 38); // GPS IFD: two entries
  t.writeUInt16LE(0x0001, 40); t.writeUInt16LE(2, 42); t.writeUInt32LE(2, 44); t.write('N\0', 48, 'latin1'); // LatitudeRef
  t.writeUInt16LE(0x0002, 52); t.writeUInt16LE(5, 54); t.writeUInt32LE(3, 56); t.writeUInt32LE(68, 60); // Latitude → 68
  t.writeUInt32LE(0, 64);
  [39, 1, 54, 1, 27, 1].forEach((v, k) => t.writeUInt32LE(v, 68 + k * 4));
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t.subarray(0, 92)]);
}

describe('photo metadata stripping (PIPL: where a photo was taken stays with the resident)', () => {
  const scan = Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0x33, 0xff, 0xd9]);
  const jfif = seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
  const xmp = seg(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPS 39.9</x:xmpmeta>', 'latin1'));
  const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, seg(0xe1, exifWithGps()), xmp, scan]);

  it('JPEG: empties the GPS directory, drops XMP, keeps the orientation and every byte of image data', () => {
    const out = stripPhotoMetadata(jpeg, { mime: 'image/jpeg', ext: 'jpg' });
    const latitude = Buffer.alloc(24);
    [39, 1, 54, 1, 27, 1].forEach((v, k) => latitude.writeUInt32LE(v, k * 4));
    expect(jpeg.includes(latitude)).toBe(true);
    expect(out.includes(latitude)).toBe(false);
    expect(out.includes(Buffer.from('ns.adobe.com/xap', 'latin1'))).toBe(false);
    expect(out.subarray(out.length - scan.length)).toEqual(scan);
    expect(out.subarray(0, 2 + jfif.length)).toEqual(jpeg.subarray(0, 2 + jfif.length));
    // Orientation (0x0112) = 6 is still in IFD0 (Exif APP1 starts right after SOI + JFIF; TIFF at +10).
    const tiff = 2 + jfif.length + 10;
    expect(out.readUInt16LE(tiff + 10)).toBe(0x0112);
    expect(out.readUInt16LE(tiff + 18)).toBe(6);
    expect(out.length).toBe(jpeg.length - xmp.length);
  });

  it('PNG: drops text and eXIf chunks, keeps the image chunks', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const ihdr = chunk('IHDR', Buffer.alloc(13, 1));
    const idat = chunk('IDAT', Buffer.from('pixels'));
    const iend = chunk('IEND', Buffer.alloc(0));
    const png = Buffer.concat([sig, ihdr, chunk('tEXt', Buffer.from('Location\0Home', 'latin1')), chunk('eXIf', exifWithGps()), idat, iend]);
    expect(stripPhotoMetadata(png, { mime: 'image/png', ext: 'png' })).toEqual(Buffer.concat([sig, ihdr, idat, iend]));
  });

  it('WebP: drops EXIF and XMP chunks, fixes the RIFF size and the VP8X flags', () => {
    const chunk = (type: string, data: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32LE(data.length);
      return Buffer.concat([Buffer.from(type, 'latin1'), len, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = chunk('VP8X', Buffer.from([0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const image = chunk('VP8L', Buffer.from('abcdef'));
    const body = Buffer.concat([vp8x, image, chunk('EXIF', exifWithGps()), chunk('XMP ', Buffer.from('<gps/>'))]);
    const riff = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WEBP', 'latin1'), body]);
    riff.writeUInt32LE(riff.length - 8, 4);
    const out = stripPhotoMetadata(riff, { mime: 'image/webp', ext: 'webp' });
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out.includes(Buffer.from('EXIF', 'latin1'))).toBe(false);
    expect(out.includes(Buffer.from('XMP ', 'latin1'))).toBe(false);
    expect(out.includes(image)).toBe(true);
    expect(out[20] & 0x0c).toBe(0);
  });

  it('leaves malformed metadata to the decoder instead of failing the upload', () => {
    const broken = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 1, 2]);
    expect(() => stripPhotoMetadata(broken, { mime: 'image/jpeg', ext: 'jpg' })).not.toThrow();
  });
});
