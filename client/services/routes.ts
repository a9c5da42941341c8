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
