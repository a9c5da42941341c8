export default definePageConfig({
  navigationBarTitleText: '议程',
});
