export default definePageConfig({
  navigationBarTitleText: '志愿者审核',
});
