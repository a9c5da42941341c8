import {
  MEMBER_BIRTH_YEAR_MIN, MEMBER_NOTE_NUMERIC, MEMBER_TEXT_FORBIDDEN, MEMBERS_MAX, PHONE_PATTERN,
  type HouseholdMember, type HouseholdMemberInput, type MemberRelation,
} from '@contracts/registers.contract';

/** One 家庭成员 in the edit form: texts as typed; `key` keeps React rows apart while members are added and removed. */
export interface MemberDraft {
  key: number;
  name: string;
  relation: MemberRelation | null;
  birthYear: string;
  phone: string;
  note: string;
}

let nextKey = 1;
export const newMemberDraft = (): MemberDraft => ({ key: nextKey++, name: '', relation: null, birthYear: '', phone: '', note: '' });
export const memberDraftOf = (m: HouseholdMember): MemberDraft => ({
  key: nextKey++, name: m.name, relation: m.relation, birthYear: m.birthYear === null ? '' : String(m.birthYear), phone: m.phone ?? '', note: m.note ?? '',
});

/** "68 岁（1956 年生）" from the birth year; null when it is not known. */
export function ageText(birthYear: number | null, now = new Date()): string | null {
  if (birthYear === null) return null;
  return `${now.getFullYear() - birthYear} 岁（${birthYear} 年生）`;
}

/** The first thing to fix in the members, as a plain sentence; null when they can be sent. The server checks again. */
export function membersProblem(members: readonly MemberDraft[]): string | null {
  if (members.length > MEMBERS_MAX) return `家庭成员最多 ${MEMBERS_MAX} 人`;
  for (const [i, d] of members.entries()) {
    const who = `第 ${i + 1} 位家庭成员`;
    const name = d.name.trim();
    const year = d.birthYear.trim();
    const phone = d.phone.trim();
    const note = d.note.trim();
    const max = new Date().getFullYear();
    if (!name) return `${who}：请填写姓名`;
    if (MEMBER_TEXT_FORBIDDEN.test(name)) return `${who}：姓名里不要用括号、逗号或分号`;
    if (!d.relation) return `${who}：请选择与户主关系`;
    if (year && (!/^\d{4}$/.test(year) || Number(year) < MEMBER_BIRTH_YEAR_MIN || Number(year) > max)) return `${who}：出生年份写四位数，在 ${MEMBER_BIRTH_YEAR_MIN} 到 ${max} 之间`;
    if (phone && !PHONE_PATTERN.test(phone)) return `${who}：电话号码格式不对，手机号 11 位，座机如 0317-1234567`;
    if (note && (MEMBER_TEXT_FORBIDDEN.test(note) || MEMBER_NOTE_NUMERIC.test(note))) return `${who}：备注里不要用括号、逗号或分号，也不要只写数字`;
  }
  return null;
}

/** What the edit sends (call membersProblem first). */
export const memberInputOf = (d: MemberDraft): HouseholdMemberInput => ({
  name: d.name.trim(),
  relation: d.relation!,
  phone: d.phone.trim() || null,
  birthYear: d.birthYear.trim() ? Number(d.birthYear.trim()) : null,
  note: d.note.trim() || null,
});
