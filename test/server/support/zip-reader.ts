import ExcelJS from 'exceljs';
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

/** The first sheet's rows read with exceljs: each cell's value as stored (strings, numbers; empty cells null), placed by column. */
export async function xlsxRows(buf: Buffer): Promise<(string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const rows: (string | number | null)[][] = [];
  wb.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
    const cells: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value;
      if (v !== null && typeof v !== 'string' && typeof v !== 'number') throw new Error(`cell ${cell.address} holds ${JSON.stringify(v)}`);
      cells[col - 1] = v;
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}
