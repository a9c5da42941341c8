export default definePageConfig({
  navigationBarTitleText: '议事详情',
  // The share card of useShareAppMessage (a resident shares the session into the grid's WeChat group).
  enableShareAppMessage: true,
});
