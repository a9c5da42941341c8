import { CustomWrapper, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { LoadMore } from '@/components/load-more/load-more';
import { PageShell } from '@/components/page-shell/page-shell';
import { HelpRequestCard } from '@/components/volunteers/help-request-card';
import { useRequestsModel } from './use-requests-model';

export default function RequestsPage() {
  const m = useRequestsModel();
  return (
    <PageShell className='requests-page'>
      {m.canAsk ? <BigButton id='requests-ask' text='请人帮忙' onClick={m.goAsk} /> : null}
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.loaded && m.items.length === 0 ? <Text className='plain-line' id='requests-empty'>还没有求助记录。</Text> : null}
      <CustomWrapper>
        <View>
          {m.items.map((item) => (
            <HelpRequestCard key={item.id} item={item} view='requester' onOpen={m.openRequest} />
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} /> : null}
    </PageShell>
  );
}
