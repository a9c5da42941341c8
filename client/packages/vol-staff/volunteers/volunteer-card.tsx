import { Text, View } from '@tarojs/components';
import { AvailabilitySlotLabels, VolunteerSkillLabels } from '@contracts/volunteers.constants';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaWhen } from '@/components/deliberation/china-time';
import '@/components/vol-staff/vol-staff.scss';
import type { ReviewModel } from './use-review-model';
import { DeclineForm, SuspendForm, VolunteerHistory } from './volunteer-forms';

function Actions({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  if (v.status === 'applied') {
    if (m.declining === v.id) return <DeclineForm v={v} m={m} />;
    return (
      <View className='ds-actions'>
        <BigButton id={`volunteer-${v.id}-approve`} className='ds-actions__button' text='通过' loading={m.busy === `approve-${v.id}`} onClick={() => m.approve(v)} />
        <BigButton id={`volunteer-${v.id}-decline`} className='ds-actions__button' variant='secondary' text='不通过' onClick={() => m.startDecline(v)} />
      </View>
    );
  }
  if (v.status === 'approved') {
    if (m.suspending === v.id) return <SuspendForm v={v} m={m} />;
    return <BigButton id={`volunteer-${v.id}-suspend`} variant='secondary' text='暂停' onClick={() => m.startSuspend(v)} />;
  }
  if (v.status === 'suspended') {
    return <BigButton id={`volunteer-${v.id}-reinstate`} text='恢复' loading={m.busy === `reinstate-${v.id}`} onClick={() => m.reinstate(v)} />;
  }
  return null;
}

/** One applicant or volunteer: who, teams (and 队长), what they can help with, when they are free; the step their status allows. */
export function VolunteerCard({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  const pending = v.status === 'applied';
  return (
    <View className='card' id={`volunteer-${v.id}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{v.name}</Text>
        <Text className={`ds-tag${v.status === 'suspended' ? ' ds-tag--bad' : ''}`}>{v.statusLabel}</Text>
      </View>
      {v.phone ? <Text className='vs-line caption'>{v.phone}</Text> : null}
      <Text className='vs-line'>队伍：{v.teams.length ? v.teams.map((t) => t.name).join('、') : '未选队伍'}</Text>
      {v.leads.length ? <Text className='vs-line'>队长：{v.leads.map((t) => t.name).join('、')}</Text> : null}
      <Text className='vs-line'>能帮忙：{v.skills.map((s) => VolunteerSkillLabels[s]).join('、')}</Text>
      <Text className='vs-line'>空闲时间：{v.availability.map((s) => AvailabilitySlotLabels[s]).join('、')}</Text>
      {v.intro ? <Text className='vs-line vs-pre'>自我介绍：{v.intro}</Text> : null}
      {v.status === 'suspended' && v.suspendReason ? <Text className='vs-line'>暂停原因：{v.suspendReason}</Text> : null}
      {!pending && v.tasksInHand > 0 ? <Text className='vs-line'>手上还有 {v.tasksInHand} 个任务没做完</Text> : null}
      <Text className='vs-line caption'>{pending ? `申请于 ${chinaWhen(v.appliedAt)}` : v.decidedAt ? `通过于 ${chinaWhen(v.decidedAt)}` : ''}</Text>
      <Actions v={v} m={m} />
      {!pending ? (
        <BigButton id={`volunteer-${v.id}-history-toggle`} variant='plain' text={m.historyId === v.id ? '收起记录' : '查看记录'} onClick={() => m.toggleHistory(v)} />
      ) : null}
      {m.historyId === v.id ? <VolunteerHistory v={v} m={m} /> : null}
    </View>
  );
}
