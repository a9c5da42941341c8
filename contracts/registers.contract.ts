import { z } from 'zod';

/**
 * Registers 台账 (issue 10): households 住户 per unit with their residents 家庭成员, imported from the street's .xlsx and
 * exported; 网格长 per grid and 楼栋长 per building.
 *
 * Routes (roles):
 *   POST /api/registers/import?dryRun=1      community_staff (their community), street_admin (their street): multipart, one
 *                                            .xlsx in the field `file` (≤ REGISTER_FILE_MAX_BYTES). Every row is checked;
 *                                            any error → 422 IMPORT_INVALID { errors: ImportRowError[], total } and nothing
 *                                            is stored. A (unit, 门牌号) already in the register is updated; with a 家庭成员
 *                                            column its members are replaced by the cell's (MEMBERS_FORMAT_HINT).
 *                                            dryRun: checked and counted, nothing stored. → ImportResult
 *   GET  /api/registers/export               community_staff, street_admin (their area) ?communityId=&gridId= — .xlsx with
 *                                            the import's columns (it imports back unchanged)
 *   GET  /api/registers/areas                grid_worker, community_staff, street_admin — the caller's buildings and units
 *                                            with household counts (for the filters)
 *   GET  /api/registers/households           same roles (grid worker: own grid) ?communityId&gridId&buildingId&unitId&q&after
 *                                            — 30 a page, phones masked
 *   GET  /api/registers/households/:id       same roles, their area — full phones (head and 家庭成员) and the members;
 *                                            writes a `register.read` audit entry
 *   PATCH /api/registers/households/:id      same roles, their area — edit (`members` replaces the list); `register.update`
 *                                            audit entry
 *   GET  /api/registers/leaders              same roles ?communityId= — grids with their 网格长, buildings with their 楼栋长
 *   PUT  /api/registers/leaders              community_staff, street_admin — assign (or replace) the leader of a grid/building
 *   DELETE /api/registers/leaders/:level/:areaId  community_staff, street_admin — clear it
 */

/** The sheet's header texts, in export order (import finds columns by these texts, in any order). */
export const RegisterColumns = ['社区', '网格', '楼栋', '单元', '门牌号', '户主姓名', '联系电话', '常住人口', '标签', '备注', '家庭成员'] as const;
export type RegisterColumn = (typeof RegisterColumns)[number];
/**
 * Columns an import may leave out entirely. Without a 家庭成员 column the household members 家庭成员 already in the
 * register are left alone; with it, an imported household's members become the cell's (an empty cell: none).
 */
export const RegisterOptionalColumns: readonly RegisterColumn[] = ['网格', '标签', '备注', '家庭成员'];

/** The short fixed list of household tags 标签. */
export const HouseholdTags = ['独居老人', '空巢老人', '低保', '残疾', '退役军人', '重点关注'] as const;
export type HouseholdTag = (typeof HouseholdTags)[number];

/** 与户主关系: the fixed list of a household member's relation to the head 户主. */
export const MemberRelations = ['户主', '配偶', '子女', '父母', '祖父母', '孙子女', '其他'] as const;
export type MemberRelation = (typeof MemberRelations)[number];
/** At most this many 家庭成员 per household. */
export const MEMBERS_MAX = 30;
export const MEMBER_BIRTH_YEAR_MIN = 1900;
export const MEMBER_NOTE_MAX = 50;
/**
 * The 家庭成员 cell of the sheet (import and export): members separated by ； or ; (or a line break), each written as
 * 姓名(关系,出生年份,电话,备注) — brackets () or （）, items separated by , or ，; the relation comes first and is required
 * (one of MemberRelations), the others are optional and in any order: a 4-digit number is the birth year, a phone
 * number is the phone, any other text is the note. Example: "李桂兰(配偶,1956,13800001111)；王小明(子女,1990)".
 * Names and notes therefore may not contain these separators (MEMBER_TEXT_FORBIDDEN).
 */
