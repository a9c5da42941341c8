import { Text, View } from '@tarojs/components';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { Notice } from '@/components/notice/notice';
import { useHomeModel } from './use-home-model';
import './index.scss';

export default function HomePage() {
  const m = useHomeModel();
  return (
    <PageShell className='home-page'>
      <ErrorRetry error={m.error} onRetry={() => void m.reload()} />
      {!m.me && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.me ? (
        <View>
          <Text className='page-title' id='home-greeting'>
            您好，{m.me.name}
          </Text>
          {m.me.unit ? <Text className='home-page__unit muted'>我的住址：{m.me.unit.label}</Text> : null}

          {m.needsUnit ? (
            <Notice id='home-choose-unit' tone='warning' text='请先选择您居住的单元' onTap={m.goChooseUnit} />
          ) : null}
          {m.unitUnconfirmed ? (
            <Notice id='home-unit-unconfirmed' tone='warning' text='您的住址待网格员确认，提交的问题会标注“未确认”' />
          ) : null}

          {m.canSubmit ? <BigButton id='home-new-concern' text='我要反映问题' onClick={m.goNewConcern} /> : null}
          {m.hasWorkbench ? <BigButton id='home-workbench' text='工作台' onClick={m.goWorkbench} /> : null}

          <View className='home-page__notifications card' id='home-notifications' onClick={m.goNotifications}>
            <Text className='home-page__notifications-label'>消息通知</Text>
            {m.unread > 0 ? (
              <Text className='home-page__badge' id='home-unread-count'>
                {m.unread} 条未读
              </Text>
            ) : (
              <Text className='muted'>没有未读消息</Text>
            )}
          </View>

        </View>
      ) : null}
    </PageShell>
  );
}
