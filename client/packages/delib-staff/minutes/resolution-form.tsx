import { Text, View } from '@tarojs/components';
import { RESOLUTION_TEXT_MAX } from '@contracts/deliberation-outcomes.constants';
import type { AgendaItem } from '@contracts/deliberation-topics.contract';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { PickerField } from '@/components/delib-staff/picker-field';
import { ToggleChips } from '@/components/delib-staff/toggle-chips';
import { Notice } from '@/components/notice/notice';
import type { Resolutions } from './use-resolutions';

export function ResolutionForm({ res, items, today }: { res: Resolutions; items: AgendaItem[]; today: string }) {
  const f = res.fields;
  if (!f) return null;
  const itemChoices = items.map((i) => ({ key: String(i.id), label: `${i.position}. ${i.title}` }));
  return (
    <View className='card' id='resolution-form'>
      <Text className='section-title'>记录一条决议</Text>
      <FormField id='resolution-text' label='决议内容' multiline value={f.text} maxlength={RESOLUTION_TEXT_MAX} placeholder='例如：遛狗一律拴绳，狗绳不超过 1.5 米' onInput={res.setText} />
      {items.length ? (
        <View>
          <Text className='ds-field__label'>属于哪项议程（可不选）</Text>
          <ToggleChips
            idPrefix='resolution-item'
            choices={itemChoices}
            selected={f.agendaItemId ? [String(f.agendaItemId)] : []}
            onToggle={(key) => res.setAgendaItem(Number(key))}
          />
        </View>
      ) : null}
      <FormField id='resolution-owner' label='由谁负责落实' value={f.ownerName} maxlength={50} placeholder='例如：物业公司、居委会' onInput={res.setOwner} />
      <PickerField id='resolution-due' label='完成期限' mode='date' value={f.dueDate} start={today} placeholder='请选择日期' onChange={res.setDueDate} />
      {res.error && !res.panel ? <Notice tone='error' text={res.error} id='resolution-form-error' /> : null}
      <BigButton id='resolution-add' text='记录决议' loading={res.busy === 'add'} onClick={res.add} />
      <BigButton variant='plain' text='取消' onClick={res.cancelAdd} />
    </View>
  );
}
