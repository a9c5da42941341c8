import { View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { VOLUNTEER_ONLY_LINE } from '@/components/vol-staff/access';
import { ActivityFacts } from '@/components/vol-staff/activity-facts';
import { LeaderForm } from './leader-form';
import { LeaderRoster } from './leader-roster';
import { SignupButtons } from './signup-buttons';
import { useActivitiesModel } from './use-activities-model';

export default function VolunteerActivitiesPage() {
  const m = useActivitiesModel();
  const g = m.gate;
  const l = m.leader;
  const items = m.list.data ?? [];
  return (
    <PageShell className='vol-activities-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={VOLUNTEER_ONLY_LINE}>
        <ErrorRetry error={l.profileError} onRetry={() => void l.reload()} />
        {l.leads.length ? <LeaderForm l={l} /> : null}
        {m.signup.error ? <Notice tone='error' id='activities-error' text={m.signup.error} /> : null}
        <LoadState loading={m.list.loading} loaded={m.list.loaded} error={m.list.error} onRetry={() => void m.list.reload()} empty={items.length === 0} emptyText='社区最近没有志愿活动。' />
        {items.map((a) => (
          <View className='card' key={a.id} id={`activity-${a.id}`}>
            <ActivityFacts a={a} />
            <SignupButtons a={a} s={m.signup} />
            {l.leadsTeamOf(a) ? (
              <BigButton id={`activity-${a.id}-roster-toggle`} variant='secondary' text={l.rosterId === a.id ? '收起报名名单' : '报名名单'} onClick={() => l.toggleRoster(a)} />
            ) : null}
            {l.rosterId === a.id ? <LeaderRoster activityId={a.id} l={l} /> : null}
            <BigButton id={`activity-${a.id}-open`} variant='plain' text='查看详情' onClick={() => m.open(a)} />
          </View>
        ))}
      </StaffGate>
    </PageShell>
  );
}
