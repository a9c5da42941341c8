import { z } from 'zod';

/**
 * 红色银行 time bank, 积分兑换 rewards and 团队活动 team activities. The mini-program imports only types.
 * Amounts travel in minutes (integers); show them as hours (minutes / 60, one decimal).
 *
 * Routes (all under /api/timebank; "staff" = community_staff of the caller's community):
 *   GET  /me                              resident          -> MyTimebank (balance, earned, rank, today's allowance)
 *   GET  /me/history?cursor&limit         resident          -> Page<LedgerLine> (newest first)
 *   GET  /settings                        community_staff   -> TimebankSettings
 *   PUT  /settings                        community_staff   UpdateTimebankSettingsRequest -> TimebankSettings
 *   GET  /ledger?cursor&limit&volunteerId community_staff   -> Page<LedgerLine> (the community's ledger)
 *   POST /transactions/:id/reverse        community_staff   ReverseRequest -> ReverseResponse (201; 409 TIMEBANK_ALREADY_REVERSED,
 *                                                            TIMEBANK_NOT_REVERSIBLE, TIMEBANK_INSUFFICIENT_HOURS when already spent)
 *   GET  /export?from&to&communityId      street_admin (communities of the street), community_staff (own community)
 *                                         -> .xlsx file (service records: volunteer, team, activity or request, date, hours)
 *   GET  /rewards                         resident (active ones), community_staff (all)  -> RewardItem[]
 *   POST /rewards                         community_staff   CreateRewardRequest -> RewardItem (201)
 *   PATCH /rewards/:id                    community_staff   UpdateRewardRequest -> RewardItem (400 VALIDATION_FAILED for bad fields;
 *                                                            409 REWARD_STOCK_CHANGED when someone redeemed since `stockSeen`)
 *   POST /rewards/:id/redeem              resident          -> RedeemResponse (201; 409 TIMEBANK_INSUFFICIENT_HOURS, REWARD_OUT_OF_STOCK,
 *                                                            REWARD_INACTIVE)
 *   GET  /activities                      resident, community_staff  -> ActivityItem[] (the community's, upcoming first)
 *   POST /activities                      community_staff, resident (the team's 队长, an approved volunteer)  CreateActivityRequest
 *                                                            -> ActivityItem (201); a leader's creditMinutes may not exceed the
 *                                                            activity's length (422 ACTIVITY_CREDIT_TOO_LONG); with `resolutionId`
 *                                                            the activity carries out that 议事亭 resolution of the caller's
 *                                                            community (else 404 RESOLUTION_NOT_FOUND), and the resolution's
 *                                                            history gets "发起志愿活动：<title>" in the same transaction
 *   GET  /activities/:id                  resident, community_staff  -> ActivityItem
 *   POST /activities/:id/sign-up          resident (approved volunteer of the community) -> ActivityItem (201; 409 ACTIVITY_FULL,
 *                                                            ACTIVITY_ALREADY_SIGNED_UP, ACTIVITY_STATE_CONFLICT)
 *   POST /activities/:id/withdraw         resident          -> ActivityItem (200; before the start only)
 *   GET  /activities/:id/attendees        community_staff, the team's 队长 (approved) -> Attendee[]
 *   POST /activities/:id/check-in         community_staff   AttendeeRequest -> Attendee (200)
 *   POST /activities/:id/check-out        community_staff   AttendeeRequest -> Attendee (200)
 *   POST /activities/:id/credit           community_staff   -> CreditActivityResponse (200; once: a second call credits nobody again)
 *
 * Rules: hours are credited only by a confirmed help request (volunteers module) or by the activity credit;
 * at most dailyCapMinutes per volunteer per China day (the excess is recorded as capped, not credited);
 * the ledger is append-only (a mistake is corrected by a reversal with a reason).
 */

export const DEFAULT_DAILY_CAP_MINUTES = 480;

export const UpdateTimebankSettingsRequestSchema = z
  .object({ dailyCapMinutes: z.number().int('请填整数分钟').min(30, '每日上限至少 30 分钟').max(1440, '每日上限最多 24 小时') })
  .strict();
export type UpdateTimebankSettingsRequest = z.infer<typeof UpdateTimebankSettingsRequestSchema>;

export interface TimebankSettings {
  communityId: number;
  dailyCapMinutes: number;
  customised: boolean;
}

export interface MyTimebank {
  communityId: number;
  balanceMinutes: number;
  earnedMinutes: number;
  /** 1 = most hours earned in the community; ties share a rank; null when nothing earned yet. */
  rank: number | null;
  rankedVolunteers: number;
  dailyCapMinutes: number;
  creditedTodayMinutes: number;
}

export type LedgerKind = 'credit' | 'redeem' | 'reversal';

export interface LedgerLine {
  transactionId: number;
  kind: LedgerKind;
  sourceType: string;
  sourceId: number;
  volunteerId: number;
  volunteerName: string;
  /** Signed change of the volunteer's balance (0 for a credit cut entirely by the daily cap). */
  minutes: number;
  requestedMinutes: number;
  memo: string;
  serviceDate: string;
  reversesId: number | null;
  reversedById: number | null;
  createdAt: string;
}

export const LedgerQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    volunteerId: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

