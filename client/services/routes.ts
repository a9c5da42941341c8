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
