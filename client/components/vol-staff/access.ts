// What a 小红帽 screen says to a role it is not for. Who gets which screen: client/services/permissions.ts.

export const VOLUNTEER_ONLY_LINE = '这个页面供居民志愿者使用。';
export const REVIEW_ONLY_LINE = '这个页面供社区工作人员和街道管理员审核志愿者使用。';
export const DISPATCH_ONLY_LINE = '这个页面供网格员、社区工作人员和街道管理员派单使用。';
export const ACTIVITIES_ONLY_LINE = '这个页面供社区工作人员管理志愿活动使用。';
export const REWARDS_ONLY_LINE = '这个页面供社区工作人员和街道管理员使用。';
export const TEAMS_ONLY_LINE = '这个页面供社区工作人员和街道管理员任命队长使用。';