export const ReverseRequestSchema = z.object({ reason: z.string().trim().min(2, '请写明冲正原因').max(150, '最多 150 字') }).strict();
export type ReverseRequest = z.infer<typeof ReverseRequestSchema>;

export interface ReverseResponse {
  reversalId: number;
  reversedId: number;
  volunteerId: number;
  minutes: number;
  volunteerBalanceMinutes: number;
}

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const ExportQuerySchema = z
  .object({ from: dateOnly, to: dateOnly, communityId: z.coerce.number().int().positive().optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

// Rewards (积分兑换)
const rewardName = z.string().trim().min(1, '请填写名称').max(60, '最多 60 字');
const rewardDescription = z.string().trim().max(300, '最多 300 字').nullable().optional();
const costMinutes = z.number().int('请填整数分钟').min(30, '至少 30 分钟').max(100 * 60, '最多 100 小时');
const stock = z.number({ error: '数量请填整数' }).int('数量请填整数').min(0, '数量不能为负数').max(100000, '数量最多 100000').nullable();

export const CreateRewardRequestSchema = z
  .object({ name: rewardName, description: rewardDescription, costMinutes, stock: stock.default(null) })
  .strict();
export type CreateRewardRequest = z.infer<typeof CreateRewardRequestSchema>;

/**
 * Edit a reward; only the fields sent change. `stock` is what is left to redeem (null = unlimited), never negative;
 * with it send `stockSeen`, the stock the staff member was shown: if someone redeemed meanwhile the edit is refused
 * (409 REWARD_STOCK_CHANGED with the current stock) instead of silently giving back what was taken. `active` false
 * takes the reward off the shelf (下架), true puts it back (上架).
 */
export const UpdateRewardRequestSchema = z
  .object({
    name: rewardName.optional(),
    description: rewardDescription,
    costMinutes: costMinutes.optional(),
    stock: stock.optional(),
    stockSeen: z.number().int().min(0).nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.stock === undefined || b.stockSeen !== undefined, { message: '改数量时请一并提交原来的数量（stockSeen）', path: ['stockSeen'] })
  .refine((b) => ['name', 'description', 'costMinutes', 'stock', 'active'].some((k) => b[k as keyof typeof b] !== undefined), { message: '没有要修改的内容' });
export type UpdateRewardRequest = z.infer<typeof UpdateRewardRequestSchema>;

export interface RewardItem {
  id: number;
  name: string;
  description: string | null;
  costMinutes: number;
  /** Left to redeem; null = unlimited */
  stock: number | null;
  active: boolean;
  /** Times redeemed (reversed redemptions not counted). */
  redeemedCount: number;
}

export interface RedeemResponse {
  redemptionId: number;
  transactionId: number;
  rewardId: number;
  costMinutes: number;
  balanceMinutes: number;
  stock: number | null;
}

// Team activities (团队活动)
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });
export const CreateActivityRequestSchema = z
  .object({
    title: z.string().trim().min(2, '标题至少 2 个字').max(100, '最多 100 字'),
    description: z.string().trim().max(1000, '最多 1000 字').default(''),
    place: z.string().trim().min(1, '请填写地点').max(200, '最多 200 字'),
    startsAt: isoDate,
    endsAt: isoDate,
    slots: z.number().int().min(1, '名额至少 1 个').max(500, '名额最多 500 个'),
    /** Minutes each attendee is credited; by default the activity's length (at most 12 h). */
    creditMinutes: z.number().int().min(15, '至少 15 分钟').max(720, '最多 12 小时').optional(),
    teamId: z.number().int().positive().nullable().default(null),
    /** 来自议事决议: the id of a resolution of the caller's community this activity carries out. */
    resolutionId: z.number({ error: '决议编号不正确' }).int('决议编号不正确').positive('决议编号不正确').max(2147483647, '决议编号不正确').optional(),
  })
  .strict();
export type CreateActivityRequest = z.infer<typeof CreateActivityRequestSchema>;

export type ActivityStatus = 'open' | 'cancelled' | 'credited';

/** The 议事亭 resolution an activity carries out; `title` is the resolution's text. */
export interface ActivityResolutionRef {
  id: number;
  title: string;
}

export interface ActivityItem {
  id: number;
  communityId: number;
  teamId: number | null;
  teamName: string | null;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  slots: number;
  taken: number;
  creditMinutes: number;
  status: ActivityStatus;
  /** For the caller: signed up (and not withdrawn). */
  signedUp: boolean;
  /** 来自议事决议: the resolution it carries out, or null. */
  resolution: ActivityResolutionRef | null;
}

export const AttendeeRequestSchema = z.object({ userId: z.number().int().positive() }).strict();
export type AttendeeRequest = z.infer<typeof AttendeeRequestSchema>;

export interface Attendee {
  userId: number;
  name: string;
  status: 'signed_up' | 'cancelled';
  checkedInAt: string | null;
  checkedOutAt: string | null;
  attendance: 'attended' | 'no_show' | null;
}

export interface CreditActivityResponse {
  activityId: number;
  credited: { userId: number; creditedMinutes: number; cappedMinutes: number; duplicate: boolean }[];
  noShows: number[];
}
