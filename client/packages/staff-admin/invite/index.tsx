import { Input, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { QrCode } from '@/components/deliberation/qr-code';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { formatDateTime } from '@/utils/format';
import type { CreatedInvitation } from '@contracts/staff.contract';
import { GrantPicker } from '../shared/grant-picker';
import '../shared/staff-admin.scss';
import { STAFF_ONLY_LINE } from '../shared/texts';
import { useInviteModel } from './use-invite-model';

/** The code, once: very large, as a QR, and what to do with it. */
function CodeCard({ inv, onAgain }: { inv: CreatedInvitation; onAgain: () => void }) {
  return (
    <View className='card' id='invite-result'>
      <Text className='section-title'>邀请码已生成</Text>
      <Text className='staff-admin__line'>邀请 {inv.inviteeName} 担任{inv.roleLabel}（{inv.areaName}）</Text>
      <Text className='staff-admin__code' id='invite-code'>{inv.code}</Text>
      <QrCode value={inv.code} id='invite-qr' caption='对方也可以用“扫一扫”扫这个二维码' />
      <Text className='staff-admin__line' id='invite-expires'>有效期至 {formatDateTime(inv.expiresAt)}，只能使用一次。</Text>
      <Notice
        id='invite-share-hint'
        text={`请当面或打电话把邀请码告诉 ${inv.inviteeName}（不要发到群里）。TA 用微信打开“邻里”登录后，在“我的 → 输入邀请码”里输入或扫码，就成为${inv.roleLabel}。这个邀请码只显示这一次；丢了可以在“人员与邀请”里作废，再发一个新的。`}
      />
      <BigButton id='invite-again' variant='secondary' text='再邀请一位' onClick={onAgain} />
    </View>
  );
}

export default function StaffInvitePage() {
  const m = useInviteModel();
  const g = m.gate;
  return (
    <PageShell className='staff-invite-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={STAFF_ONLY_LINE}>
        <LoadState loading={m.areas.loading} loaded={m.areas.loaded} error={m.areas.error} onRetry={() => void m.areas.reload()} empty={false} emptyText='' />
        {m.created ? <CodeCard inv={m.created} onAgain={m.again} /> : null}
        {!m.created && m.areas.data ? (
          <View className='card'>
            <GrantPicker areas={m.areas.data} g={m.grant} idPrefix='invite' />
            <Text className='section-title'>被邀请人姓名</Text>
            <Input id='invite-name' className='staff-admin__input' value={m.name} maxlength={30} placeholder='例如：王建华' onInput={(e) => m.setName(e.detail.value)} />
            <Text className='section-title'>备注（可不填）</Text>
            <Input id='invite-note' className='staff-admin__input' value={m.note} maxlength={200} placeholder='例如：接替退休的网格员' onInput={(e) => m.setNote(e.detail.value)} />
            {m.error ? <Notice tone='error' id='invite-error' text={m.error} /> : null}
            <BigButton id='invite-create' text='生成邀请码' loading={m.busy === 'create'} onClick={() => void m.create()} />
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
