import {
  HouseholdTags, IMPORT_ERRORS_SHOWN, PEOPLE_MAX, PEOPLE_MIN, PHONE_PATTERN, RegisterColumns, RegisterOptionalColumns,
  type ImportRowError, type RegisterColumn,
} from '../../../../contracts/registers.contract';
import type { Cell } from '../../common/xlsx';
import { membersCell, parseMembersCell, type MemberRow } from './household-members';
import type { HouseholdEntity } from './registers.entities';

/** A unit with the names above it, as the sheet names it. */
export interface OrgUnit {
  streetId: number;
  communityId: number;
  communityName: string;
  gridId: number;
  gridName: string;
  buildingId: number;
  buildingName: string;
  unitId: number;
  unitName: string;
}

/** The organisation of the caller's area, resolved once into maps by name. */
export interface OrgIndex {
  /** community\0building\0unit → unit */
  units: Map<string, OrgUnit>;
  /** community\0building → grid name */
  buildings: Map<string, string>;
  /** Communities the caller may import into. */
  communities: Set<string>;
  /** Every community of the street (to say "not yours" rather than "no such community"). */
  streetCommunities: Set<string>;
}

/** The names of a unit's place, as the sheet writes them. */
export type PlaceNames = Pick<OrgUnit, 'communityName' | 'gridName' | 'buildingName' | 'unitName'>;

/** A household's own values, as the sheet and the table hold them (tags joined by ','). */
export type HouseholdValues = Pick<HouseholdEntity, 'room' | 'headName' | 'headPhone' | 'people' | 'tags' | 'note'>;

export interface HouseholdRow extends HouseholdValues {
  row: number;
  unit: OrgUnit;
  /** The 家庭成员 cell's members; undefined when the sheet has no 家庭成员 column (the register's are then left alone). */
  members?: MemberRow[];
}

export const MAX_IMPORT_ROWS = 100_000;
const key = (...names: string[]) => names.join('\u0000');
/** A household's (unit, 门牌号) key: unique in the register. */
export const householdKey = (unitId: number, room: string) => key(String(Number(unitId)), room);
const TAG_SPLIT = /[、,，;；\s]+/;

export function orgIndex(units: OrgUnit[], communitiesInArea: string[], streetCommunities: string[]): OrgIndex {
  const index: OrgIndex = { units: new Map(), buildings: new Map(), communities: new Set(communitiesInArea), streetCommunities: new Set(streetCommunities) };
  for (const u of units) {
    index.units.set(key(u.communityName, u.buildingName, u.unitName), u);
    index.buildings.set(key(u.communityName, u.buildingName), u.gridName);
  }
  return index;
}

/** Collects row errors: all are counted, the first IMPORT_ERRORS_SHOWN kept. */
class Errors {
  readonly list: ImportRowError[] = [];
  total = 0;
  add(row: number, column: RegisterColumn | null, message: string): void {
    this.total++;
    if (this.list.length < IMPORT_ERRORS_SHOWN) this.list.push({ row, column, message });
  }
}

/**
 * Checks every row of the sheet (header row first, columns found by their header text) against the area's
 * organisation. Blank rows are skipped. Returns the households when there is no error at all.
 */
export function parseRegisterSheet(rows: { row: number; cells: string[] }[], index: OrgIndex): { households: HouseholdRow[]; errors: ImportRowError[]; total: number; withMembers: boolean } {
  const errors = new Errors();
  const [header, ...body] = rows;
  const cols = header ? columnsOf(header, errors) : null;
  if (!header) errors.add(1, null, '表格是空的：第 1 行应是表头（社区、楼栋、单元、门牌号、户主姓名、联系电话、常住人口）');
  if (!cols) return { households: [], errors: errors.list, total: errors.total, withMembers: false };
  const withMembers = cols.has('家庭成员');
  const data = body.filter((r) => r.cells.some((c) => c !== ''));
  if (data.length === 0) errors.add(header.row + 1, null, '表格里没有住户');
  if (data.length > MAX_IMPORT_ROWS) {
    errors.add(data[MAX_IMPORT_ROWS].row, null, `一次最多导入 ${MAX_IMPORT_ROWS} 户，请把表格分成几份`);
    return { households: [], errors: errors.list, total: errors.total, withMembers };
  }
  const seen = new Map<string, number>();
  const households: HouseholdRow[] = [];
  for (const r of data) {
    const get = (c: RegisterColumn) => (cols.has(c) ? (r.cells[cols.get(c)!] ?? '').trim() : '');
    const h = parseRow(r.row, get, index, errors, withMembers);
    if (!h) continue;
    const k = householdKey(h.unit.unitId, h.room);
    const first = seen.get(k);
    if (first !== undefined) errors.add(r.row, '门牌号', `与第 ${first} 行是同一户（${h.unit.buildingName}${h.unit.unitName} ${h.room}），同一户只能写一行`);
    else seen.set(k, r.row);
    households.push(h);
  }
  return { households: errors.total ? [] : households, errors: errors.list, total: errors.total, withMembers };
}

