import { Text } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';

// Placeholder while this screen is being built (议事亭, issue 4).
export default function Page() {
  return (
    <PageShell>
      <Text className='plain-line'>这个页面正在建设中，暂未开放。</Text>
    </PageShell>
  );
}
