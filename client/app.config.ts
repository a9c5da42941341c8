export default defineAppConfig({
  // Main package: the tab pages and the login entry only.
  pages: [
    'pages/home/index',
    'pages/concerns/index',
    'pages/deliberation/index',
    'pages/volunteers/index',
    'pages/me/index',
    'pages/login/index',
  ],
  subPackages: [
    { root: 'packages/concerns', pages: ['new/index', 'detail/index'] },
    { root: 'packages/staff', pages: ['inbox/index', 'residents/index', 'proxy/index', 'categories/index', 'diary/index', 'figures/index', 'api-keys/index'] },
    { root: 'packages/account', pages: ['unit/index', 'notifications/index'] },
    // 议事亭: resident screens, then staff screens.
    { root: 'packages/deliberation', pages: ['session/index', 'topics/index', 'topic/index', 'propose/index', 'resolutions/index', 'resolution/index'] },
    { root: 'packages/delib-staff', pages: ['series/index', 'triage/index', 'agenda/index', 'checkin/index', 'vote/index', 'minutes/index'] },
    // 小红帽: resident and volunteer screens, then staff screens.
    { root: 'packages/volunteers', pages: ['ask/index', 'requests/index', 'request/index', 'apply/index', 'hall/index', 'tasks/index', 'hours/index', 'rewards/index', 'activities/index', 'activity/index'] },
    { root: 'packages/vol-staff', pages: ['volunteers/index', 'dispatch/index', 'activities/index', 'rewards/index', 'teams/index'] },
    // A street runs itself: 组织架构, 人员与邀请, 居民台账, 我的数据与注销.
    { root: 'packages/setup', pages: ['org/index'] },
    { root: 'packages/staff-admin', pages: ['invite/index', 'redeem/index', 'members/index', 'audit/index'] },
    { root: 'packages/registers', pages: ['households/index', 'household/index', 'leaders/index', 'import/index'] },
    { root: 'packages/privacy', pages: ['data/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#B42318',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F5F5',
  },
  tabBar: {
    color: '#525252',
    selectedColor: '#B42318',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/concerns/index', text: '问题' },
      { pagePath: 'pages/deliberation/index', text: '议事' },
      { pagePath: 'pages/volunteers/index', text: '小红帽' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  // The new-concern page lets a resident pick a map point (wx.chooseLocation, weapp only).
  requiredPrivateInfos: ['chooseLocation'],
  lazyCodeLoading: 'requiredComponents',
});
