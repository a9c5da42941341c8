export default definePageConfig({
  navigationBarTitleText: '决议详情',
});
