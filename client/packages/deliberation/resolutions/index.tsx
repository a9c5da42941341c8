import { CustomWrapper, Text, View } from '@tarojs/components';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { ResolutionCard } from '@/components/deliberation/resolution-card';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { useResolutionsModel } from './use-resolutions-model';

export default function ResolutionsPage() {
  const m = useResolutionsModel();
  return (
    <PageShell className='resolutions-page'>
      <Text className='caption'>议事定下来的事，谁负责、什么时候办完，都在这里公示，直到办完。</Text>
      <ChoiceChips idPrefix='resolutions-filter' choices={m.filters} selected={m.filter} onSelect={m.setFilter} />
      {m.follow.error ? <Notice tone='error' text={m.follow.error} id='follow-error' /> : null}
      {m.items.length === 0 ? <ErrorRetry error={m.error} onRetry={() => void m.reload()} /> : null}
      {m.items.length > 0 && m.error ? <Notice tone='error' text={m.error} /> : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.loaded && !m.error && m.items.length === 0 ? (
        <Text className='plain-line muted' id='resolutions-empty'>
          {m.emptyText}
        </Text>
      ) : null}
      <CustomWrapper>
        <View id='resolutions-list'>
          {m.items.map((r) => (
            <ResolutionCard
              key={r.id}
              resolution={r}
              onOpen={m.openResolution}
              canFollow={m.canFollow}
              onFollow={m.follow.toggle}
              busy={m.follow.busy === r.id}
            />
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} /> : null}
    </PageShell>
  );
}
