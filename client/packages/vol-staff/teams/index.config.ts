export default definePageConfig({
  navigationBarTitleText: '队伍和队长',
});
