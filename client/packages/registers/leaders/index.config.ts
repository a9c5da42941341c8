export default definePageConfig({
  navigationBarTitleText: '网格长和楼栋长',
});