export const MEMBERS_FORMAT_HINT = '每人写成“姓名(关系,出生年份,电话)”，几个人之间用分号隔开，如：李桂兰(配偶,1956,13800001111)；王小明(子女,1990)';
export const MEMBER_TEXT_FORBIDDEN = /[()（）,，;；\r\n]/;
/** A note that is only digits and dashes (or "1990年") would read back as a birth year or a phone. */
export const MEMBER_NOTE_NUMERIC = /^[\d\s-]+年?$/;

export const REGISTER_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const REGISTER_UPLOAD_FIELD = 'file';
/** How many row errors an IMPORT_INVALID answer lists (the total says how many there were). */
export const IMPORT_ERRORS_SHOWN = 200;
export const PEOPLE_MIN = 1;
export const PEOPLE_MAX = 30;
export const HOUSEHOLDS_PAGE = 30;

/** Mainland mobile (11 digits, 1[3-9]…) or a landline (0 + area code, optional '-', 7–8 digits). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const ImportQuerySchema = z.object({ dryRun: z.enum(['0', '1']).optional() }).strict();
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

export interface ImportRowError {
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  column: RegisterColumn | null;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
}

/** Body of a 422 IMPORT_INVALID answer (besides code/message/requestId). */
export interface ImportInvalidBody {
  errors: ImportRowError[];
  total: number;
}

export const ExportQuerySchema = z
  .object({ communityId: z.coerce.number().int().positive().optional(), gridId: z.coerce.number().int().positive().optional() })
  .strict();
export type RegisterExportQuery = z.infer<typeof ExportQuerySchema>;

export const HouseholdsQuerySchema = z
  .object({
    communityId: z.coerce.number().int().positive().optional(),
    gridId: z.coerce.number().int().positive().optional(),
    buildingId: z.coerce.number().int().positive().optional(),
    unitId: z.coerce.number().int().positive().optional(),
    q: z.string().trim().max(20).optional(),
    after: z.coerce.number().int().nonnegative().optional(),
  })
  .strict();
export type HouseholdsQuery = z.infer<typeof HouseholdsQuerySchema>;

export interface HouseholdItem {
  id: number;
  communityName: string;
  gridName: string;
  buildingName: string;
  unitName: string;
  room: string;
  headName: string;
  headPhoneMasked: string | null;
  people: number;
  tags: HouseholdTag[];
}

export interface HouseholdsPage {
  items: HouseholdItem[];
  /** Pass as `after` for the next page; null at the end. */
  nextAfter: number | null;
}

/** 家庭成员 a resident of the household besides (or with) the head; the phone in full (the detail read is audited). */
export interface HouseholdMember {
  id: number;
  name: string;
  relation: MemberRelation;
  phone: string | null;
  birthYear: number | null;
  note: string | null;
}

export interface HouseholdDetail extends Omit<HouseholdItem, 'headPhoneMasked'> {
  unitId: number;
  headPhone: string;
  note: string | null;
  /** In sort order (as the sheet or the edit listed them). `people` 常住人口 stays as entered: both are shown. */
  members: HouseholdMember[];
  updatedAt: string;
  /** Whether the caller may edit it. */
  canEdit: boolean;
}

const phone = z.string().trim().regex(PHONE_PATTERN, '电话号码格式不对：手机号 11 位，座机如 0317-1234567');
const noSeparators = (s: string | null | undefined) => !s || !MEMBER_TEXT_FORBIDDEN.test(s);
const thisYear = () => new Date().getFullYear();

