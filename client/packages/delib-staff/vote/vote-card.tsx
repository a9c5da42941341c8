import { Text, View } from '@tarojs/components';
import type { VoteItem } from '@contracts/deliberation-votes.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaWhen } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { VoteResults } from '@/components/delib-staff/vote-results';
import { Notice } from '@/components/notice/notice';
import { VoteEligibilityChoices } from '../shared/labels';
import type { VoteModel } from './use-vote-model';

const eligibilityText = (v: VoteItem) => VoteEligibilityChoices.find((c) => c.key === v.eligibility)?.label ?? '';

function TallyForm({ v, m }: { v: VoteItem; m: VoteModel }) {
  const t = m.tally;
  if (t?.voteId !== v.id) return null;
  return (
    <View className='vote-tally' id={`vote-${v.id}-tally`}>
      <Text className='ds-field__label'>现场举手的票数（每个选项）</Text>
      {v.options.map((o) => (
        <FormField key={o.id} id={`tally-${v.id}-${o.id}`} label={o.label} type='number' value={t.counts[o.id] ?? ''} onInput={(val) => m.setTallyCount(o.id, val)} />
      ))}
      {m.error ? <Notice tone='error' text={m.error} id='tally-error' /> : null}
      <BigButton id={`vote-${v.id}-tally-save`} text='保存举手票数' loading={m.busy === 'tally'} onClick={m.saveTally} />
      <BigButton variant='plain' text='取消' onClick={m.cancelTally} />
    </View>
  );
}

/** One vote: how it is set up, the counts online / by hand / in total, close and the hand count. */
export function VoteCard({ v, m }: { v: VoteItem; m: VoteModel }) {
  const open = v.status === 'open';
  return (
    <View className='card' id={`vote-${v.id}`}>
      <View className='ds-row'>
        <Text className='section-title'>{v.question}</Text>
        <Text className={`ds-tag ${open ? 'ds-tag--ok' : ''}`}>{open ? '进行中' : '已结束'}</Text>
      </View>
      <Text className='caption'>议程：{v.agendaTitle}</Text>
      <Text className='ds-step__text'>
        {v.mode === 'single' ? '单选' : `多选，最多 ${v.maxChoices} 项`} · {eligibilityText(v)} · {v.liveResults ? '居民可看实时票数' : '结束后公布结果'}
      </Text>
      <Text className='ds-step__text'>{open ? `截止：${chinaWhen(v.closesAt)}` : `已于 ${chinaWhen(v.closedAt ?? v.closesAt)} 结束`}</Text>
      <VoteResults vote={v} />
      {m.tally?.voteId === v.id ? (
        <TallyForm v={v} m={m} />
      ) : (
        <View className='ds-actions'>
          {m.tallyEditable(v) ? (
            <BigButton id={`vote-${v.id}-tally`} className='ds-actions__button' variant='secondary' text='录入举手票数' onClick={() => m.startTally(v)} />
          ) : null}
          {open ? (
            <BigButton id={`vote-${v.id}-close`} className='ds-actions__button' variant='plain' text='结束表决' loading={m.busy === `close-${v.id}`} onClick={() => m.close(v)} />
          ) : null}
        </View>
      )}
    </View>
  );
}
