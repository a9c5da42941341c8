import { z } from 'zod';

/**
 * Setup 组织架构 (issue 10): street staff keep their organisation in the product.
 *
 *   GET   /api/setup/tree?retired=1              street_admin (whole street), community_staff (own community): SetupTree;
 *                                                 retired items are left out unless retired=1
 *   POST  /api/setup/communities                 street_admin                       { name }
 *   POST  /api/setup/communities/:id/grids       street_admin, community_staff (own) { name, households? }
 *   POST  /api/setup/grids/:id/buildings         street_admin, community_staff (own) { name }
 *   POST  /api/setup/buildings/:id/units         street_admin, community_staff (own) { name }
 *   POST  /api/setup/departments                 street_admin                       { name }
 *   POST  /api/setup/volunteer-teams             street_admin (street or community level), community_staff (own community)
 *                                                 { name, communityId: null | id }
 *   PATCH /api/setup/:kind/:id                   rename ({ name }), a grid's households ({ households }), move a building to
 *                                                 another grid of its community ({ gridId }) — one or more of them
 *   POST  /api/setup/:kind/:id/retire            停用: the row stays, pickers leave it out. 409 AREA_HAS_ACTIVE_CHILDREN while
 *                                                 it has active children (a grid: also while a grid worker is assigned)
 *   POST  /api/setup/:kind/:id/restore           恢复: 409 AREA_RETIRED while its parent is retired
 * Every change answers the changed SetupNode and writes an audit entry (org.create/rename/update/retire/restore).
 * Name clash among siblings (retired ones too): 409 AREA_NAME_TAKEN.
 */
export const SetupKinds = ['communities', 'grids', 'buildings', 'units', 'departments', 'volunteer-teams'] as const;
export type SetupKind = (typeof SetupKinds)[number];

export const SetupKindLabels: Record<SetupKind, string> = {
  communities: '社区',
  grids: '网格',
  buildings: '楼栋',
  units: '单元',
  departments: '职能部门',
  'volunteer-teams': '志愿服务队',
};

/** Seed 004: a grid covers 300–500 households; anything from 1 to 5,000 is accepted. */
export const HOUSEHOLDS_MIN = 1;
export const HOUSEHOLDS_MAX = 5000;
export const USUAL_HOUSEHOLDS = '300–500';

const name = z.string().trim().min(1, '请填写名称').max(50, '名称最多 50 个字');
const households = z.number().int().min(HOUSEHOLDS_MIN, `户数至少 ${HOUSEHOLDS_MIN}`).max(HOUSEHOLDS_MAX, `户数最多 ${HOUSEHOLDS_MAX}`);

export const CreateAreaRequestSchema = z.object({ name }).strict();
export type CreateAreaRequest = z.infer<typeof CreateAreaRequestSchema>;

export const CreateGridRequestSchema = z.object({ name, households: households.nullable().optional() }).strict();
export type CreateGridRequest = z.infer<typeof CreateGridRequestSchema>;

export const CreateTeamRequestSchema = z.object({ name, communityId: z.number().int().positive().nullable() }).strict();
export type CreateTeamRequest = z.infer<typeof CreateTeamRequestSchema>;

export const UpdateAreaRequestSchema = z
  .object({ name: name.optional(), households: households.nullable().optional(), gridId: z.number().int().positive().optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.households !== undefined || b.gridId !== undefined, '请填写要修改的内容');
export type UpdateAreaRequest = z.infer<typeof UpdateAreaRequestSchema>;

/** The answer to every change. */
export interface SetupNode {
  kind: SetupKind;
  id: number;
  name: string;
  retired: boolean;
}

export interface SetupUnit {
  id: number;
  name: string;
  retired: boolean;
  /** Residents who chose this unit. */
  residents: number;
}

export interface SetupBuilding {
  id: number;
  name: string;
  retired: boolean;
  gridId: number;
  units: SetupUnit[];
}

export interface SetupGrid {
  id: number;
  name: string;
  retired: boolean;
  households: number | null;
  gridWorkerName: string | null;
  /** Active buildings and units, residents who chose a unit here. */
  buildingCount: number;
  unitCount: number;
  residentCount: number;
  buildings: SetupBuilding[];
}

export interface SetupCommunity {
  id: number;
  name: string;
  retired: boolean;
  grids: SetupGrid[];
}

export interface SetupItem {
  id: number;
  name: string;
  retired: boolean;
}

export interface SetupTeam extends SetupItem {
  /** null: a street-level team. */
  communityId: number | null;
}

export interface SetupTree {
  street: { id: number; name: string };
  /** What the caller may change: the street admin everything; community staff their community's grids, buildings,
   *  units and teams. */
  canEditStreet: boolean;
  communities: SetupCommunity[];
  departments: SetupItem[];
  teams: SetupTeam[];
}

/** GET /api/setup/tree?retired=1 — retired items included (flagged) when 1. */
export const SetupTreeQuerySchema = z.object({ retired: z.enum(['0', '1']).optional() }).strict();
export type SetupTreeQuery = z.infer<typeof SetupTreeQuerySchema>;

export const SetupKindSchema = z.enum(SetupKinds);
