import ExcelJS from 'exceljs';

/**
 * Spreadsheets (.xlsx) through exceljs, a maintained library (it replaced a hand-written writer): one sheet of plain
 * cells out, the first sheet's cells in as text.
 */
export type Cell = string | number | null;

export { XLSX_MIME } from '../../../contracts/files.constants';

/** A workbook of one sheet: the first row bold (the header), columns wide enough for their text. */
export async function writeXlsx(sheetName: string, rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  const ws = wb.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1');
  for (const row of rows) ws.addRow(row.map((v) => (v === '' ? null : v)));
  if (rows.length > 0) ws.getRow(1).font = { bold: true };
  const widths = rows[0]?.map((_, c) => Math.min(40, Math.max(8, ...rows.slice(0, 200).map((r) => textWidth(r[c]))))) ?? [];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w + 2));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Display width: a CJK character counts as two. */
function textWidth(v: Cell | undefined): number {
  const s = v === null || v === undefined ? '' : String(v);
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

export class XlsxUnreadableError extends Error {}

/** The unpacked size a file declares is over the limit (a "zip bomb" would exhaust memory when loaded). */
export class XlsxTooLargeError extends Error {}

/** What a register sheet may unpack to: 50,000 households with members unpack to about 40 MB. */
export const XLSX_MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * Sums the uncompressed sizes in the zip's central directory before anything is inflated, and refuses a file that
 * declares more than `limit` (or a ZIP64 size, which no register sheet needs). A file whose directory cannot be read is
 * left to exceljs, which reports it unreadable.
 */
export function assertUnpackedSize(bytes: Buffer, limit = XLSX_MAX_UNPACKED_BYTES): void {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > bytes.length) return;
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) throw new XlsxTooLargeError('ZIP64 entry');
    total += size;
    if (total > limit) throw new XlsxTooLargeError(`unpacks to more than ${limit} bytes`);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

/**
 * The first sheet's rows as text cells (row numbers as in the spreadsheet, the header is row 1). Numbers come back as
 * their plain text ("301", "1.5"), dates as YYYY-MM-DD, rich text and hyperlinks as their text, formulas as their result.
 */
export async function readXlsx(bytes: Buffer): Promise<{ row: number; cells: string[] }[]> {
  assertUnpackedSize(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new XlsxUnreadableError((err as Error).message);
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    out.push({ row: rowNumber, cells });
  });
  return out;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if ('formula' in v || 'sharedFormula' in v) return 'result' in v && v.result !== undefined ? cellText(v.result as ExcelJS.CellValue) : '';
  if ('text' in v) return String(v.text).trim();
  if ('error' in v) return '';
  return String(v).trim();
}
