import { Text, View } from '@tarojs/components';
import type { AgendaItem } from '@contracts/deliberation-topics.contract';
import { BigButton } from '@/components/big-button/big-button';
import { AgendaSteps } from '@/components/delib-staff/agenda-steps';
import { LoadState } from '@/components/delib-staff/load-state';
import { SessionSummary } from '@/components/delib-staff/session-summary';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { STAFF_ONLY_LINE } from '../shared/access';
import { AgendaFormView, TopicPicker } from './agenda-form';
import { useAgendaModel, type AgendaModel } from './use-agenda-model';

function ItemCard({ item, m, last }: { item: AgendaItem; m: AgendaModel; last: boolean }) {
  const editing = m.form.fields?.itemId === item.id;
  return (
    <View className='card' id={`agenda-item-${item.id}`}>
      <Text className='section-title'>
        {item.position}. {item.title}
      </Text>
      {item.topicId ? <Text className='caption'>来自居民议题{item.topicSupportCount !== null ? `，${item.topicSupportCount} 人支持` : ''}</Text> : null}
      {editing ? <AgendaFormView form={m.form} /> : <AgendaSteps item={item} />}
      {editing ? null : (
        <View className='ds-actions'>
          <BigButton id={`agenda-item-${item.id}-edit`} className='ds-actions__button' variant='secondary' text='修改' onClick={() => m.form.startEdit(item)} />
          <BigButton id={`agenda-item-${item.id}-remove`} className='ds-actions__button' variant='plain' text='移出议程' loading={m.busy === `remove-${item.id}`} onClick={() => m.remove(item)} />
          <BigButton id={`agenda-item-${item.id}-up`} className='ds-actions__button' variant='plain' text='往前移' disabled={item.position === 1} loading={m.busy === `move-${item.id}`} onClick={() => m.moveUp(item)} />
          <BigButton id={`agenda-item-${item.id}-down`} className='ds-actions__button' variant='plain' text='往后移' disabled={last} onClick={() => m.moveDown(item)} />
        </View>
      )}
    </View>
  );
}

export default function DelibStaffAgendaPage() {
  const m = useAgendaModel();
  const g = m.gate;
  const adding = m.form.fields?.mode === 'new';
  return (
    <PageShell className='delib-agenda-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={STAFF_ONLY_LINE}>
        {!m.sessionId ? <Text className='plain-line'>没有找到这场议事，请从议事设置里打开。</Text> : null}
        {m.session ? <SessionSummary session={m.session} /> : null}
        <LoadState loading={m.agenda.loading} loaded={m.agenda.loaded} error={m.agenda.error} onRetry={() => void m.agenda.reload()} empty={m.items.length === 0} emptyText='还没有议程。' />
        {m.agenda.data ? (
          <Text className='caption' id='agenda-slots'>
            议程 {m.items.length} / {m.slots} 项
          </Text>
        ) : null}
        {m.error ? <Notice tone='error' text={m.error} id='agenda-error' /> : null}
        {m.items.map((item, i) => (
          <ItemCard key={item.id} item={item} m={m} last={i === m.items.length - 1} />
        ))}
        {adding ? <AgendaFormView form={m.form} /> : null}
        <TopicPicker form={m.form} />
        {m.agenda.data && !m.form.fields && !m.form.topics && !m.form.loadingTopics ? (
          m.full ? (
            <Text className='plain-line muted'>议程已满。要加新的议程，请先移出一项，或在“议题门槛”里增加每场议程数。</Text>
          ) : (
            <View>
              <BigButton id='agenda-add-topic' text='从居民议题添加' onClick={m.form.startFromTopic} />
              <BigButton id='agenda-add-free' variant='secondary' text='直接添加一项议程' onClick={m.form.startFree} />
            </View>
          )
        ) : null}
        {m.form.error && !m.form.fields ? <Notice tone='error' text={m.form.error} /> : null}
      </StaffGate>
    </PageShell>
  );
}
