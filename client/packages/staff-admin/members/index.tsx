import { Text, View } from '@tarojs/components';
import type { InvitationItem, StaffMember } from '@contracts/staff.contract';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { formatDateTime } from '@/utils/format';
import { GrantPicker } from '../shared/grant-picker';
import '../shared/staff-admin.scss';
import { STAFF_ONLY_LINE } from '../shared/texts';
import { useMembersModel, type MembersModel } from './use-members-model';

function MemberCard({ s, m }: { s: StaffMember; m: MembersModel }) {
  const open = m.editing === s.id;
  return (
    <View className='card' id={`member-${s.id}`}>
      <Text className='section-title'>
        {s.name}
        {s.self ? <Text className='staff-admin__tag'>（本人）</Text> : null}
      </Text>
      <Text className='staff-admin__line' id={`member-${s.id}-role`}>{s.roleLabel} · {s.areaName}</Text>
      <Text className='staff-admin__line caption'>{s.phoneMasked ?? '未留电话'}</Text>
      {s.manageable ? (
        <View>
          <BigButton id={`member-${s.id}-change`} variant='secondary' text={open ? '收起' : '调整身份'} onClick={() => m.startChange(s)} />
          {open && m.areas.data ? (
            <View>
              <GrantPicker areas={m.areas.data} g={m.grant} idPrefix={`member-${s.id}`} />
              <BigButton id={`member-${s.id}-save`} text='保存调整' loading={m.busy === `change-${s.id}`} onClick={() => void m.saveChange(s)} />
            </View>
          ) : null}
          <BigButton id={`member-${s.id}-revoke`} variant='plain' text='撤销身份' loading={m.busy === `revoke-${s.id}`} onClick={() => void m.revoke(s)} />
        </View>
      ) : null}
    </View>
  );
}

function InvitationCard({ inv, m }: { inv: InvitationItem; m: MembersModel }) {
  return (
    <View className='card' id={`invitation-${inv.id}`}>
      <Text className='section-title'>{inv.inviteeName}</Text>
      <Text className='staff-admin__line'>{inv.roleLabel} · {inv.areaName}</Text>
      <Text className='staff-admin__line caption'>{inv.createdBy} 发出，有效期至 {formatDateTime(inv.expiresAt)}</Text>
      {inv.note ? <Text className='staff-admin__line caption'>备注：{inv.note}</Text> : null}
      <BigButton id={`invitation-${inv.id}-revoke`} variant='plain' text='作废' loading={m.busy === `invitation-${inv.id}`} onClick={() => void m.cancelInvitation(inv)} />
    </View>
  );
}

export default function StaffMembersPage() {
  const m = useMembersModel();
  const g = m.gate;
  const staff = m.staff.data ?? [];
  const invitations = m.invitations.data ?? [];
  return (
    <PageShell className='staff-members-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={STAFF_ONLY_LINE}>
        <BigButton id='members-invite' text='邀请工作人员' onClick={m.invite} />
        {m.error ? <Notice tone='error' id='members-error' text={m.error} /> : null}
        <Text className='section-title'>工作人员</Text>
        <LoadState loading={m.staff.loading} loaded={m.staff.loaded} error={m.staff.error} onRetry={() => void m.staff.reload()} empty={staff.length === 0} emptyText='还没有工作人员。' />
        {staff.map((s) => <MemberCard key={s.id} s={s} m={m} />)}
        <Text className='section-title'>还没使用的邀请</Text>
        <LoadState loading={m.invitations.loading} loaded={m.invitations.loaded} error={m.invitations.error} onRetry={() => void m.invitations.reload()} empty={invitations.length === 0} emptyText='没有待使用的邀请码。' id='invitations-empty' />
        {invitations.map((inv) => <InvitationCard key={inv.id} inv={inv} m={m} />)}
      </StaffGate>
    </PageShell>
  );
}
