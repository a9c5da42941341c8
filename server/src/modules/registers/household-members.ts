import {
  MEMBER_BIRTH_YEAR_MIN, MEMBER_NOTE_MAX, MEMBERS_FORMAT_HINT, MEMBERS_MAX, MemberRelations, PHONE_PATTERN,
  type MemberRelation,
} from '../../../../contracts/registers.contract';

/**
 * The 家庭成员 cell of the register sheet (contracts: MEMBERS_FORMAT_HINT): members separated by ； ; or a line break,
 * each "姓名(关系,出生年份,电话,备注)" with () or （） and , or ，. The relation comes first; birth year (4 digits, "年"
 * allowed), phone and note follow in any order, each at most once. The export writes the same text back.
 */
export interface MemberRow {
  name: string;
  relation: MemberRelation;
  phone: string | null;
  birthYear: number | null;
  note: string | null;
}

const MEMBER_SPLIT = /[;；\r\n]+/;
const ITEM_SPLIT = /[,，]/;
const MEMBER_SHAPE = /^([^()（）]*)[(（]([^()（）]*)[)）]$/;
const YEAR = /^(\d{4})年?$/;
const PHONE_LIKE = /^[\d\s-]{5,}$/;

/** The members of one cell, or the problems found (each a sentence a person understands). Empty text: no members. */
export function parseMembersCell(text: string): { members: MemberRow[]; problems: string[] } {
  const parts = text.split(MEMBER_SPLIT).map((p) => p.trim()).filter(Boolean);
  const members: MemberRow[] = [];
  const problems: string[] = [];
  if (parts.length > MEMBERS_MAX) return { members, problems: [`家庭成员最多写 ${MEMBERS_MAX} 人，这里写了 ${parts.length} 人`] };
  parts.forEach((part, i) => {
    const m = parseMember(part, i + 1);
    if (typeof m === 'string') problems.push(m);
    else members.push(m);
  });
  return { members, problems };
}

function parseMember(part: string, n: number): MemberRow | string {
  const shape = MEMBER_SHAPE.exec(part);
  if (!shape) {
    return /[(（]/.test(part)
      ? `第 ${n} 位“${part}”写法不对。${MEMBERS_FORMAT_HINT}`
      : `第 ${n} 位“${part}”没有写与户主关系，应写成“${part}(子女)”这样。${MEMBERS_FORMAT_HINT}`;
  }
  const name = shape[1].trim();
  const [relation, ...rest] = shape[2].split(ITEM_SPLIT).map((s) => s.trim());
  const who = `第 ${n} 位“${name}”`;
  if (!name) return `第 ${n} 位没有写姓名：${part}`;
  if (name.length > 30) return `${who}：姓名最多 30 个字`;
  if (/[,，]/.test(name)) return `${who}：姓名里有逗号，几个人之间请用分号隔开。${MEMBERS_FORMAT_HINT}`;
  if (!relation) return `${who}没有写与户主关系（${MemberRelations.join('、')}）`;
  if (!(MemberRelations as readonly string[]).includes(relation)) return `${who}的关系“${relation}”不认识，可以写：${MemberRelations.join('、')}`;
  const member: MemberRow = { name, relation: relation as MemberRelation, phone: null, birthYear: null, note: null };
  for (const item of rest.filter(Boolean)) {
    const problem = takeItem(member, item, who);
    if (problem) return problem;
  }
  return member;
}

/** Files one optional item as the birth year, the phone or the note; a problem sentence when it cannot. */
function takeItem(member: MemberRow, item: string, who: string): string | null {
  const year = YEAR.exec(item);
  if (year) {
    const y = Number(year[1]);
    const max = new Date().getFullYear();
    if (member.birthYear !== null) return `${who}写了两个出生年份`;
    if (y < MEMBER_BIRTH_YEAR_MIN || y > max) return `${who}的出生年份“${item}”不对，应在 ${MEMBER_BIRTH_YEAR_MIN} 到 ${max} 之间`;
    member.birthYear = y;
    return null;
  }
  if (PHONE_LIKE.test(item)) {
    const phone = item.replace(/\s/g, '');
    if (member.phone !== null) return `${who}写了两个电话`;
    if (!PHONE_PATTERN.test(phone)) return `${who}的电话“${phone}”不是有效的电话号码：手机号 11 位，座机如 0317-1234567`;
    member.phone = phone;
    return null;
  }
  if (member.note !== null) return `${who}括号里多了一项“${item}”：括号里依次写关系、出生年份、电话，最多再加一句备注`;
  if (item.length > MEMBER_NOTE_MAX) return `${who}的备注最多 ${MEMBER_NOTE_MAX} 字`;
  member.note = item;
  return null;
}

/** The cell text of a household's members, in the import's format (it parses back to the same members). */
export function membersCell(members: readonly MemberRow[]): string {
  return members
    .map((m) => `${m.name}(${[m.relation, m.birthYear, m.phone, m.note].filter((x) => x !== null && x !== undefined && x !== '').join(',')})`)
    .join('；');
}
