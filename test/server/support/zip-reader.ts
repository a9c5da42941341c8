import { inflateRawSync } from 'node:zlib';

/** Reads every entry of a zip archive through its central directory (stored or deflated), checking each CRC-free size. */
export function readZip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const packedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const packed = buf.subarray(start, start + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    if (data.length !== size) throw new Error(`size mismatch for ${name}`);
    out.set(name, data.toString('utf8'));
    p += 46 + nameLen + extra;
  }
  return out;
}

/** Rows of an inline-string / number sheet as arrays of cell texts, placed by their column letter (empty cells: ''). */
export function sheetRows(xml: string): string[][] {
  const unescape = (v: string) => v.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => {
    const row: string[] = [];
    for (const c of r[1].matchAll(/<c r="([A-Z]+)\d+"[^>]*>(?:<is><t[^>]*>(.*?)<\/t><\/is>|<v>(.*?)<\/v>)<\/c>/g)) {
      const col = [...c[1]].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      while (row.length < col) row.push('');
      row[col] = unescape(c[2] ?? c[3]);
    }
    return row;
  });
}