/** One member in an edit: the list sent replaces the household's members. */
export const HouseholdMemberInputSchema = z
  .object({
    name: z.string().trim().min(1, '请填写家庭成员的姓名').max(30, '姓名最多 30 个字').refine(noSeparators, '姓名里不要用括号、逗号或分号'),
    relation: z.enum(MemberRelations, { error: `与户主关系请选：${MemberRelations.join('、')}` }),
    phone: phone.nullable().optional(),
    birthYear: z
      .number()
      .int('出生年份应是整数')
      .nullable()
      .optional()
      .refine((y) => y === null || y === undefined || (y >= MEMBER_BIRTH_YEAR_MIN && y <= thisYear()), {
        error: () => `出生年份应在 ${MEMBER_BIRTH_YEAR_MIN} 到 ${thisYear()} 之间`,
      }),
    note: z
      .string()
      .trim()
      .max(MEMBER_NOTE_MAX, `成员备注最多 ${MEMBER_NOTE_MAX} 字`)
      .nullable()
      .optional()
      .refine(noSeparators, '成员备注里不要用括号、逗号或分号')
      .refine((n) => !n || !MEMBER_NOTE_NUMERIC.test(n), '成员备注不能只写数字（出生年份和电话各有一栏）'),
  })
  .strict();
export type HouseholdMemberInput = z.infer<typeof HouseholdMemberInputSchema>;

export const UpdateHouseholdRequestSchema = z
  .object({
    room: z.string().trim().min(1, '请填写门牌号').max(20, '门牌号最多 20 个字').optional(),
    headName: z.string().trim().min(1, '请填写户主姓名').max(30, '户主姓名最多 30 个字').optional(),
    headPhone: phone.optional(),
    people: z.number().int().min(PEOPLE_MIN, `常住人口至少 ${PEOPLE_MIN} 人`).max(PEOPLE_MAX, `常住人口最多 ${PEOPLE_MAX} 人`).optional(),
    tags: z.array(z.enum(HouseholdTags)).max(HouseholdTags.length).optional(),
    note: z.string().trim().max(200, '备注最多 200 字').nullable().optional(),
    /** When present, the household's 家庭成员 become exactly this list (in this order). */
    members: z.array(HouseholdMemberInputSchema).max(MEMBERS_MAX, `家庭成员最多 ${MEMBERS_MAX} 人`).optional(),
  })
  .strict();
export type UpdateHouseholdRequest = z.infer<typeof UpdateHouseholdRequestSchema>;

export interface RegisterUnitArea {
  id: number;
  name: string;
  households: number;
}
export interface RegisterBuildingArea {
  id: number;
  name: string;
  gridId: number;
  gridName: string;
  communityId: number;
  communityName: string;
  units: RegisterUnitArea[];
}
export interface RegisterAreas {
  buildings: RegisterBuildingArea[];
  /** Whether the caller may import, export and assign leaders (staff), not only read. */
  canManage: boolean;
}

export const AreaLeaderLevels = ['grid', 'building'] as const;
export type AreaLeaderLevel = (typeof AreaLeaderLevels)[number];
export const AreaLeaderLevelLabels: Record<AreaLeaderLevel, string> = { grid: '网格长', building: '楼栋长' };

export interface AreaLeader {
  name: string;
  phone: string;
  userId: number | null;
}
export interface LeaderSlot {
  level: AreaLeaderLevel;
  areaId: number;
  /** "甲社区 甲一网格" / "甲社区 1号楼". */
  areaName: string;
  gridId: number;
  leader: AreaLeader | null;
}
export interface LeadersResponse {
  items: LeaderSlot[];
  canAssign: boolean;
}

export const LeadersQuerySchema = z.object({ communityId: z.coerce.number().int().positive().optional() }).strict();
export type LeadersQuery = z.infer<typeof LeadersQuerySchema>;

export const AssignLeaderRequestSchema = z
  .object({
    level: z.enum(AreaLeaderLevels),
    areaId: z.number().int().positive(),
    name: z.string().trim().min(1, '请填写姓名').max(30, '姓名最多 30 个字'),
    phone,
    userId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type AssignLeaderRequest = z.infer<typeof AssignLeaderRequestSchema>;
