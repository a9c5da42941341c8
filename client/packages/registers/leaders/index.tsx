import { Text, View } from '@tarojs/components';
import { AreaLeaderLevelLabels, type LeaderSlot } from '@contracts/registers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import '@/components/delib-staff/delib-staff.scss';
import '@/components/vol-staff/vol-staff.scss';
import { slotKey, useLeadersModel, type LeadersModel } from './use-leaders-model';

function Slot({ s, m, canAssign }: { s: LeaderSlot; m: LeadersModel; canAssign: boolean }) {
  const key = slotKey(s);
  const label = AreaLeaderLevelLabels[s.level];
  return (
    <View className={s.level === 'grid' ? 'card' : 'vs-item'} id={`leader-${key}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{s.areaName}</Text>
        <Text className='ds-tag'>{label}</Text>
      </View>
      <Text className='vs-line' id={`leader-${key}-who`}>{s.leader ? `${label}：${s.leader.name}（${s.leader.phone}）` : `还没有安排${label}`}</Text>
      {canAssign && m.editing === key ? (
        <View>
          <FormField id={`leader-${key}-name`} label='姓名' value={m.name} maxlength={30} onInput={m.setName} />
          <FormField id={`leader-${key}-phone`} label='联系电话' value={m.phone} maxlength={13} onInput={m.setPhone} hint='手机号 11 位，座机如 0317-1234567' />
          <BigButton id={`leader-${key}-save`} text='保存' loading={m.busy === `save-${key}`} onClick={() => m.save(s)} />
          <BigButton id={`leader-${key}-cancel`} variant='plain' text='取消' onClick={m.close} />
        </View>
      ) : null}
      {canAssign && m.editing !== key ? (
        <View>
          <BigButton id={`leader-${key}-edit`} variant='secondary' text={s.leader ? `更换${label}` : `安排${label}`} onClick={() => m.open(s)} />
          {s.leader ? <BigButton id={`leader-${key}-clear`} variant='plain' text={`撤销${label}`} loading={m.busy === `clear-${key}`} onClick={() => m.clear(s)} /> : null}
        </View>
      ) : null}
    </View>
  );
}

export default function RegisterLeadersPage() {
  const m = useLeadersModel();
  const g = m.gate;
  const data = m.leaders.data;
  const items = data?.items ?? [];
  return (
    <PageShell className='registers-leaders-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText='网格长和楼栋长名单由网格员、社区和街道工作人员查看。'>
        {m.error ? <Notice tone='error' id='leaders-error' text={m.error} /> : null}
        <LoadState loading={m.leaders.loading} loaded={m.leaders.loaded} error={m.leaders.error} onRetry={() => void m.leaders.reload()} empty={items.length === 0} emptyText='您负责的范围里还没有网格和楼栋。' />
        {items.map((s) => (
          <Slot key={slotKey(s)} s={s} m={m} canAssign={data?.canAssign ?? false} />
        ))}
      </StaffGate>
    </PageShell>
  );
}
