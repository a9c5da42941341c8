/** Concern categories, statuses, levels and limits: plain constants, no zod (the mini-program imports these). */
export const ConcernCategories = [
  'noise',
  'leak',
  'sanitation',
  'parking',
  'pets',
  'facilities',
  'neighbour_dispute',
  'elderly_care',
  'safety_hazard',
  'other',
] as const;
export type ConcernCategory = (typeof ConcernCategories)[number];

export const ConcernCategoryLabels: Record<ConcernCategory, string> = {
  noise: '噪音扰民',
  leak: '漏水',
  sanitation: '环境卫生',
  parking: '停车',
  pets: '宠物',
  facilities: '公共设施',
  neighbour_dispute: '邻里纠纷',
  elderly_care: '养老助老',
  safety_hazard: '安全隐患',
  other: '其他',
};

/**
 * submitted → accepted → in_progress → resolved → closed; resolved → reopened;
 * any open state → escalated (one level up) / returned (one level down); closed with a reason.
 * escalated, returned and reopened wait to be accepted by the level that now holds the concern.
 */
export const ConcernStatuses = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'reopened', 'escalated', 'returned'] as const;
export type ConcernStatus = (typeof ConcernStatuses)[number];

export const ConcernStatusLabels: Record<ConcernStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已办结',
  reopened: '已重新打开',
  escalated: '已上报',
  returned: '已退回',
};

/** Statuses in which someone still has to act (the holder's inbox). */
export const OpenConcernStatuses: readonly ConcernStatus[] = ['submitted', 'accepted', 'in_progress', 'reopened', 'escalated', 'returned'];

/** 小事不出网格、大事不出社区: grid → community → street → department. */
export const HolderLevels = ['grid', 'community', 'street', 'department'] as const;
export type HolderLevel = (typeof HolderLevels)[number];
export const HolderLevelLabels: Record<HolderLevel, string> = { grid: '网格', community: '社区', street: '街道', department: '职能部门' };

export const CloseReasons = ['duplicate', 'not_responsible', 'withdrawn'] as const;
export type CloseReason = (typeof CloseReasons)[number];
export const CloseReasonLabels: Record<CloseReason, string> = { duplicate: '重复反映', not_responsible: '不属于受理范围', withdrawn: '居民撤回' };

export const PlaceKinds = ['unit', 'building', 'public_spot', 'map_point'] as const;
export type PlaceKind = (typeof PlaceKinds)[number];

export const CONCERN_TEXT_MAX = 1000;
export const CONCERN_PHOTOS_MAX = 9;
/** Accept within 24 h by default; resolve within the category's hours. */
export const ACCEPT_WITHIN_HOURS = 24;
/** Unrated resolved concerns close by themselves after 7 days. */
export const AUTO_CLOSE_AFTER_DAYS = 7;
/** "Me too" suggestions look back this far. */
export const SIMILAR_WITHIN_DAYS = 30;
