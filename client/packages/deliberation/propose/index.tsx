import { Input, Text, Textarea, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { CategoryTiles } from '@/components/category-tiles/category-tiles';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { TickRow } from '@/components/deliberation/tick-row';
import { useProposeModel } from './use-propose-model';
import './index.scss';

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <Text className='error-text' id={id}>
      {text}
    </Text>
  ) : null;
}

interface ProposeFieldProps {
  /** The ids are propose-<name> and propose-<name>-error. */
  name: string;
  title: string;
  value: string;
  maxlength: number;
  placeholder: string;
  /** A several-line text box instead of one line. */
  multiline?: boolean;
  error?: string;
  onInput: (value: string) => void;
}

/** One numbered text question of the form: its title, the box in a card, and its error line. */
function ProposeField({ name, title, value, maxlength, placeholder, multiline, error, onInput }: ProposeFieldProps) {
  const id = `propose-${name}`;
  return (
    <>
      <Text className='section-title'>{title}</Text>
      <View className='card'>
        {multiline ? (
          <Textarea id={id} className='propose-page__textarea' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(ev) => onInput(ev.detail.value)} />
        ) : (
          <Input id={id} className='propose-page__input' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(ev) => onInput(ev.detail.value)} />
        )}
      </View>
      <FieldError id={`${id}-error`} text={error} />
    </>
  );
}

export default function ProposePage() {
  const m = useProposeModel();
  const f = m.fields;
  const e = m.fieldErrors;
  return (
    <PageShell className='propose-page'>
      <Text className='caption'>写下想和邻居、社区一起商量的事。邻居支持的人够了，就会安排到议事亭讨论。</Text>

      <ProposeField name='title' title='1. 议题标题' value={f.title} maxlength={m.limits.title} placeholder='一句话说清楚，例如：小区文明养犬' error={e.title} onInput={m.setTitle} />
      <ProposeField name='problem' title='2. 哪里不对' multiline value={f.problem} maxlength={m.limits.text} placeholder='现在有什么问题，影响到谁' error={e.problem} onInput={m.setProblem} />
      <ProposeField name='hope' title='3. 希望怎样' multiline value={f.hope} maxlength={m.limits.text} placeholder='您希望怎么解决' error={e.hope} onInput={m.setHope} />

      <Text className='section-title'>4. 类别</Text>
      <CategoryTiles tiles={m.categories} selected={f.category} onSelect={m.setCategory} />
      <FieldError id='propose-category-error' text={e.category} />

      <Text className='section-title'>5. 关联我反映过的问题（可不选）</Text>
      {m.concernsFailed ? <Text className='plain-line muted'>没能加载您反映过的问题，不关联也可以提交。</Text> : null}
      {m.concerns && m.concerns.length === 0 ? <Text className='plain-line muted'>您还没有反映过问题。</Text> : null}
      {(m.concerns ?? []).map((c) => (
        <TickRow key={c.id} id={`propose-concern-${c.id}`} on={f.concernIds.includes(c.id)} onToggle={() => m.toggleConcern(c.id)}>
          <Text className='propose-page__concern-text'>
            {c.categoryLabel}：{c.text}
          </Text>
        </TickRow>
      ))}
      <FieldError id='propose-concerns-error' text={e.concerns} />

      {m.error ? <Notice tone='error' text={m.error} id='propose-error' /> : null}
      {m.unitRequired ? <BigButton id='propose-choose-unit' variant='secondary' text='选择单元' onClick={m.goChooseUnit} /> : null}
      <BigButton id='propose-submit' text='提交议题' loading={m.busy} onClick={m.submit} />
    </PageShell>
  );
}
