import { CustomWrapper, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { HelpRequestCard } from '@/components/volunteers/help-request-card';
import { StepButtonText } from '@/pages/volunteers/use-help-steps';
import { useHallModel } from './use-hall-model';

export default function HallPage() {
  const m = useHallModel();
  return (
    <PageShell className='hall-page'>
      <Text className='caption'>邻居们需要帮忙的事。能去的话，点“我来接单”。</Text>
      {m.steps.error ? <Notice tone='error' text={m.steps.error} id='hall-error' /> : null}
      <ErrorRetry error={m.loadError} onRetry={m.reload} />
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.loaded && m.items.length === 0 ? <Text className='plain-line' id='hall-empty'>现在没有等人帮忙的求助，过会儿再来看看。</Text> : null}
      <CustomWrapper>
        <View>
          {m.items.map((item) => (
            <HelpRequestCard key={item.id} item={item} view='volunteer' onOpen={m.openRequest}>
              {item.actions.includes('claim') ? (
                <BigButton id={`help-${item.id}-claim`} text={StepButtonText.claim} loading={m.steps.busy(item.id, 'claim')} onClick={() => m.steps.run(item, 'claim')} />
              ) : null}
            </HelpRequestCard>
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} /> : null}
    </PageShell>
  );
}
