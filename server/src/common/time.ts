/** Datetimes come back as Date (mysql2, timezone 'Z') or as UTC strings (SQLite): one ISO form for responses. */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return dbDate(value).toISOString();
}

/** A datetime read by raw SQL (Date from mysql2, UTC text without a zone from SQLite) as a Date. */
export function dbDate(value: Date | string): Date {
  if (value instanceof Date) return value;
  const s = value.includes('T') ? value : value.replace(' ', 'T');
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
}

/** Opaque cursor for id-ordered lists. */
export const encodeCursor = (id: number) => Buffer.from(`i:${id}`).toString('base64url');
export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const m = /^i:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : -1;
}
