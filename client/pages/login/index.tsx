import { Text, View } from '@tarojs/components';
import { RoleLabels } from '@contracts/roles';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { Notice } from '@/components/notice/notice';
import { useLoginModel } from './use-login-model';
import './index.scss';

export default function LoginPage() {
  const m = useLoginModel();
  return (
    <PageShell className='login-page'>
      <Text className='page-title'>欢迎使用邻里</Text>
      <Text className='login-page__intro muted'>反映身边的问题，网格员会及时处理。</Text>

      {m.error ? <Notice tone='error' text={m.error} id='login-error' /> : null}

      {m.isWeapp ? (
        <BigButton
          id='login-wechat'
          text='微信一键登录'
          loading={m.busy === 'wechat'}
          onClick={() => void m.loginWithWechat()}
        />
      ) : (
        <View className='login-page__browser'>
          {m.loading ? <Text className='muted'>正在加载…</Text> : null}
          {!m.loading && m.error ? (
            <BigButton text='重试' variant='secondary' onClick={() => void m.loadOptions()} />
          ) : null}
          {!m.loading && m.options && !m.options.devLogin ? (
            <Notice text='请在微信中打开“邻里”小程序登录。' />
          ) : null}
          {m.options?.devLogin ? (
            <View className='login-page__demo'>
              <Text className='section-title'>选择一位演示用户登录</Text>
              {m.demoUsers.map((user) => (
                <BigButton
                  key={user.id}
                  id={`demo-user-${user.id}`}
                  variant='plain'
                  className='login-page__demo-user'
                  text={`${user.name} · ${RoleLabels[user.role] ?? user.role} · ${user.areaName}`}
                  loading={m.busy === user.id}
                  onClick={() => void m.loginAsDemoUser(user.id)}
                />
              ))}
              <BigButton
                id='login-new-user'
                variant='secondary'
                className='login-page__demo-user'
                text='以新用户身份登录（演示）'
                loading={m.busy === 'new-user'}
                onClick={() => void m.loginAsNewUser()}
              />
            </View>
          ) : null}
        </View>
      )}
    </PageShell>
  );
}
