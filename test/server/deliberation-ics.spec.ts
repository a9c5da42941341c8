import { buildIcs, escapeText, foldLine, icsDateTime } from '../../server/src/modules/deliberation/ics';
import { dueReminders, reminderWindow } from '../../server/src/modules/deliberation/deliberation-reminders.time';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('ics builder (RFC 5545)', () => {
  const event = {
    uid: 'deliberation-session-7@linli',
    start: new Date('2026-11-27T09:00:00.000Z'),
    end: new Date('2026-11-27T10:30:00.000Z'),
    stamp: new Date('2026-11-20T01:02:03.456Z'),
    summary: '周五议事亭',
    location: '小区凉亭, 3号楼; 南侧',
    description: '创业一社区周五议事亭\n议程：\n1. 文明养犬',
    sequence: 3,
    alarmMinutesBefore: 60,
  };

  it('writes one VCALENDAR with one VEVENT: UTC times, stable UID, summary, place, a display alarm 60 minutes before; CRLF everywhere', () => {
    const ics = buildIcs(event);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
    expect(lines).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Linli//Deliberation//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:deliberation-session-7@linli',
      'DTSTAMP:20261120T010203Z',
      'DTSTART:20261127T090000Z',
      'DTEND:20261127T103000Z',
      'SEQUENCE:3',
      'STATUS:CONFIRMED',
      'SUMMARY:周五议事亭',
      'LOCATION:小区凉亭\\, 3号楼\\; 南侧',
      'DESCRIPTION:创业一社区周五议事亭\\n议程：\\n1. 文明养犬',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:周五议事亭',
      'TRIGGER:-PT60M',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('a cancelled session is STATUS:CANCELLED and has no alarm', () => {
    const ics = buildIcs({ ...event, cancelled: true });
    expect(ics).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(ics).not.toContain('VALARM');
  });

  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('formats instants in UTC without fractions', () => {
    expect(icsDateTime(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });

  it('folds long lines at 75 octets without splitting a Chinese character, and unfolding restores the line', () => {
    const line = `DESCRIPTION:${'议事亭文明养犬公约'.repeat(12)}abc`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(4);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    // Every part is valid UTF-8 on its own (no character cut in half).
    for (const p of parts) expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    // A short line stays as it is; exactly 75 octets is not folded.
    expect(foldLine('SUMMARY:x')).toBe('SUMMARY:x');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });
});

describe('session reminder windows (China time)', () => {
  // Friday 2026-11-27 17:00 China time = 09:00 UTC.
  const start = new Date('2026-11-27T09:00:00Z');

  it('day before: from Thursday 18:00 China time (10:00 UTC) until two hours before; 2h: the last two hours', () => {
    expect(reminderWindow('day_before', start)).toEqual({ from: new Date('2026-11-26T10:00:00Z'), until: new Date('2026-11-27T07:00:00Z') });
    expect(reminderWindow('2h', start)).toEqual({ from: new Date('2026-11-27T07:00:00Z'), until: start });
  });

  it('a session at 00:30 China time (Saturday) has its day-before reminder at 18:00 on Friday, six and a half hours before', () => {
    // Saturday 00:30 China time = Friday 16:30 UTC.
    expect(reminderWindow('day_before', new Date('2026-11-27T16:30:00Z')).from).toEqual(new Date('2026-11-27T10:00:00Z'));
  });

  it('lists what is due at a moment', () => {
    expect(dueReminders(start, new Date('2026-11-26T09:59:59Z'))).toEqual([]);
    expect(dueReminders(start, new Date('2026-11-26T10:00:00Z'))).toEqual(['day_before']);
    expect(dueReminders(start, new Date('2026-11-27T06:59:00Z'))).toEqual(['day_before']);
    expect(dueReminders(start, new Date('2026-11-27T07:00:00Z'))).toEqual(['2h']);
    expect(dueReminders(start, new Date('2026-11-27T08:59:59Z'))).toEqual(['2h']);
    expect(dueReminders(start, start)).toEqual([]);
  });
});
