import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { SegmentTabs } from '@/components/segment-tabs/segment-tabs';
import { DISPATCH_ONLY_LINE } from '@/components/vol-staff/access';
import { RequestCard } from './request-card';
import { useDispatchModel, type BoardTab } from './use-dispatch-model';

const TABS: ReadonlyArray<{ key: BoardTab; label: string }> = [
  { key: 'open', label: '待接单' },
  { key: 'filled', label: '已接单' },
  { key: 'done', label: '待确认' },
];

const EMPTY: Record<BoardTab, string> = {
  open: '没有等人接的微心愿。',
  filled: '没有正在进行的微心愿。',
  done: '没有等确认的微心愿。',
};

export default function VolStaffDispatchPage() {
  const m = useDispatchModel();
  const g = m.gate;
  const b = m.board;
  return (
    <PageShell className='vol-staff-dispatch-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={DISPATCH_ONLY_LINE}>
        <SegmentTabs tabs={TABS} active={m.tab} onChange={m.switchTab} idPrefix='board-tab' />
        {m.error ? <Notice tone='error' id='dispatch-error' text={m.error} /> : null}
        <LoadState loading={b.loading} loaded={b.loaded} error={b.error} onRetry={() => void b.reload()} empty={b.items.length === 0} emptyText={EMPTY[m.tab]} />
        {b.items.map((r) => (
          <RequestCard key={r.id} r={r} m={m} />
        ))}
        {b.items.length > 0 ? <LoadMore hasMore={b.hasMore} loading={b.loading} onLoadMore={() => void b.loadMore()} /> : null}
      </StaffGate>
    </PageShell>
  );
}
