export default definePageConfig({
  navigationBarTitleText: '纪要与决议',
});
