import { Text, View } from '@tarojs/components';
import { MemberRelations, type HouseholdMember, type MemberRelation } from '@contracts/registers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { FormField } from '@/components/delib-staff/form-field';
import { ageText, type MemberDraft } from './member-draft';

const RELATION_CHOICES = MemberRelations.map((r) => ({ key: r, label: r }));

/** 家庭成员 of the household: name and relation, age, phone with 打电话. */
export function MembersCard({ members, people, onCall }: { members: HouseholdMember[]; people: number; onCall: (phone: string) => void }) {
  return (
    <View className='card' id='rg-members'>
      <Text className='vs-title'>{`家庭成员（登记 ${members.length} 人）`}</Text>
      <Text className='vs-line caption'>{`常住人口按台账填写为 ${people} 人。`}</Text>
      {members.length === 0 ? <Text className='vs-line' id='rg-members-none'>还没有登记家庭成员。</Text> : null}
      {members.map((mb, i) => (
        <View className='rg-member' key={mb.id} id={`rg-member-${i}`}>
          <Text className='rg-member__name' id={`rg-member-${i}-name`}>{`${mb.name}（${mb.relation}）`}</Text>
          <Text className='vs-line' id={`rg-member-${i}-info`}>{[ageText(mb.birthYear), mb.phone ? `电话 ${mb.phone}` : '没有登记电话', mb.note].filter(Boolean).join(' · ')}</Text>
          {mb.phone ? <BigButton id={`rg-member-${i}-call`} variant='secondary' text={`打电话给${mb.name}`} onClick={() => onCall(mb.phone!)} /> : null}
        </View>
      ))}
    </View>
  );
}

export interface MembersEditProps {
  members: MemberDraft[];
  onAdd: () => void;
  onRemove: (i: number) => void;
  onChange: (i: number, patch: Partial<MemberDraft>) => void;
}

/** The edit form's 家庭成员: each one's fields, 删除 per member, 添加家庭成员 at the end (all saved with 保存). */
export function MembersEdit({ members, onAdd, onRemove, onChange }: MembersEditProps) {
  return (
    <View id='rg-edit-members'>
      <Text className='vs-title'>家庭成员</Text>
      {members.length === 0 ? <Text className='vs-line'>还没有家庭成员，可以点“添加家庭成员”。</Text> : null}
      {members.map((d, i) => (
        <View className='rg-member' key={d.key} id={`rg-edit-member-${i}`}>
          <Text className='rg-member__name'>{`第 ${i + 1} 位`}</Text>
          <FormField id={`rg-edit-member-${i}-name`} label='姓名' value={d.name} maxlength={30} onInput={(v) => onChange(i, { name: v })} />
          <Text className='vs-line'>与户主关系</Text>
          <ChoiceChips<MemberRelation> idPrefix={`rg-edit-member-${i}-relation`} choices={RELATION_CHOICES} selected={d.relation} onSelect={(r) => onChange(i, { relation: r })} />
          <FormField id={`rg-edit-member-${i}-year`} label='出生年份' type='number' value={d.birthYear} maxlength={4} onInput={(v) => onChange(i, { birthYear: v })} hint='四位数，如 1956；不知道可以不填' />
          <FormField id={`rg-edit-member-${i}-phone`} label='电话' value={d.phone} maxlength={13} onInput={(v) => onChange(i, { phone: v })} hint='可以不填' />
          <FormField id={`rg-edit-member-${i}-note`} label='备注' value={d.note} maxlength={50} onInput={(v) => onChange(i, { note: v })} hint='可以不填，如“腿脚不便”' />
          <BigButton id={`rg-edit-member-${i}-remove`} variant='plain' text='删除这位家庭成员' onClick={() => onRemove(i)} />
        </View>
      ))}
      <BigButton id='rg-edit-member-add' variant='secondary' text='添加家庭成员' onClick={onAdd} />
    </View>
  );
}
