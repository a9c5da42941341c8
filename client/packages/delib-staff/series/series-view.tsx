import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { weeklyText, WEEKDAY_NAMES } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { PickerField } from '@/components/delib-staff/picker-field';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import type { SeriesSection } from './use-series-section';

/** Monday first, as a calendar on the wall. */
const weekdayChoices = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ key: d, label: WEEKDAY_NAMES[d] }));

function SeriesForm({ m }: { m: SeriesSection }) {
  const f = m.fields;
  const isNew = m.editing === 'new';
  return (
    <View className='card' id='series-form'>
      <Text className='section-title'>{isNew ? '新建每周议事' : '修改每周议事'}</Text>
      {isNew ? null : <Text className='caption'>还没人报名的场次会按新设置调整；已有人报名的场次保持原来的日期。</Text>}
      <FormField id='series-name' label='名称' value={f.name} maxlength={50} placeholder='例如：议事亭' onInput={m.setName} />
      <FormField id='series-place' label='地点' value={f.place} maxlength={100} placeholder='例如：小区中心凉亭' onInput={m.setPlace} />
      <Text className='ds-field__label'>每周星期几</Text>
      <ChoiceChips idPrefix='series-weekday' choices={weekdayChoices} selected={f.weekday} onSelect={m.setWeekday} />
      <PickerField id='series-time' label='开始时间' mode='time' value={f.time} placeholder='请选择时间' onChange={m.setTime} />
      <FormField id='series-duration' label='时长（分钟）' type='number' value={f.durationMinutes} onInput={m.setDuration} hint='15 到 480 分钟' />
      <FormField id='series-seats' label='座位数（含居民代表座位）' type='number' value={f.seats} placeholder='例如：30' onInput={m.setSeats} />
      <FormField id='series-reserved' label='为居民代表预留的座位' type='number' value={f.reservedSeats} onInput={m.setReserved} hint='只有居民代表能用；不预留填 0' />
      <FormField id='series-opens' label='提前几天开放报名' type='number' value={f.opensDaysBefore} onInput={m.setOpens} hint='例如 3：提前 3 天开始报名' />
      <FormField id='series-closes' label='开始前几小时截止报名' type='number' value={f.closesHoursBefore} onInput={m.setCloses} hint='例如 2：开始前 2 小时停止报名' />
      {m.error ? <Notice tone='error' text={m.error} id='series-error' /> : null}
      <BigButton id='series-save' text={isNew ? '建立，并排出后面 4 场' : '保存修改'} loading={m.saving} onClick={m.save} />
      <BigButton variant='plain' text='取消' onClick={m.closeForm} />
    </View>
  );
}

export function SeriesView({ m }: { m: SeriesSection }) {
  const list = m.series.data ?? [];
  return (
    <View>
      <Text className='caption'>每周固定时间的议事。建立后系统自动排出后面 4 场，居民可以报名。</Text>
      <LoadState loading={m.series.loading} loaded={m.series.loaded} error={m.series.error} onRetry={() => void m.series.reload()} empty={list.length === 0} emptyText='还没有每周议事。' />
      {list.map((s) => (
        <View className='card' key={s.id} id={`series-${s.id}`}>
          <Text className='section-title'>{s.name}</Text>
          <InfoRow label='时间' value={`${weeklyText(s.weekday, s.time)}，${s.durationMinutes} 分钟`} />
          <InfoRow label='地点' value={s.place} />
          <InfoRow label='座位' value={`${s.seats} 座（居民代表预留 ${s.reservedSeats} 座）`} />
          <InfoRow label='报名' value={`提前 ${s.opensDaysBefore} 天开始，开始前 ${s.closesHoursBefore} 小时截止`} />
          {m.editing === s.id ? (
            <SeriesForm m={m} />
          ) : (
            <View className='ds-actions'>
              <BigButton id={`series-${s.id}-edit`} className='ds-actions__button' variant='secondary' text='修改' onClick={() => m.openEdit(s)} />
              <BigButton id={`series-${s.id}-end`} className='ds-actions__button' variant='plain' text='停止' loading={m.busy === `end-${s.id}`} onClick={() => m.end(s)} />
            </View>
          )}
        </View>
      ))}
      {m.result ? <Notice text={m.result} id='series-result' /> : null}
      {m.error && m.editing === null ? <Notice tone='error' text={m.error} id='series-end-error' /> : null}
      {m.editing === 'new' ? <SeriesForm m={m} /> : null}
      {m.editing === null ? <BigButton id='series-new' text='新建每周议事' onClick={m.openNew} /> : null}
    </View>
  );
}
