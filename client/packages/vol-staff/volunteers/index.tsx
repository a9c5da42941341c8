import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { SegmentTabs } from '@/components/segment-tabs/segment-tabs';
import { REVIEW_ONLY_LINE } from '@/components/vol-staff/access';
import { useReviewModel, type ReviewTab } from './use-review-model';
import { VolunteerCard } from './volunteer-card';

const TABS: ReadonlyArray<{ key: ReviewTab; label: string }> = [
  { key: 'applied', label: '待审核' },
  { key: 'approved', label: '已通过' },
  { key: 'suspended', label: '已暂停' },
];

const EMPTY: Record<ReviewTab, string> = { applied: '没有待审核的申请。', approved: '还没有审核通过的志愿者。', suspended: '没有暂停服务的志愿者。' };

export default function VolStaffVolunteersPage() {
  const m = useReviewModel();
  const g = m.gate;
  const items = m.list.data?.items ?? [];
  return (
    <PageShell className='vol-staff-volunteers-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={REVIEW_ONLY_LINE}>
        <BigButton id='review-teams' variant='plain' text='队伍和队长' onClick={m.goTeams} />
        <SegmentTabs tabs={TABS} active={m.tab} onChange={m.switchTab} idPrefix='review-tab' />
        {m.error ? <Notice tone='error' id='review-error' text={m.error} /> : null}
        <LoadState
          loading={m.list.loading}
          loaded={m.list.loaded}
          error={m.list.error}
          onRetry={() => void m.list.reload()}
          empty={items.length === 0}
          emptyText={EMPTY[m.tab]}
        />
        {items.map((v) => (
          <VolunteerCard key={v.id} v={v} m={m} />
        ))}
      </StaffGate>
    </PageShell>
  );
}
