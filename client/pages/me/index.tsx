import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { InfoRow } from '@/components/info-row/info-row';
import { useMeModel } from './use-me-model';
import './index.scss';

export default function MePage() {
  const m = useMeModel();
  return (
    <PageShell className='me-page'>
      <ErrorRetry error={m.error} onRetry={() => void m.reload()} />
      {m.me ? (
        <View className='card'>
          <Text className='page-title' id='me-name'>
            {m.me.name}
          </Text>
          <InfoRow label='身份' value={m.roleLabel} id='me-role' />
          <InfoRow label='手机号' value={m.me.phoneMasked ?? '未填写'} id='me-phone' />
          {m.me.scope ? <InfoRow label='服务范围' value={m.me.scope.name} /> : null}
          <InfoRow
            label='我的住址'
            id='me-unit'
            value={
              m.me.unit ? `${m.me.unit.label}${m.me.unit.confirmed ? '' : '（待网格员确认）'}` : '还没有选择'
            }
          />
          {m.me.role === 'resident' ? (
            <BigButton
              id='me-choose-unit'
              variant='secondary'
              text={m.me.unit ? '更改单元' : '选择单元'}
              onClick={m.goChooseUnit}
            />
          ) : null}
        </View>
      ) : null}

      <View className='card me-page__setting'>
        <View className='me-page__setting-text'>
          <Text className='me-page__setting-label'>大字模式</Text>
          <Text className='caption'>{m.largeText ? '已开启' : '已关闭'}</Text>
        </View>
        <Switch
          id='large-text-switch'
          className='big-switch'
          checked={m.largeText}
          loadingIcon={null}
          ariaLabel='大字模式'
          onChange={(value: boolean) => m.setLargeText(value)}
        />
      </View>

      {m.canSetUp ? <BigButton id='me-setup' variant='plain' text='组织架构' onClick={m.goSetup} /> : null}
      {m.canRedeem ? <BigButton id='me-redeem' variant='plain' text='输入邀请码' onClick={m.goRedeem} /> : null}
      {m.canManageStaff ? <BigButton id='me-staff' variant='plain' text='人员与邀请' onClick={m.goStaffMembers} /> : null}
      {m.canReadAudit ? <BigButton id='me-audit' variant='plain' text='审计日志' onClick={m.goAudit} /> : null}
      {m.canReadRegisters ? <BigButton id='me-registers' variant='plain' text='居民台账' onClick={m.goRegisters} /> : null}
      <BigButton id='me-privacy' variant='plain' text='我的数据与注销' onClick={m.goPrivacy} />
      <BigButton id='me-notifications' variant='plain' text='消息通知' onClick={m.goNotifications} />
      {m.hasWorkbench ? (
        <BigButton id='me-workbench' variant='plain' text='工作台' onClick={m.goWorkbench} />
      ) : null}
      <BigButton id='me-logout' variant='plain' text='退出登录' onClick={m.logout} />
    </PageShell>
  );
}
