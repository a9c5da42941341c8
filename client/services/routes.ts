/** Page paths used for navigation. A test checks each one is registered in app.config.ts. */
export const Routes = {
  home: '/pages/home/index',
  concerns: '/pages/concerns/index',
  deliberation: '/pages/deliberation/index',
  volunteers: '/pages/volunteers/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  newConcern: '/packages/concerns/new/index',
  concernDetail: '/packages/concerns/detail/index',
  staffInbox: '/packages/staff/inbox/index',
  staffResidents: '/packages/staff/residents/index',
  staffProxy: '/packages/staff/proxy/index',
  staffCategories: '/packages/staff/categories/index',
  staffDiary: '/packages/staff/diary/index',
  staffFigures: '/packages/staff/figures/index',
  staffApiKeys: '/packages/staff/api-keys/index',
  chooseUnit: '/packages/account/unit/index',
  notifications: '/packages/account/notifications/index',
  // 议事亭 (resident)
  deliberationSession: '/packages/deliberation/session/index',
  deliberationTopics: '/packages/deliberation/topics/index',
  deliberationTopic: '/packages/deliberation/topic/index',
  deliberationPropose: '/packages/deliberation/propose/index',
  deliberationResolutions: '/packages/deliberation/resolutions/index',
  deliberationResolution: '/packages/deliberation/resolution/index',
  // 议事亭 (staff)
  delibStaffSeries: '/packages/delib-staff/series/index',
  delibStaffTriage: '/packages/delib-staff/triage/index',
  delibStaffAgenda: '/packages/delib-staff/agenda/index',
  delibStaffCheckin: '/packages/delib-staff/checkin/index',
  delibStaffVote: '/packages/delib-staff/vote/index',
  delibStaffMinutes: '/packages/delib-staff/minutes/index',
  // 小红帽 (resident / volunteer)
  volAsk: '/packages/volunteers/ask/index',
  volRequests: '/packages/volunteers/requests/index',
  volRequest: '/packages/volunteers/request/index',
  volApply: '/packages/volunteers/apply/index',
  volHall: '/packages/volunteers/hall/index',
  volTasks: '/packages/volunteers/tasks/index',
  volHours: '/packages/volunteers/hours/index',
  volRewards: '/packages/volunteers/rewards/index',
  volActivities: '/packages/volunteers/activities/index',
  volActivity: '/packages/volunteers/activity/index',
  // 小红帽 (staff)
  volStaffVolunteers: '/packages/vol-staff/volunteers/index',
  volStaffDispatch: '/packages/vol-staff/dispatch/index',
  volStaffActivities: '/packages/vol-staff/activities/index',
  volStaffRewards: '/packages/vol-staff/rewards/index',
  volStaffTeams: '/packages/vol-staff/teams/index',
  // 组织架构, 人员与邀请, 居民台账, 我的数据 (issue 10)
  setupOrg: '/packages/setup/org/index',
  staffInvite: '/packages/staff-admin/invite/index',
  staffRedeem: '/packages/staff-admin/redeem/index',
  staffMembers: '/packages/staff-admin/members/index',
  staffAudit: '/packages/staff-admin/audit/index',
  registersHouseholds: '/packages/registers/households/index',
  registersHousehold: '/packages/registers/household/index',
  registersLeaders: '/packages/registers/leaders/index',
  registersImport: '/packages/registers/import/index',
  privacyData: '/packages/privacy/data/index',
} as const;

export const TabRoutes: readonly string[] = [
  Routes.home,
  Routes.concerns,
  Routes.deliberation,
  Routes.volunteers,
  Routes.me,
];

export function concernDetailUrl(id: number): string {
  return `${Routes.concernDetail}?id=${id}`;
}

/** 议事亭 (resident) detail pages; also the share-card paths. */
export function deliberationSessionUrl(id: number): string {
  return `${Routes.deliberationSession}?id=${id}`;
}

export function deliberationTopicUrl(id: number): string {
  return `${Routes.deliberationTopic}?id=${id}`;
}

export function deliberationResolutionUrl(id: number): string {
  return `${Routes.deliberationResolution}?id=${id}`;
}

// 议事亭 staff: the screens of one session.
export function delibStaffAgendaUrl(sessionId: number): string {
  return `${Routes.delibStaffAgenda}?sessionId=${sessionId}`;
}
export function delibStaffCheckinUrl(sessionId: number): string {
  return `${Routes.delibStaffCheckin}?sessionId=${sessionId}`;
}
export function delibStaffVoteUrl(sessionId: number): string {
  return `${Routes.delibStaffVote}?sessionId=${sessionId}`;
}
export function delibStaffMinutesUrl(sessionId: number): string {
  return `${Routes.delibStaffMinutes}?sessionId=${sessionId}`;
}

// 小红帽 (resident / volunteer)
export function volRequestUrl(id: number): string {
  return `${Routes.volRequest}?id=${id}`;
}
/** 代人求助: the ask page in proxy mode (grid workers). */
export function volAskProxyUrl(): string {
  return `${Routes.volAsk}?proxy=1`;
}

// 小红帽: one team activity (volunteer side).
export function volActivityUrl(id: number): string {
  return `${Routes.volActivity}?id=${id}`;
}

/** 发起志愿活动 from a 议事亭 resolution: the staff activities screen with the form filled from it. */
export function volStaffActivitiesFromResolutionUrl(resolutionId: number): string {
  return `${Routes.volStaffActivities}?resolutionId=${resolutionId}`;
}
