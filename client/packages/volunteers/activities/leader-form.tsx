import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { chinaToday } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { PickerField } from '@/components/delib-staff/picker-field';
import { Notice } from '@/components/notice/notice';
import '@/components/vol-staff/vol-staff.scss';
import { LEADER_LIMITS_LINE, type LeaderModel } from './use-leader';

/** 队长: 发起活动 for their team — title, time, place, slots, description. Hours follow the activity's length. */
export function LeaderForm({ l }: { l: LeaderModel }) {
  const d = l.draft;
  return (
    <View className='card' id='leader-section'>
      <Text className='section-title'>我是队长：{l.leads.map((t) => t.name).join('、')}</Text>
      <Text className='plain-line' id='leader-limits'>{LEADER_LIMITS_LINE}</Text>
      <BigButton id='leader-new' variant='secondary' text={l.formOpen ? '收起' : '发起活动'} onClick={l.toggleForm} />
      {l.formOpen ? (
        <View id='leader-form'>
          {l.leads.length > 1 ? (
            <View>
              <Text className='ds-field__label'>为哪支队伍发起</Text>
              <ChoiceChips idPrefix='leader-team' choices={l.leads.map((t) => ({ key: t.id, label: t.name }))} selected={l.teamId} onSelect={l.chooseTeam} />
            </View>
          ) : null}
          <FormField id='leader-title' label='活动名称' value={d.title} maxlength={100} placeholder='例如：陪老人聊天' onInput={(title) => l.edit({ title })} />
          <PickerField id='leader-day' label='日期' mode='date' value={d.day} start={chinaToday()} placeholder='选择日期' onChange={(day) => l.edit({ day })} />
          <PickerField id='leader-start' label='开始时间' mode='time' value={d.start} placeholder='选择开始时间' onChange={(start) => l.edit({ start })} />
          <PickerField id='leader-end' label='结束时间' mode='time' value={d.end} placeholder='选择结束时间' onChange={(end) => l.edit({ end })} />
          <FormField id='leader-place' label='地点' value={d.place} maxlength={200} placeholder='例如：社区活动室' onInput={(place) => l.edit({ place })} />
          <FormField id='leader-slots' label='名额（人）' type='number' value={d.slots} maxlength={3} placeholder='例如：10' onInput={(slots) => l.edit({ slots })} />
          <FormField id='leader-description' label='活动说明（可不填）' multiline value={d.description} maxlength={1000} onInput={(description) => l.edit({ description })} />
          <Text className='vs-line caption'>参加的志愿者按活动时长记时长。</Text>
          {l.error ? <Notice tone='error' id='leader-error' text={l.error} /> : null}
          <BigButton id='leader-save' text='发布活动' loading={l.busy === 'create'} onClick={l.save} />
        </View>
      ) : null}
    </View>
  );
}
