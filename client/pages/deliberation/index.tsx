import { Text } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';

export default function DeliberationPage() {
  return (
    <PageShell className='deliberation-page'>
      <Text className='plain-line' id='deliberation-not-ready'>
        议事亭功能正在建设中，暂未开放。
      </Text>
    </PageShell>
  );
}
