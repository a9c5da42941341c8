import { Text, View } from '@tarojs/components';
import type { ResolutionItem } from '@contracts/deliberation-outcomes.contract';
import { RESOLUTION_NOTE_MAX, RESOLUTION_TRANSITIONS, ResolutionStatusLabels } from '@contracts/deliberation-outcomes.constants';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { FormField } from '@/components/delib-staff/form-field';
import { ResolutionHistory } from '@/components/delib-staff/resolution-history';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { noteNeeded, transitionText } from '../shared/labels';
import type { Resolutions } from './use-resolutions';

function StatusPanel({ r, res }: { r: ResolutionItem; res: Resolutions }) {
  const p = res.panel;
  if (p?.kind !== 'status' || p.id !== r.id) return null;
  const choices = RESOLUTION_TRANSITIONS[r.status].map((to) => ({ key: to, label: transitionText(r.status, to) }));
  const needed = p.to ? noteNeeded(r.status, p.to) : null;
  return (
    <View className='minutes-panel' id={`resolution-${r.id}-status-panel`}>
      <Text className='ds-field__label'>改成什么状态</Text>
      <ChoiceChips idPrefix={`resolution-${r.id}-to`} choices={choices} selected={p.to} onSelect={res.chooseStatus} />
      <FormField
        id='resolution-status-note'
        label={needed ? `${needed}（必填）` : '说明（可不填）'}
        multiline
        value={res.note}
        maxlength={RESOLUTION_NOTE_MAX}
        placeholder={needed === '上报街道的原因' ? '例如：需要街道协调城管执法，社区无权处理' : '例如：物业已在 3 号楼装好拴狗桩'}
        onInput={res.setNote}
      />
      {res.error ? <Notice tone='error' text={res.error} id='resolution-error' /> : null}
      <BigButton id={`resolution-${r.id}-status-save`} text='确认更改' loading={res.busy === 'status'} onClick={() => res.submitStatus(r)} />
      <BigButton variant='plain' text='取消' onClick={res.closePanel} />
    </View>
  );
}

function NotePanel({ r, res }: { r: ResolutionItem; res: Resolutions }) {
  const p = res.panel;
  if (p?.kind !== 'note' || p.id !== r.id) return null;
  return (
    <View className='minutes-panel' id={`resolution-${r.id}-note-panel`}>
      <FormField id='resolution-note' label='落实进展' multiline value={res.note} maxlength={RESOLUTION_NOTE_MAX} placeholder='例如：已在单元门口张贴文明养犬公约' onInput={res.setNote} />
      {res.error ? <Notice tone='error' text={res.error} id='resolution-error' /> : null}
      <BigButton id={`resolution-${r.id}-note-save`} text='记下进展' loading={res.busy === 'note'} onClick={() => res.submitNote(r)} />
      <BigButton variant='plain' text='取消' onClick={res.closePanel} />
    </View>
  );
}

/** One resolution: text, owner, due date, status (overdue marked), and its updates. */
export function ResolutionCard({ r, index, res }: { r: ResolutionItem; index: number; res: Resolutions }) {
  const history = res.histories[r.id];
  const panelOpen = res.panel?.id === r.id;
  return (
    <View className={`card${r.overdue ? ' minutes-resolution--overdue' : ''}`} id={`resolution-${r.id}`}>
      <View className='ds-row'>
        <Text className='section-title'>
          {index + 1}. {r.text}
        </Text>
      </View>
      <View>
        <Text className={`ds-tag${r.status === 'done' ? ' ds-tag--ok' : ''}`} id={`resolution-${r.id}-status`}>
          {ResolutionStatusLabels[r.status]}
        </Text>
        {r.overdue ? <Text className='ds-tag ds-tag--bad'>已超期</Text> : null}
      </View>
      <InfoRow label='负责' value={r.owner.user ? `${r.owner.name}（${r.owner.user.name}）` : r.owner.name} />
      <InfoRow label='期限' value={r.dueDate} />
      {r.topicTitle ? <InfoRow label='议题' value={r.topicTitle} /> : null}
      {r.escalationReason && r.status === 'escalated' ? <InfoRow label='上报原因' value={r.escalationReason} /> : null}
      {!panelOpen ? (
        <View className='ds-actions'>
          <BigButton id={`resolution-${r.id}-change`} className='ds-actions__button' variant='secondary' text='更新状态' onClick={() => res.openStatus(r)} />
          <BigButton id={`resolution-${r.id}-note`} className='ds-actions__button' variant='secondary' text='记录进展' onClick={() => res.openNote(r)} />
          <BigButton id={`resolution-${r.id}-activity`} className='ds-actions__button' variant='secondary' text='发起志愿活动' onClick={() => res.startActivity(r)} />
          <BigButton
            id={`resolution-${r.id}-history`}
            className='ds-actions__button'
            variant='plain'
            text={history ? '收起记录' : '查看记录'}
            loading={res.busy === `history-${r.id}`}
            onClick={() => res.toggleHistory(r)}
          />
        </View>
      ) : null}
      <StatusPanel r={r} res={res} />
      <NotePanel r={r} res={res} />
      {history ? <ResolutionHistory entries={history} labels={ResolutionStatusLabels} /> : null}
    </View>
  );
}
