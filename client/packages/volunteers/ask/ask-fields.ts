import type { VolunteerSkill } from '@contracts/volunteers.constants';
import { dayOf, isPast, windowOf, type DayChoice, type HelpWindow, type PartOfDay } from '@/components/volunteers/help-window';

export interface AskFields {
  skill: VolunteerSkill | null;
  description: string;
  day: DayChoice | null;
  /** The day chosen with "选一天" ('YYYY-MM-DD'). */
  pickedDay: string;
  part: PartOfDay | null;
  placeDetail: string;
  volunteersNeeded: number;
  /** Proxy mode only. */
  residentName: string;
  residentPhone: string;
}

export const EMPTY_ASK: AskFields = {
  skill: null, description: '', day: null, pickedDay: '', part: null, placeDetail: '', volunteersNeeded: 1, residentName: '', residentPhone: '',
};

export type AskField = 'skill' | 'description' | 'when' | 'residentName' | 'residentPhone';
export type AskErrors = Partial<Record<AskField, string>>;

const PHONE = /^1\d{10}$/;

/** The window the answers stand for, or why there is none yet. */
export function windowFor(f: AskFields, now: Date): HelpWindow | string {
  if (!f.day) return '请选择哪一天';
  const day = dayOf(f.day, f.pickedDay, now);
  if (!day) return '请选一天';
  if (!f.part) return '请选择上午、下午还是晚上';
  const w = windowOf(day, f.part);
  return isPast(w, now) ? '这个时间已经过去了，请换一个时间' : w;
}

/** The same checks as the server's, so nobody waits for an answer to learn a field is empty. */
export function askErrors(f: AskFields, proxy: boolean, now: Date): AskErrors {
  const errors: AskErrors = {};
  if (!f.skill) errors.skill = '请选择需要什么帮助';
  if (!f.description.trim()) errors.description = '请写下需要什么帮助';
  const w = windowFor(f, now);
  if (typeof w === 'string') errors.when = w;
  if (proxy && !f.residentName.trim()) errors.residentName = '请填写居民姓名';
  if (proxy && f.residentPhone.trim() && !PHONE.test(f.residentPhone.trim())) errors.residentPhone = '手机号应为 11 位数字，以 1 开头；没有可不填';
  return errors;
}
