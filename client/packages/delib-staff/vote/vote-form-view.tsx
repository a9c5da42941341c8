import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import type { AgendaItem } from '@contracts/deliberation-topics.contract';
import type { VoteMode } from '@contracts/deliberation-votes.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { chinaToday } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { PickerField } from '@/components/delib-staff/picker-field';
import { Notice } from '@/components/notice/notice';
import { VoteEligibilityChoices } from '../shared/labels';
import { closesInChoices, type VoteForm } from './use-vote-form';

const modeChoices: ReadonlyArray<{ key: VoteMode; label: string }> = [
  { key: 'single', label: '单选' },
  { key: 'multiple', label: '多选' },
];

export function VoteFormView({ form, items }: { form: VoteForm; items: AgendaItem[] }) {
  const f = form.fields;
  if (!f) return null;
  return (
    <View className='card' id='vote-form'>
      <Text className='section-title'>发起表决</Text>
      <Text className='ds-field__label'>就哪一项议程表决</Text>
      <ChoiceChips idPrefix='vote-item' choices={items.map((i) => ({ key: i.id, label: `${i.position}. ${i.title}` }))} selected={f.agendaItemId} onSelect={form.setAgendaItem} />
      <FormField id='vote-question' label='表决的问题' multiline value={f.question} maxlength={200} placeholder='例如：小区遛狗采用哪种办法？' onInput={form.setQuestion} />
      <Text className='ds-field__label'>选项</Text>
      {f.options.map((o, i) => (
        <View key={i} className='vote-option'>
          <FormField id={`vote-option-${i}`} label={`选项 ${i + 1}`} value={o} maxlength={100} placeholder={i === 0 ? '例如：出门一律拴绳' : '例如：规定遛狗时段'} onInput={(v) => form.setOption(i, v)} />
          {form.canRemoveOption ? <BigButton id={`vote-option-${i}-remove`} variant='plain' className='vote-option__remove' text={`删除选项 ${i + 1}`} onClick={() => form.removeOption(i)} /> : null}
        </View>
      ))}
      {form.canAddOption ? <BigButton id='vote-option-add' variant='secondary' text='添加选项' onClick={form.addOption} /> : null}
      <Text className='ds-field__label vote-form__gap'>每人可选</Text>
      <ChoiceChips idPrefix='vote-mode' choices={modeChoices} selected={f.mode} onSelect={form.setMode} />
      {f.mode === 'multiple' ? (
        <FormField id='vote-max' label='最多选几项' type='number' value={f.maxChoices} placeholder={`不填表示最多 ${f.options.length} 项`} onInput={form.setMaxChoices} />
      ) : null}
      <Text className='ds-field__label'>谁可以投票</Text>
      <ChoiceChips idPrefix='vote-eligibility' choices={VoteEligibilityChoices} selected={f.eligibility} onSelect={form.setEligibility} />
      <Text className='ds-field__label'>什么时候截止</Text>
      <ChoiceChips idPrefix='vote-closes' choices={closesInChoices} selected={f.closesIn} onSelect={form.setClosesIn} />
      {f.closesIn === 'custom' ? (
        <View>
          <PickerField id='vote-close-day' label='截止日期' mode='date' value={f.closeDay} start={chinaToday()} placeholder='请选择日期' onChange={form.setCloseDay} />
          <PickerField id='vote-close-time' label='截止时间' mode='time' value={f.closeTime} placeholder='请选择时间' onChange={form.setCloseTime} />
        </View>
      ) : null}
      <View className='ds-row vote-form__gap'>
        <Text className='ds-field__label'>{f.liveResults ? '投票时居民能看到实时票数' : '结束后才公布结果'}</Text>
        <Switch id='vote-live' className='big-switch' checked={f.liveResults} loadingIcon={null} ariaLabel='投票时公开实时票数' onChange={(v: boolean) => form.setLiveResults(v)} />
      </View>
      {form.error ? <Notice tone='error' text={form.error} id='vote-form-error' /> : null}
      <BigButton id='vote-open' text='开始表决' loading={form.opening} onClick={form.submit} />
      <BigButton variant='plain' text='取消' onClick={form.cancel} />
    </View>
  );
}
