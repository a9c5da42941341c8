import { Text, View } from '@tarojs/components';
import { AgendaParties, AgendaPartyLabels } from '@contracts/deliberation-topics.constants';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { ToggleChips } from '@/components/delib-staff/toggle-chips';
import { Notice } from '@/components/notice/notice';
import type { AgendaForm } from './use-agenda-form';

const partyChoices = AgendaParties.map((p) => ({ key: p, label: AgendaPartyLabels[p] }));

/** Picking the topic an item is for (the queue first). */
export function TopicPicker({ form }: { form: AgendaForm }) {
  if (form.loadingTopics) return <Text className='muted'>正在加载议题…</Text>;
  if (!form.topics) return null;
  return (
    <View className='card' id='agenda-topic-picker'>
      <Text className='section-title'>选择一个议题</Text>
      {form.topics.length === 0 ? <Text className='plain-line muted'>没有可以上会的议题。</Text> : null}
      {form.topics.map((t) => (
        <BigButton key={t.id} id={`agenda-pick-topic-${t.id}`} variant='plain' text={`${t.title}（${t.supportCount} 人支持）`} onClick={() => form.pickTopic(t)} />
      ))}
      <BigButton variant='plain' text='不添加了' onClick={form.cancel} />
    </View>
  );
}

/** The five steps of one item: where, what, who, how; how it is carried out comes from the resolutions. */
export function AgendaFormView({ form }: { form: AgendaForm }) {
  const f = form.fields;
  if (!f) return null;
  const heading = f.mode === 'edit' ? '修改议程' : f.topic ? `议题：${f.topic.title}` : '添加议程';
  return (
    <View className='card' id='agenda-form'>
      <Text className='section-title'>{heading}</Text>
      {f.topic ? <Text className='caption'>标题和“议什么”不填时，用居民提出议题时写的内容。</Text> : null}
      <FormField id='agenda-title' label='标题' value={f.title} maxlength={50} placeholder={f.topic ? f.topic.title : '例如：文明养犬'} onInput={form.setTitle} />
      <FormField id='agenda-where' label='一、在哪里议' value={f.whereText} maxlength={200} placeholder='例如：小区中心凉亭' onInput={form.setWhere} />
      <FormField id='agenda-what' label='二、议什么' multiline value={f.whatText} maxlength={1000} placeholder='存在什么问题，希望怎样解决' onInput={form.setWhat} />
      <Text className='ds-field__label'>三、请谁来</Text>
      <ToggleChips idPrefix='agenda-party' choices={partyChoices} selected={f.parties} onToggle={form.toggleParty} />
      <FormField id='agenda-others' label='还请了谁（可不填）' value={f.others} maxlength={200} placeholder='例如：养犬户代表' onInput={form.setOthers} />
      <FormField id='agenda-how' label='四、怎么议' multiline value={f.howText} maxlength={500} onInput={form.setHow} />
      <Text className='caption'>五、怎么落实：会后记录决议时自动填写。</Text>
      {form.error ? <Notice tone='error' text={form.error} id='agenda-form-error' /> : null}
      <BigButton id='agenda-save' text={f.mode === 'edit' ? '保存修改' : '加入议程'} loading={form.saving} onClick={form.save} />
      <BigButton variant='plain' text='取消' onClick={form.cancel} />
    </View>
  );
}
