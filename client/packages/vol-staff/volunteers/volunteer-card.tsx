import { Text, View } from '@tarojs/components';
import { AvailabilitySlotLabels, VolunteerSkillLabels } from '@contracts/volunteers.constants';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaWhen } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import '@/components/vol-staff/vol-staff.scss';
import type { ReviewModel } from './use-review-model';

/** One applicant or volunteer: who, teams, what they can help with, when they are free; 通过 / 不通过 for applications. */
export function VolunteerCard({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  const pending = v.status === 'applied';
  return (
    <View className='card' id={`volunteer-${v.id}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{v.name}</Text>
        <Text className='ds-tag'>{v.statusLabel}</Text>
      </View>
      {v.phone ? <Text className='vs-line caption'>{v.phone}</Text> : null}
      <Text className='vs-line'>队伍：{v.teams.length ? v.teams.map((t) => t.name).join('、') : '未选队伍'}</Text>
      <Text className='vs-line'>能帮忙：{v.skills.map((s) => VolunteerSkillLabels[s]).join('、')}</Text>
      <Text className='vs-line'>空闲时间：{v.availability.map((s) => AvailabilitySlotLabels[s]).join('、')}</Text>
      {v.intro ? <Text className='vs-line vs-pre'>自我介绍：{v.intro}</Text> : null}
      <Text className='vs-line caption'>{pending ? `申请于 ${chinaWhen(v.appliedAt)}` : v.decidedAt ? `通过于 ${chinaWhen(v.decidedAt)}` : ''}</Text>
      {pending && m.declining !== v.id ? (
        <View className='ds-actions'>
          <BigButton id={`volunteer-${v.id}-approve`} className='ds-actions__button' text='通过' loading={m.busy === `approve-${v.id}`} onClick={() => m.approve(v)} />
          <BigButton id={`volunteer-${v.id}-decline`} className='ds-actions__button' variant='secondary' text='不通过' onClick={() => m.startDecline(v)} />
        </View>
      ) : null}
      {pending && m.declining === v.id ? (
        <View id={`volunteer-${v.id}-decline-form`}>
          <FormField id='decline-reason' label='未通过的原因（申请人会看到）' value={m.reason} maxlength={200} multiline placeholder='例如：暂不在本社区居住' onInput={m.setReason} />
          <View className='ds-actions'>
            <BigButton id='decline-confirm' className='ds-actions__button' text='确认不通过' loading={m.busy === `decline-${v.id}`} onClick={() => m.decline(v)} />
            <BigButton id='decline-cancel' className='ds-actions__button' variant='plain' text='先不处理' onClick={m.cancelDecline} />
          </View>
        </View>
      ) : null}
    </View>
  );
}
