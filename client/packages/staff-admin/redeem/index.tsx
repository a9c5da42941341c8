import { Input, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import '../shared/staff-admin.scss';
import { useRedeemModel } from './use-redeem-model';

export default function StaffRedeemPage() {
  const m = useRedeemModel();
  if (m.done) {
    return (
      <PageShell className='staff-redeem-page'>
        <View className='card' id='redeem-done'>
          <Text className='page-title'>您现在是{m.done.roleLabel}</Text>
          <Text className='staff-admin__line'>服务范围：{m.done.areaName}</Text>
          <Text className='staff-admin__line'>居民反映的问题、需要您处理的事情，都在工作台里。</Text>
          <BigButton id='redeem-workbench' text='进入工作台' onClick={m.openWorkbench} />
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell className='staff-redeem-page'>
      <ErrorRetry error={m.meError} onRetry={m.retryMe} />
      <View className='card'>
        <Text className='section-title'>输入邀请码</Text>
        <Text className='staff-admin__line'>街道或社区给您的 8 位邀请码，例如 K7QM-2XPA。不分大小写，横线可以不输。</Text>
        <Input id='redeem-code' className='staff-admin__input staff-admin__code' value={m.code} maxlength={12} placeholder='K7QM-2XPA' confirmType='done' onInput={(e) => m.setCode(e.detail.value)} onConfirm={m.submit} />
        {m.me && m.me.role !== 'resident' ? <Notice tone='warning' id='redeem-staff-warning' text={`您现在是${m.me.scope?.name ?? ''}的工作人员。接受新的邀请后，原来的身份会换成邀请里的身份。`} /> : null}
        {m.error ? <Notice tone='error' id='redeem-error' text={m.error} /> : null}
        <BigButton id='redeem-submit' text='确定' loading={m.busy === 'redeem'} onClick={m.submit} />
        {m.canScan ? <BigButton id='redeem-scan' variant='secondary' text='扫二维码' onClick={() => void m.scan()} /> : null}
      </View>
    </PageShell>
  );
}
