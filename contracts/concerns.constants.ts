/** Concern categories, statuses and limits: plain constants, no zod (the mini-program imports these). */
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

export const ConcernStatuses = ['submitted', 'accepted', 'in_progress', 'resolved', 'closed', 'reopened'] as const;
export type ConcernStatus = (typeof ConcernStatuses)[number];

export const ConcernStatusLabels: Record<ConcernStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已办结',
  reopened: '已重新打开',
};

export const CONCERN_TEXT_MAX = 1000;
