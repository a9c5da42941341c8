import { CustomWrapper, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { ConcernCard } from '@/components/concern-card/concern-card';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { useInboxModel } from './use-inbox-model';
import './index.scss';

export default function StaffInboxPage() {
  const m = useInboxModel();
  return (
    <PageShell className='staff-inbox-page'>
      <BigButton id='inbox-residents' variant='secondary' text='待确认居民' onClick={m.goResidents} />

      <View className='filter-tabs'>
        {m.filters.map((f) => (
          <View
            key={f.key}
            id={`inbox-filter-${f.key}`}
            className={`filter-tabs__tab${m.filter === f.key ? ' filter-tabs__tab--active' : ''}`}
            onClick={() => m.setFilter(f.key)}
          >
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>

      {m.error ? <Notice tone='error' text={m.error} /> : null}
      {m.actionError ? <Notice tone='error' text={m.actionError} id='inbox-action-error' /> : null}
      {m.loaded && m.items.length === 0 ? (
        <Text className='plain-line muted'>{m.filter === 'submitted' ? '没有待受理的问题。' : '暂时没有问题。'}</Text>
      ) : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}

      <CustomWrapper>
        {m.items.map((concern) => (
          <ConcernCard
            key={concern.id}
            concern={concern}
            showSubmitter
            onOpen={m.openConcern}
            actionText={m.canAccept && concern.status === 'submitted' ? '受理' : undefined}
            actionBusy={m.acceptingId === concern.id}
            onAction={(id) => void m.accept(id)}
          />
        ))}
      </CustomWrapper>
      {m.items.length > 0 ? (
        <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} />
      ) : null}
    </PageShell>
  );
}
