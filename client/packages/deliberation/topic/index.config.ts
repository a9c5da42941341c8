export default definePageConfig({
  navigationBarTitleText: '议题详情',
  // The share card of useShareAppMessage (a resident shares the topic to gather support).
  enableShareAppMessage: true,
});
