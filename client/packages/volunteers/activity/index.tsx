import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { VOLUNTEER_ONLY_LINE } from '@/components/vol-staff/access';
import { ActivityFacts } from '@/components/vol-staff/activity-facts';
import { LeaderRoster } from '../activities/leader-roster';
import { SignupButtons } from '../activities/signup-buttons';
import { useActivityModel } from './use-activity-model';

export default function VolunteerActivityPage() {
  const m = useActivityModel();
  const g = m.gate;
  const a = m.activity;
  return (
    <PageShell className='vol-activity-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={VOLUNTEER_ONLY_LINE}>
        {!m.id ? <Text className='plain-line'>没有找到这个活动，请从活动列表里打开。</Text> : null}
        <ErrorRetry error={a.error} onRetry={() => void a.reload()} />
        <ErrorRetry error={m.leader.profileError} onRetry={() => void m.leader.reload()} />
        {!a.loaded && a.loading ? <Text className='muted'>正在加载…</Text> : null}
        {m.signup.error ? <Notice tone='error' id='activity-error' text={m.signup.error} /> : null}
        {a.data ? (
          <View className='card' id={`activity-${a.data.id}`}>
            <ActivityFacts a={a.data} showDescription onOpenResolution={m.openResolution} />
            <SignupButtons a={a.data} s={m.signup} />
            {m.leader.leadsTeamOf(a.data) ? (
              <BigButton
                id={`activity-${a.data.id}-roster-toggle`}
                variant='secondary'
                text={m.leader.rosterId === a.data.id ? '收起报名名单' : '报名名单'}
                onClick={() => m.leader.toggleRoster(a.data!)}
              />
            ) : null}
            {m.leader.rosterId === a.data.id ? <LeaderRoster activityId={a.data.id} l={m.leader} /> : null}
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
