import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { REWARDS_ONLY_LINE } from '@/components/vol-staff/access';
import { CapSection, ExportSection, RewardsSection } from './sections';
import { useRewardsAdmin } from './use-rewards-admin';

export default function VolStaffRewardsPage() {
  const m = useRewardsAdmin();
  const g = m.gate;
  return (
    <PageShell className='vol-staff-rewards-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={REWARDS_ONLY_LINE}>
        {m.error ? <Notice tone='error' id='rewards-admin-error' text={m.error} /> : null}
        {m.manages ? <RewardsSection m={m} /> : null}
        {m.manages ? <CapSection m={m} /> : null}
        {m.exports ? <ExportSection m={m} /> : null}
      </StaffGate>
    </PageShell>
  );
}
