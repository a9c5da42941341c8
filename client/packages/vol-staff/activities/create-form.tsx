import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { chinaToday } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { PickerField } from '@/components/delib-staff/picker-field';
import type { ActivitiesAdmin } from './use-activities-admin';

/** A new activity: name, place, day and times, slots, the hours each attendee earns, a description; and where it comes from. */
export function CreateForm({ m }: { m: ActivitiesAdmin }) {
  const d = m.draft;
  return (
    <View className='card' id='activity-form'>
      {m.fromResolution ? (
        <Text className='plain-line' id='activity-from-resolution'>
          来自议事决议：{m.fromResolution.title}
        </Text>
      ) : null}
      <FormField id='activity-title' label='活动名称' value={d.title} maxlength={100} placeholder='例如：楼道清理' onInput={(title) => m.edit({ title })} />
      <FormField id='activity-place' label='地点' value={d.place} maxlength={200} placeholder='例如：3 号楼下集合' onInput={(place) => m.edit({ place })} />
      <PickerField id='activity-day' label='日期' mode='date' value={d.day} start={chinaToday()} placeholder='选择日期' onChange={(day) => m.edit({ day })} />
      <PickerField id='activity-start' label='开始时间' mode='time' value={d.start} placeholder='选择开始时间' onChange={(start) => m.edit({ start })} />
      <PickerField id='activity-end' label='结束时间' mode='time' value={d.end} placeholder='选择结束时间' onChange={(end) => m.edit({ end })} />
      <FormField id='activity-slots' label='名额（人）' type='number' value={d.slots} maxlength={3} placeholder='例如：20' onInput={(slots) => m.edit({ slots })} />
      <FormField id='activity-credit' label='每人记入时长（分钟）' type='number' value={d.creditMinutes} maxlength={3} placeholder='例如：120' hint='签到的志愿者每人记这么多；15 到 720 分钟' onInput={(creditMinutes) => m.edit({ creditMinutes })} />
      <FormField id='activity-description' label='活动说明（可不填）' multiline value={d.description} maxlength={1000} onInput={(description) => m.edit({ description })} />
      <BigButton id='activity-save' text='发布活动' loading={m.busy === 'create'} onClick={m.save} />
    </View>
  );
}
