export default definePageConfig({
  navigationBarTitleText: '议题分拣',
});
