import { z } from 'zod';

export * from './concerns.constants';
import {
  CONCERN_PHOTOS_MAX,
  CONCERN_TEXT_MAX,
  CloseReasons,
  ConcernCategories,
  ConcernStatuses,
  PlaceKinds,
  type CloseReason,
  type ConcernCategory,
  type ConcernStatus,
  type HolderLevel,
  type PlaceKind,
} from './concerns.constants';

const photoIds = z.array(z.number().int().positive()).max(CONCERN_PHOTOS_MAX, `最多 ${CONCERN_PHOTOS_MAX} 张照片`).default([]);
const requiredNote = (max: number, missing: string) => z.string().trim().min(1, missing).max(max, `最多 ${max} 字`);
const optionalNote = (max: number) => z.string().trim().max(max, `最多 ${max} 字`).optional();

/** Where: the resident's unit by default; a building, a public spot (text) or a map point. */
export const ConcernPlaceSchema = z
  .object({
    kind: z.enum(PlaceKinds).default('unit'),
    /** kind 'building': a building of the resident's community. */
    buildingId: z.number().int().positive().optional(),
    /** kind 'public_spot' / 'map_point': what the place is, e.g. "3号楼北侧儿童乐园". */
    detail: z.string().trim().max(200).optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'building' && !p.buildingId) ctx.addIssue({ code: 'custom', path: ['buildingId'], message: '请选择楼栋' });
    if ((p.kind === 'public_spot' || p.kind === 'map_point') && !p.detail) ctx.addIssue({ code: 'custom', path: ['detail'], message: '请写明具体位置' });
    if (p.kind === 'map_point' && (p.latitude === undefined || p.longitude === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['latitude'], message: '请在地图上选点' });
    }
  });
export type ConcernPlace = z.infer<typeof ConcernPlaceSchema>;

/** POST /api/concerns (send an Idempotency-Key header). */
export const CreateConcernRequestSchema = z
  .object({
    category: z.enum(ConcernCategories),
    text: z.string().trim().min(1, '请写下您要反映的事情').max(CONCERN_TEXT_MAX, `最多 ${CONCERN_TEXT_MAX} 字`),
    photoIds,
    place: ConcernPlaceSchema.optional(),
    /** Private by default; public concerns are visible to the community and can be joined ("me too"). */
    isPublic: z.boolean().default(false),
  })
  .strict();
export type CreateConcernRequest = z.infer<typeof CreateConcernRequestSchema>;

/** POST /api/concerns/proxy — 代办: a grid worker submits for a resident who cannot use the app. */
export const ProxyConcernRequestSchema = z
  .object({
    unitId: z.number().int().positive(),
    residentName: z.string().trim().min(1, '请填写居民姓名').max(30),
    residentPhone: z.string().trim().regex(/^1\d{10}$/, '手机号格式不正确').optional(),
    category: z.enum(ConcernCategories),
    text: z.string().trim().min(1, '请写下居民反映的事情').max(CONCERN_TEXT_MAX, `最多 ${CONCERN_TEXT_MAX} 字`),
    photoIds,
    isPublic: z.boolean().default(false),
  })
  .strict();
export type ProxyConcernRequest = z.infer<typeof ProxyConcernRequestSchema>;

/** Every staff action carries the version the actor saw: a stale version answers 409 with the current state. */
const version = z.number().int().positive();

/** POST /api/concerns/:id/accept | /start */
export const AcceptConcernRequestSchema = z.object({ note: optionalNote(500), version: version.optional() }).strict();
export type AcceptConcernRequest = z.infer<typeof AcceptConcernRequestSchema>;

/** POST /api/concerns/:id/resolve — what was done, optional photos of the fix. */
export const ResolveConcernRequestSchema = z.object({ note: requiredNote(500, '请写明处理结果'), photoIds, version: version.optional() }).strict();
export type ResolveConcernRequest = z.infer<typeof ResolveConcernRequestSchema>;

/** POST /api/concerns/:id/escalate — one level up; the street names the department it whistles for (吹哨). */
export const EscalateConcernRequestSchema = z
  .object({ reason: requiredNote(500, '请写明上报原因'), departmentId: z.number().int().positive().optional(), version: version.optional() })
  .strict();
export type EscalateConcernRequest = z.infer<typeof EscalateConcernRequestSchema>;

/** POST /api/concerns/:id/return — one level down, with instructions. */
export const ReturnConcernRequestSchema = z.object({ instructions: requiredNote(500, '请写明退回的处理意见'), version: version.optional() }).strict();
export type ReturnConcernRequest = z.infer<typeof ReturnConcernRequestSchema>;

/** POST /api/concerns/:id/close — closed without a resolution, with a reason. */
export const CloseConcernRequestSchema = z
  .object({ reason: z.enum(CloseReasons), note: optionalNote(500), version: version.optional() })
  .strict();
export type CloseConcernRequest = z.infer<typeof CloseConcernRequestSchema>;

