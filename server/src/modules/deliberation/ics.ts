/**
 * A minimal RFC 5545 iCalendar writer for one event: CRLF line endings, TEXT escaping (\\ ; , newline),
 * content lines folded at 75 octets (UTF-8, never inside a character), times in UTC ("…Z").
 */

export interface IcsEvent {
  /** Globally unique and stable for the same event, so calendars update instead of duplicating. */
  uid: string;
  start: Date;
  end: Date;
  /** When this calendar object was produced. */
  stamp: Date;
  summary: string;
  location?: string;
  description?: string;
  /** Raises with every change of the event (RFC 5545 SEQUENCE). */
  sequence?: number;
  cancelled?: boolean;
  /** A display alarm this many minutes before the start. */
  alarmMinutesBefore?: number;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** 'YYYYMMDDTHHMMSSZ' (UTC form, RFC 5545 §3.3.5). */
export function icsDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * Folds one content line into lines of at most 75 octets; every continuation line starts with one space
 * (which counts toward its 75). Multi-byte UTF-8 characters are never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

export function buildIcs(event: IcsEvent, prodId = '-//Linli//Deliberation//ZH'): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SEQUENCE:${event.sequence ?? 0}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.alarmMinutesBefore !== undefined && !event.cancelled) {
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(event.summary)}`, `TRIGGER:-PT${event.alarmMinutesBefore}M`, 'END:VALARM');
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
