export default definePageConfig({
  navigationBarTitleText: '小红帽志愿服务',
});
