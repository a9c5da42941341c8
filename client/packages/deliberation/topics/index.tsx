import { CustomWrapper, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { TopicCard } from '@/components/deliberation/topic-card';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { SegmentTabs } from '@/components/segment-tabs/segment-tabs';
import { useTopicsModel } from './use-topics-model';

export default function TopicsPage() {
  const m = useTopicsModel();
  return (
    <PageShell className='topics-page'>
      {m.canPropose ? <BigButton id='topics-propose' text='提议题' onClick={m.goPropose} /> : null}
      {m.unitPending ? <Notice tone='warning' text={m.unitPending} id='topics-unit-pending' /> : null}
      {m.thresholdText ? <Text className='caption'>{m.thresholdText}</Text> : null}
      <SegmentTabs idPrefix='topics-sort' tabs={m.sortTabs} active={m.sort} onChange={m.setSort} />
      <ChoiceChips idPrefix='topics-filter' choices={m.filters} selected={m.filter} onSelect={m.setFilter} />
      {m.support.error ? <Notice tone='error' text={m.support.error} id='support-error' /> : null}
      {m.items.length === 0 ? <ErrorRetry error={m.error} onRetry={() => void m.reload()} /> : null}
      {m.items.length > 0 && m.error ? <Notice tone='error' text={m.error} /> : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.loaded && !m.error && m.items.length === 0 ? (
        <Text className='plain-line muted' id='topics-empty'>
          {m.emptyText}
        </Text>
      ) : null}
      <CustomWrapper>
        <View id='topics-list'>
          {m.items.map((t) => (
            <TopicCard
              key={t.id}
              topic={t}
              onOpen={m.openTopic}
              canSupport={m.canPropose}
              onSupport={m.support.toggle}
              busy={m.support.busy === t.id}
            />
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} /> : null}
    </PageShell>
  );
}
