import { CustomWrapper, Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { chinaWhen } from '@/components/deliberation/china-time';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { STAFF_ONLY_LINE } from '../shared/access';
import { TopicCard } from './topic-card';
import { useTriageModel, type TriageModel } from './use-triage-model';
import './index.scss';

function QueueView({ m }: { m: TriageModel }) {
  const q = m.queue.data;
  const next = q?.nextSession;
  return (
    <View>
      {q ? (
        <Notice
          id='triage-queue-rule'
          text={`达到 ${q.threshold} 人支持的议题按支持数从多到少（一样多时先提的在前）自动排入下一场有空位的议事，每场最多 ${q.agendaSlots} 项。${
            next ? `下一场有空位的：${chinaWhen(next.startsAt)} · ${next.place}，还有 ${next.freeSlots} 个空位。` : '目前没有还有空位的场次。'
          }`}
        />
      ) : null}
      <LoadState loading={m.queue.loading} loaded={m.queue.loaded} error={m.queue.error} onRetry={() => void m.queue.reload()} empty={!!q && q.items.length === 0} emptyText='没有排队的议题。' />
      <CustomWrapper>
        {(q?.items ?? []).map((t) => (
          <TopicCard key={t.id} topic={t} m={m} />
        ))}
      </CustomWrapper>
    </View>
  );
}

function ListView({ m }: { m: TriageModel }) {
  const l = m.list;
  return (
    <View>
      <LoadState loading={l.loading} loaded={l.loaded} error={l.error} onRetry={() => void l.reload()} empty={l.items.length === 0} emptyText='这一类没有议题。' />
      <CustomWrapper>
        {l.items.map((t) => (
          <TopicCard key={t.id} topic={t} m={m} />
        ))}
      </CustomWrapper>
      {l.items.length > 0 ? <LoadMore hasMore={l.hasMore} loading={l.loading} onLoadMore={() => void l.loadMore()} /> : null}
    </View>
  );
}

export default function DelibStaffTriagePage() {
  const m = useTriageModel();
  const g = m.gate;
  return (
    <PageShell className='delib-triage-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={STAFF_ONLY_LINE}>
        <Text className='caption'>居民提出的议题：安排上会、合并重复的、或说明原因不采纳。</Text>
        <ChoiceChips idPrefix='triage-view' choices={m.views} selected={m.view} onSelect={m.setView} />
        {m.view === 'queue' ? <QueueView m={m} /> : <ListView m={m} />}
      </StaffGate>
    </PageShell>
  );
}
