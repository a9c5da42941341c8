import { CustomWrapper, Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { ConcernCard } from '@/components/concern-card/concern-card';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { SegmentTabs } from '@/components/segment-tabs/segment-tabs';
import { categoryChoices, statusChoices, useInboxModel } from './use-inbox-model';
import './index.scss';

export default function StaffInboxPage() {
  const m = useInboxModel();
  return (
    <PageShell className='staff-inbox-page'>
      {m.showProxy ? <BigButton id='inbox-proxy' text='代居民反映（代办）' onClick={m.goProxy} /> : null}
      {m.showResidents ? <BigButton id='inbox-residents' variant='secondary' text='待确认居民' onClick={m.goResidents} /> : null}
      {m.showCategories ? <BigButton id='inbox-categories' variant='secondary' text='问题类别设置' onClick={m.goCategories} /> : null}
      {m.showDiary ? <BigButton id='inbox-diary' variant='secondary' text='工作日志（一日一记）' onClick={m.goDiary} /> : null}
      {m.showFigures ? <BigButton id='inbox-figures' variant='secondary' text='办理统计' onClick={m.goFigures} /> : null}
      {m.showApiKeys ? <BigButton id='inbox-api-keys' variant='secondary' text='Open311 接口密钥' onClick={m.goApiKeys} /> : null}

      <SegmentTabs idPrefix='inbox-view' tabs={m.views} active={m.view} onChange={m.setView} />

      <BigButton id='inbox-filters' variant='plain' text={`${m.filterSummary}${m.filtersOpen ? '（收起）' : ''}`} onClick={m.toggleFilters} />
      {m.filtersOpen ? (
        <View className='card staff-inbox-page__filters'>
          <Text className='staff-inbox-page__filter-label'>按状态</Text>
          <ChoiceChips idPrefix='inbox-status' choices={statusChoices} selected={m.status} onSelect={m.setStatus} />
          <Text className='staff-inbox-page__filter-label'>按类别</Text>
          <ChoiceChips idPrefix='inbox-category' choices={categoryChoices} selected={m.category} onSelect={m.setCategory} />
        </View>
      ) : null}

      {m.error ? <Notice tone='error' text={m.error} /> : null}
      {m.actionError ? <Notice tone='error' text={m.actionError} id='inbox-action-error' /> : null}
      {m.loaded && m.items.length === 0 ? (
        <Text className='plain-line muted'>{m.view === 'inbox' ? '没有需要您处理的问题。' : '辖区内暂时没有问题。'}</Text>
      ) : null}
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}

      <CustomWrapper>
        {m.items.map((concern) => (
          <ConcernCard
            key={concern.id}
            concern={concern}
            showSubmitter
            onOpen={m.openConcern}
            actionText={m.canQuickAccept(concern) ? '受理' : undefined}
            actionBusy={m.acceptingId === concern.id}
            onAction={() => m.accept(concern)}
          />
        ))}
      </CustomWrapper>
      {m.items.length > 0 ? (
        <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} />
      ) : null}
    </PageShell>
  );
}
