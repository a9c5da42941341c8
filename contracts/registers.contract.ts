import { z } from 'zod';

/**
 * Registers 台账 (issue 10): households 住户 per unit, imported from the street's .xlsx and exported; 网格长 per grid and
 * 楼栋长 per building.
 *
 * Routes (roles):
 *   POST /api/registers/import?dryRun=1      community_staff (their community), street_admin (their street): multipart, one
 *                                            .xlsx in the field `file` (≤ REGISTER_FILE_MAX_BYTES). Every row is checked;
 *                                            any error → 422 IMPORT_INVALID { errors: ImportRowError[], total } and nothing
 *                                            is stored. A (unit, 门牌号) already in the register is updated. dryRun: checked
 *                                            and counted, nothing stored. → ImportResult
 *   GET  /api/registers/export               community_staff, street_admin (their area) ?communityId=&gridId= — .xlsx with
 *                                            the import's columns (it imports back unchanged)
 *   GET  /api/registers/areas                grid_worker, community_staff, street_admin — the caller's buildings and units
 *                                            with household counts (for the filters)
 *   GET  /api/registers/households           same roles (grid worker: own grid) ?communityId&gridId&buildingId&unitId&q&after
 *                                            — 30 a page, phones masked
 *   GET  /api/registers/households/:id       same roles, their area — full phone; writes a `register.read` audit entry
 *   PATCH /api/registers/households/:id      same roles, their area — edit; `register.update` audit entry
 *   GET  /api/registers/leaders              same roles ?communityId= — grids with their 网格长, buildings with their 楼栋长
 *   PUT  /api/registers/leaders              community_staff, street_admin — assign (or replace) the leader of a grid/building
 *   DELETE /api/registers/leaders/:level/:areaId  community_staff, street_admin — clear it
 */

/** The sheet's header texts, in export order (import finds columns by these texts, in any order). */
export const RegisterColumns = ['社区', '网格', '楼栋', '单元', '门牌号', '户主姓名', '联系电话', '常住人口', '标签', '备注'] as const;
export type RegisterColumn = (typeof RegisterColumns)[number];
/** Columns an import may leave out entirely. */
export const RegisterOptionalColumns: readonly RegisterColumn[] = ['网格', '标签', '备注'];

/** The short fixed list of household tags 标签. */
export const HouseholdTags = ['独居老人', '空巢老人', '低保', '残疾', '退役军人', '重点关注'] as const;
export type HouseholdTag = (typeof HouseholdTags)[number];

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

export interface HouseholdDetail extends Omit<HouseholdItem, 'headPhoneMasked'> {
  unitId: number;
  headPhone: string;
  note: string | null;
  updatedAt: string;
  /** Whether the caller may edit it. */
  canEdit: boolean;
}

const phone = z.string().trim().regex(PHONE_PATTERN, '电话号码格式不对：手机号 11 位，座机如 0317-1234567');

export const UpdateHouseholdRequestSchema = z
  .object({
    room: z.string().trim().min(1, '请填写门牌号').max(20, '门牌号最多 20 个字').optional(),
    headName: z.string().trim().min(1, '请填写户主姓名').max(30, '户主姓名最多 30 个字').optional(),
    headPhone: phone.optional(),
    people: z.number().int().min(PEOPLE_MIN, `常住人口至少 ${PEOPLE_MIN} 人`).max(PEOPLE_MAX, `常住人口最多 ${PEOPLE_MAX} 人`).optional(),
    tags: z.array(z.enum(HouseholdTags)).max(HouseholdTags.length).optional(),
    note: z.string().trim().max(200, '备注最多 200 字').nullable().optional(),
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
