export default definePageConfig({
  navigationBarTitleText: '议事亭',
});
