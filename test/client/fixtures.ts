import type { ConcernDetail, ConcernItem } from '@contracts/concerns.contract';

/** A concern as the list routes answer it (every field of the contract). */
export function concernItem(overrides: Partial<ConcernItem> = {}): ConcernItem {
  return {
    id: 1,
    version: 3,
    category: 'noise',
    categoryLabel: '噪音扰民',
    text: '楼下广场舞声音太大',
    status: 'submitted',
    statusLabel: '已提交',
    isPublic: false,
    placeLabel: '创业一社区 3号楼 2单元',
    placeKind: 'unit',
    gridName: '第1网格',
    submitterName: '王秀兰',
    unconfirmed: false,
    proxyFor: null,
    holderLevel: 'grid',
    holderLevelLabel: '网格',
    holderName: '王网格员',
    holderRoleLabel: '网格员',
    departmentName: null,
    firstOwnerName: '王网格员',
    stageDeadlineAt: '2026-11-24T08:00:00.000Z',
    stageStartedAt: '2026-11-23T08:00:00.000Z',
    deadlineText: '通常在 1 天内处理，已过去 2 小时',
    overdue: false,
    meTooCount: 0,
    rating: null,
    closeReason: null,
    photoCount: 0,
    createdAt: '2026-11-23T08:00:00.000Z',
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}

/** A concern as GET /api/concerns/:id answers it. */
export function concernDetail(overrides: Partial<ConcernDetail> = {}): ConcernDetail {
  return {
    ...concernItem(),
    timeline: [
      {
        id: 100,
        type: 'submitted',
        fromStatus: null,
        toStatus: 'submitted',
        toLevel: 'grid',
        actorName: '王秀兰',
        actorRoleLabel: '居民',
        note: null,
        photoUrls: [],
        at: '2026-11-23T08:00:00.000Z',
      },
    ],
    photoUrls: [],
    ratingComment: null,
    actions: [],
    departments: [],
    joined: false,
    ...overrides,
  };
}
