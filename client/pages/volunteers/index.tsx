import { Text } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';

export default function VolunteersPage() {
  return (
    <PageShell className='volunteers-page'>
      <Text className='plain-line' id='volunteers-not-ready'>
        小红帽志愿服务功能正在建设中，暂未开放。
      </Text>
    </PageShell>
  );
}
