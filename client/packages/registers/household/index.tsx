import { Text, View } from '@tarojs/components';
import { HouseholdTags } from '@contracts/registers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { ToggleChips } from '@/components/delib-staff/toggle-chips';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import '@/components/vol-staff/vol-staff.scss';
import '../registers.scss';
import { MembersCard, MembersEdit } from './members';
import { useHouseholdModel, type HouseholdDraft, type HouseholdModel } from './use-household-model';

const TAG_CHOICES = HouseholdTags.map((t) => ({ key: t, label: t }));

function EditForm({ d, m }: { d: HouseholdDraft; m: HouseholdModel }) {
  return (
    <View className='card' id='rg-edit'>
      <FormField id='rg-edit-head' label='户主姓名' value={d.headName} maxlength={30} onInput={(v) => m.change({ headName: v })} />
      <FormField id='rg-edit-phone' label='联系电话' value={d.headPhone} maxlength={13} onInput={(v) => m.change({ headPhone: v })} hint='手机号 11 位，座机如 0317-1234567' />
      <FormField id='rg-edit-people' label='常住人口' type='number' value={d.people} maxlength={2} onInput={(v) => m.change({ people: v })} hint='人' />
      <Text className='vs-line'>标签</Text>
      <ToggleChips idPrefix='rg-edit-tag' choices={TAG_CHOICES} selected={d.tags} onToggle={m.toggleTag} />
      <FormField id='rg-edit-note' label='备注' value={d.note} maxlength={200} multiline onInput={(v) => m.change({ note: v })} />
      <MembersEdit members={d.members} onAdd={m.addMember} onRemove={m.removeMember} onChange={m.changeMember} />
      {m.error ? <Notice tone='error' id='rg-edit-error' text={m.error} /> : null}
      <BigButton id='rg-save' text='保存' loading={m.busy === 'save'} onClick={m.save} />
      <BigButton id='rg-cancel' variant='plain' text='取消' onClick={m.cancel} />
    </View>
  );
}

export default function RegisterHouseholdPage() {
  const m = useHouseholdModel();
  const g = m.gate;
  const h = m.household.data;
  return (
    <PageShell className='registers-household-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText='居民台账由网格员、社区和街道工作人员使用。'>
        {m.id === null ? <Notice tone='error' text='没有指明是哪一户，请从台账列表进入。' /> : null}
        <LoadState loading={m.household.loading} loaded={m.household.loaded} error={m.household.error} onRetry={() => void m.household.reload()} empty={false} emptyText='' />
        {h && !m.draft ? (
          <View className='card' id='rg-household'>
            <Text className='vs-title'>{`${h.communityName} ${h.buildingName}${h.unitName} ${h.room}`}</Text>
            <InfoRow label='网格' value={h.gridName} />
            <InfoRow label='户主' value={h.headName} id='rg-head' />
            <InfoRow label='联系电话' value={h.headPhone} id='rg-phone' />
            <InfoRow label='常住人口' value={`${h.people} 人`} id='rg-people' />
            <InfoRow label='标签' value={h.tags.length ? h.tags.join('、') : '无'} id='rg-tags' />
            <InfoRow label='备注' value={h.note ?? '无'} id='rg-note' />
            <Text className='vs-line caption'>查看联系电话会记入审计日志，请只在工作需要时查看。</Text>
            <BigButton id='rg-call' variant='secondary' text='打电话' onClick={m.call} />
            {h.canEdit ? <BigButton id='rg-edit-open' variant='plain' text='修改' onClick={m.edit} /> : null}
          </View>
        ) : null}
        {h && !m.draft ? <MembersCard members={h.members} people={h.people} onCall={m.callMember} /> : null}
        {m.draft ? <EditForm d={m.draft} m={m} /> : null}
      </StaffGate>
    </PageShell>
  );
}
