import { z } from 'zod';
import type { ConcernEventType, HolderLevel } from './concerns.contract';
import type { Role } from './roles';

/**
 * 一日一记 — a staff member's work diary. A day is a calendar day in China time (UTC+8, no daylight
 * saving): the actions they took on concerns that day (read from the concerns' timelines, nothing to
 * type) and their own notes. Who may read whose diary: oneself; community staff the grid workers
 * and community staff of their community; the street the staff of its street. Anyone else: 404.
 *
 * The mini-program imports only types from this file (the schemas use zod, which stays on the server).
 */

/** China time is UTC+8 all year round. */
export const CHINA_UTC_OFFSET_HOURS = 8;
/** A note is at most this long. */
export const DIARY_NOTE_MAX = 1000;

/** 'YYYY-MM-DD' that names a real calendar day (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A day in China time, 'YYYY-MM-DD'. */
export const DaySchema = z.string().refine(isCalendarDay, '日期格式应为 YYYY-MM-DD');

/** GET /api/diary?day=&userId= — default: my own diary, today (China time). */
export const DiaryQuerySchema = z
  .object({
    day: DaySchema.optional(),
    userId: z.coerce.number().int().positive().max(2147483647).optional(),
  })
  .strict();
export type DiaryQuery = z.infer<typeof DiaryQuerySchema>;

/** POST /api/diary/notes — a note for today (China time) in my own diary. */
export const AddDiaryNoteRequestSchema = z
  .object({ text: z.string().trim().min(1, '请写下要记的事').max(DIARY_NOTE_MAX, `最多 ${DIARY_NOTE_MAX} 字`) })
  .strict();
export type AddDiaryNoteRequest = z.infer<typeof AddDiaryNoteRequestSchema>;

/** A staff member whose diary one may read. */
export interface DiaryPerson {
  id: number;
  name: string;
  role: Role;
  /** "网格员", "社区工作人员", … */
  roleLabel: string;
  /** Where they serve: the grid, community or department name; the street's name for the street. */
  areaName: string | null;
}

/** One thing the person did to a concern, taken from its timeline. */
export interface DiaryAction {
  /** ISO time of the step. */
  at: string;
  concernId: number;
  type: ConcernEventType;
  /** Plain words: "受理了问题", "上报给街道", "退回给网格", "代居民反映问题". */
  label: string;
  /** The level the concern went to (escalated / returned), else null. */
  toLevel: HolderLevel | null;
  categoryLabel: string;
  /** "甲社区 1号楼 1单元", or the public spot. */
  placeLabel: string | null;
  /** The note written with the step (the reason, what was done). */
  note: string | null;
}

export interface DiaryNote {
  id: number;
  /** ISO time the note was written. */
  at: string;
  text: string;
}

/** GET /api/diary */
export interface DiaryResponse {
  /** The day shown, 'YYYY-MM-DD' in China time. */
  day: string;
  /** Today in China time, by the server's clock (notes can be added only to today, only to one's own diary). */
  today: string;
  user: DiaryPerson;
  /** Oldest first. */
  actions: DiaryAction[];
  /** Oldest first. */
  notes: DiaryNote[];
}

/** POST /api/diary/notes -> 201 */
export type AddDiaryNoteResponse = DiaryNote;

/** GET /api/diary/staff — community staff and the street: the people whose diaries they may read (themselves first). */
export interface DiaryStaffResponse {
  items: DiaryPerson[];
}