function columnsOf(header: { row: number; cells: string[] }, errors: Errors): Map<RegisterColumn, number> | null {
  const cols = new Map<RegisterColumn, number>();
  header.cells.forEach((text, i) => {
    const name = text.replace(/\s/g, '') as RegisterColumn;
    if ((RegisterColumns as readonly string[]).includes(name) && !cols.has(name)) cols.set(name, i);
  });
  const missing = RegisterColumns.filter((c) => !RegisterOptionalColumns.includes(c) && !cols.has(c));
  for (const c of missing) errors.add(header.row, c, `表头缺少“${c}”这一列`);
  return missing.length ? null : cols;
}

function parseRow(row: number, get: (c: RegisterColumn) => string, index: OrgIndex, errors: Errors, withMembers: boolean): HouseholdRow | null {
  const before = errors.total;
  const unit = findUnit(row, get, index, errors);
  const room = get('门牌号');
  if (!room) errors.add(row, '门牌号', '门牌号没有填');
  else if (room.length > 20) errors.add(row, '门牌号', '门牌号最多 20 个字');
  const headName = get('户主姓名');
  if (!headName) errors.add(row, '户主姓名', '户主姓名没有填');
  else if (headName.length > 30) errors.add(row, '户主姓名', '户主姓名最多 30 个字');
  const headPhone = get('联系电话').replace(/[\s()（）]/g, '');
  if (!headPhone) errors.add(row, '联系电话', '联系电话没有填');
  else if (!PHONE_PATTERN.test(headPhone)) errors.add(row, '联系电话', `“${headPhone}”不是有效的电话号码：手机号 11 位，座机如 0317-1234567`);
  const peopleText = get('常住人口');
  const people = Number(peopleText);
  if (!peopleText) errors.add(row, '常住人口', '常住人口没有填');
  else if (!/^\d+$/.test(peopleText) || people < PEOPLE_MIN || people > PEOPLE_MAX) errors.add(row, '常住人口', `常住人口应是 ${PEOPLE_MIN} 到 ${PEOPLE_MAX} 之间的整数，表格里是“${peopleText}”`);
  const tags = parseTags(row, get('标签'), errors);
  const note = get('备注');
  if (note.length > 200) errors.add(row, '备注', '备注最多 200 字');
  const members = withMembers ? parseMembersCell(get('家庭成员')) : undefined;
  for (const problem of members?.problems ?? []) errors.add(row, '家庭成员', problem);
  if (errors.total > before || !unit) return null;
  return { row, unit, room, headName, headPhone, people, tags, note: note || null, members: members?.members };
}

function findUnit(row: number, get: (c: RegisterColumn) => string, index: OrgIndex, errors: Errors): OrgUnit | null {
  const [c, b, u, g] = [get('社区'), get('楼栋'), get('单元'), get('网格')];
  if (!c) errors.add(row, '社区', '社区没有填');
  if (!b) errors.add(row, '楼栋', '楼栋没有填');
  if (!u) errors.add(row, '单元', '单元没有填');
  if (!c || !b || !u) return null;
  if (!index.communities.has(c)) {
    errors.add(row, '社区', index.streetCommunities.has(c) ? `“${c}”不是您负责的社区，不能导入` : `没有叫“${c}”的社区（或已停用）`);
    return null;
  }
  const gridName = index.buildings.get(key(c, b));
  if (gridName === undefined) {
    errors.add(row, '楼栋', `${c}没有“${b}”这栋楼（或已停用）`);
    return null;
  }
  const unit = index.units.get(key(c, b, u));
  if (!unit) errors.add(row, '单元', `${c}${b}没有“${u}”（或已停用）`);
  else if (g && g !== gridName) errors.add(row, '网格', `${b}属于“${gridName}”，不是“${g}”`);
  return unit ?? null;
}

function parseTags(row: number, text: string, errors: Errors): string {
  const tags = [...new Set(text.split(TAG_SPLIT).filter(Boolean))];
  const unknown = tags.filter((t) => !(HouseholdTags as readonly string[]).includes(t));
  if (unknown.length) errors.add(row, '标签', `不认识的标签“${unknown.join('、')}”，可以用：${HouseholdTags.join('、')}`);
  return tags.join(',');
}

/** The export's rows: the import's header, then one row per household (it imports back unchanged). */
export function registerSheet(items: (PlaceNames & HouseholdValues & { members: readonly MemberRow[] })[]): Cell[][] {
  return [
    [...RegisterColumns],
    ...items.map((h) => [
      h.communityName, h.gridName, h.buildingName, h.unitName, h.room, h.headName, h.headPhone, Number(h.people), h.tags.split(',').filter(Boolean).join('、'), h.note,
      membersCell(h.members),
    ]),
  ];
}
