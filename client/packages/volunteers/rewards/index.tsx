import { Text } from '@tarojs/components';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { VOLUNTEER_ONLY_LINE } from '@/components/vol-staff/access';
import { hoursText } from '@/components/vol-staff/hours';
import { RewardCard } from './reward-card';
import { useRewardsModel } from './use-rewards-model';

export default function VolunteerRewardsPage() {
  const m = useRewardsModel();
  const g = m.gate;
  const r = m.rewards;
  const items = r.data ?? [];
  return (
    <PageShell className='vol-rewards-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={VOLUNTEER_ONLY_LINE}>
        <ErrorRetry error={m.mineError} onRetry={m.retryMine} />
        {m.balance !== null ? (
          <Text className='plain-line' id='rewards-balance'>
            我的余额：{hoursText(m.balance)} 小时
          </Text>
        ) : null}
        {m.error ? <Notice tone='error' id='rewards-error' text={m.error} /> : null}
        {m.done ? <Notice id='rewards-done' text={m.done} /> : null}
        <LoadState loading={r.loading} loaded={r.loaded} error={r.error} onRetry={() => void r.reload()} empty={items.length === 0} emptyText='社区还没有可兑换的项目。' />
        {items.map((x) => (
          <RewardCard key={x.id} r={x} balance={m.balance} busy={m.busy === x.id} onRedeem={() => m.redeem(x)} />
        ))}
      </StaffGate>
    </PageShell>
  );
}
