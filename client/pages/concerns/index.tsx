import { CustomWrapper, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { ConcernCard } from '@/components/concern-card/concern-card';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { SegmentTabs } from '@/components/segment-tabs/segment-tabs';
import { useConcernsModel } from './use-concerns-model';

export default function ConcernsPage() {
  const m = useConcernsModel();
  return (
    <PageShell className='concerns-page'>
      {m.canSubmit ? <BigButton id='concerns-new' text='我要反映问题' onClick={m.goNewConcern} /> : null}
      {m.hasWorkbench ? <BigButton id='concerns-workbench' text='工作台' onClick={m.goWorkbench} /> : null}
      <SegmentTabs idPrefix='concerns-tab' tabs={m.tabs} active={m.tab} onChange={m.setTab} />
      {m.tab === 'public' ? <Text className='caption'>邻居公开的问题：遇到同样的事，点开后按“我也遇到了”。</Text> : null}
      {m.error ? <Notice tone='error' text={m.error} /> : null}
      {m.loaded && m.items.length === 0 ? <Text className='plain-line muted'>{m.emptyText}</Text> : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      <CustomWrapper>
        <View className='concerns-page__list'>
          {m.items.map((concern) => (
            <ConcernCard key={concern.id} concern={concern} onOpen={m.openConcern} />
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? (
        <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} />
      ) : null}
    </PageShell>
  );
}