/** POST /api/concerns/:id/rate — the resident confirms the resolution. */
export const RateConcernRequestSchema = z
  .object({ rating: z.number().int().min(1, '请打 1 到 5 分').max(5, '请打 1 到 5 分'), comment: optionalNote(500) })
  .strict();
export type RateConcernRequest = z.infer<typeof RateConcernRequestSchema>;

/** POST /api/concerns/:id/not-solved — reopens and escalates one level (二次督办). */
export const NotSolvedRequestSchema = z.object({ comment: requiredNote(500, '请说说哪里还没解决') }).strict();
export type NotSolvedRequest = z.infer<typeof NotSolvedRequestSchema>;

export type ConcernEventType =
  | 'submitted' | 'accepted' | 'started' | 'resolved' | 'escalated' | 'returned' | 'closed' | 'rated'
  | 'reopened' | 'auto_escalated' | 'auto_closed' | 'me_too' | 'made_public';

export interface ConcernEventItem {
  id: number;
  type: ConcernEventType;
  fromStatus: ConcernStatus | null;
  toStatus: ConcernStatus;
  /** The level holding the concern after this step. */
  toLevel: HolderLevel | null;
  actorName: string;
  actorRoleLabel: string;
  note: string | null;
  photoUrls: string[];
  at: string;
}

export interface ConcernItem {
  id: number;
  version: number;
  category: ConcernCategory;
  categoryLabel: string;
  text: string;
  status: ConcernStatus;
  statusLabel: string;
  isPublic: boolean;
  /** "创业一社区 3号楼 2单元", or the public spot. */
  placeLabel: string;
  placeKind: PlaceKind;
  gridName: string;
  submitterName: string;
  /** Submitted while the resident's unit was not yet confirmed by the grid worker. */
  unconfirmed: boolean;
  /** 代办: submitted by a grid worker on behalf of this resident. */
  proxyFor: string | null;
  holderLevel: HolderLevel;
  holderLevelLabel: string;
  /** Who holds the concern now, null when it waits in the level's queue. */
  holderName: string | null;
  holderRoleLabel: string | null;
  departmentName: string | null;
  /** 首接负责: the first owner. */
  firstOwnerName: string | null;
  /** When the current stage should be done; null when closed. */
  stageDeadlineAt: string | null;
  stageStartedAt: string;
  /** Plain words: "通常在 2 天内处理，已过去 1 天". */
  deadlineText: string | null;
  overdue: boolean;
  meTooCount: number;
  rating: number | null;
  closeReason: CloseReason | null;
  photoCount: number;
  createdAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
}

/** What the caller may do now (the app shows exactly these buttons). */
export type ConcernAction =
  | 'accept' | 'start' | 'resolve' | 'escalate' | 'return' | 'close' | 'rate' | 'not_solved' | 'withdraw' | 'me_too';

export interface ConcernDetail extends ConcernItem {
  timeline: ConcernEventItem[];
  photoUrls: string[];
  ratingComment: string | null;
  actions: ConcernAction[];
  /** For 'escalate' at street level: the departments one may whistle for. */
  departments: { id: number; name: string }[];
  /** The caller already said "me too". */
  joined: boolean;
}

/** GET /api/concerns/inbox?status=&category=&scope=open|all&cursor=&limit= — staff: overdue first, then by deadline. */
export const InboxQuerySchema = z
  .object({
    /** inbox: what my level holds and must act on (overdue first, then by deadline); area: everything in my area, newest first. */
    view: z.enum(['inbox', 'area']).default('inbox'),
    status: z.enum(ConcernStatuses).optional(),
    category: z.enum(ConcernCategories).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

/** GET /api/concerns/similar?category=&buildingId= — public concerns a resident may join instead of filing again. */
export const SimilarQuerySchema = z.object({ category: z.enum(ConcernCategories) }).strict();
export type SimilarQuery = z.infer<typeof SimilarQuerySchema>;

/** GET /api/concerns/public?cursor&limit — the community's public concerns. */

/** GET /api/concerns/categories — the categories as the caller's community configured them. */
export interface CategoryConfig {
  code: ConcernCategory;
  label: string;
  /** Shown on the form, e.g. "哪一层？还在漏吗？" */
  hint: string | null;
  /** Shown BEFORE submission, e.g. "闻到燃气味请立即拨打 119". */
  emergencyNotice: string | null;
  resolveHours: number;
  enabled: boolean;
}

/** PUT /api/concerns/categories/:code — community staff configure a category for their community. */
export const UpdateCategoryRequestSchema = z
  .object({
    label: z.string().trim().min(1).max(30).optional(),
    hint: z.string().trim().max(200).nullable().optional(),
    emergencyNotice: z.string().trim().max(300).nullable().optional(),
    resolveHours: z.number().int().min(1).max(24 * 90).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateCategoryRequest = z.infer<typeof UpdateCategoryRequestSchema>;
