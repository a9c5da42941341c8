import type { Role } from '@contracts/roles';

// Who gets which 小红帽 time-bank, activity and staff screen. Mirrors the server's route declarations so
// nobody sees a button that can only fail:
//   GET /api/timebank/me, /me/history, POST rewards/:id/redeem, activities/:id/sign-up|withdraw: resident
//   GET /api/volunteers, approve, decline: community_staff, street_admin
//   GET /api/help-requests/board, suggestions, dispatch, confirm-on-behalf: grid_worker, community_staff, street_admin
//   activities (create, attendees, check-in/out, credit), rewards (manage), settings: community_staff
//   GET /api/timebank/export: community_staff (own community), street_admin (the street)

/** My hours, rewards and activity sign-up: residents (the server says whether they are an approved volunteer). */
export function canUseTimebank(role: Role | undefined): boolean {
  return role === 'resident';
}

export function canReviewVolunteers(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

export function canDispatch(role: Role | undefined): boolean {
  return role === 'grid_worker' || role === 'community_staff' || role === 'street_admin';
}

export function canRunActivities(role: Role | undefined): boolean {
  return role === 'community_staff';
}

export function canManageRewards(role: Role | undefined): boolean {
  return role === 'community_staff';
}

export function canExportRecords(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

export const VOLUNTEER_ONLY_LINE = '这个页面供居民志愿者使用。';
export const REVIEW_ONLY_LINE = '这个页面供社区工作人员和街道管理员审核志愿者使用。';
export const DISPATCH_ONLY_LINE = '这个页面供网格员、社区工作人员和街道管理员派单使用。';
export const ACTIVITIES_ONLY_LINE = '这个页面供社区工作人员管理志愿活动使用。';
export const REWARDS_ONLY_LINE = '这个页面供社区工作人员和街道管理员使用。';
