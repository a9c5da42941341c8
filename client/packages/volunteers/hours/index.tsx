import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { LoadMore } from '@/components/load-more/load-more';
import { PageShell } from '@/components/page-shell/page-shell';
import { VOLUNTEER_ONLY_LINE } from '@/components/vol-staff/access';
import { LedgerList } from './ledger-list';
import { SummaryCard } from './summary-card';
import { useHoursModel } from './use-hours-model';

export default function VolunteerHoursPage() {
  const m = useHoursModel();
  const g = m.gate;
  const s = m.summary;
  const h = m.history;
  return (
    <PageShell className='vol-hours-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={VOLUNTEER_ONLY_LINE}>
        <ErrorRetry error={s.error} onRetry={() => void s.reload()} />
        {!s.loaded && s.loading ? <Text className='muted'>正在加载…</Text> : null}
        {s.data ? <SummaryCard t={s.data} /> : null}
        <View className='ds-actions'>
          <BigButton id='hours-rewards' className='ds-actions__button' variant='secondary' text='用时长兑换' onClick={m.openRewards} />
          <BigButton id='hours-activities' className='ds-actions__button' variant='secondary' text='志愿活动' onClick={m.openActivities} />
        </View>
        <Text className='section-title'>时长明细</Text>
        <LoadState loading={h.loading} loaded={h.loaded} error={h.error} onRetry={() => void h.reload()} empty={h.items.length === 0} emptyText='还没有时长记录。接单帮助邻居、参加志愿活动后，时长会记在这里。' id='ledger-empty' />
        {h.items.length > 0 ? (
          <View className='card'>
            <LedgerList lines={h.items} />
            <LoadMore hasMore={h.hasMore} loading={h.loading} onLoadMore={() => void h.loadMore()} />
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
