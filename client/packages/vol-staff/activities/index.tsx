import { View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { ACTIVITIES_ONLY_LINE } from '@/components/vol-staff/access';
import { ActivityFacts } from '@/components/vol-staff/activity-facts';
import { AttendeeList } from './attendee-list';
import { CreateForm } from './create-form';
import { CreditResult } from './credit-result';
import { useActivitiesAdmin } from './use-activities-admin';

export default function VolStaffActivitiesPage() {
  const m = useActivitiesAdmin();
  const g = m.gate;
  const items = m.list.data ?? [];
  return (
    <PageShell className='vol-staff-activities-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={ACTIVITIES_ONLY_LINE}>
        <BigButton id='activity-new' variant='secondary' text={m.formOpen ? '收起' : '发起新活动'} onClick={m.toggleForm} />
        <ErrorRetry error={m.fromResolutionError} onRetry={m.retryFromResolution} />
        {m.error ? <Notice tone='error' id='activities-error' text={m.error} /> : null}
        {m.formOpen ? <CreateForm m={m} /> : null}
        <LoadState loading={m.list.loading} loaded={m.list.loaded} error={m.list.error} onRetry={() => void m.list.reload()} empty={items.length === 0} emptyText='还没有志愿活动。' />
        {items.map((a) => {
          const open = m.attendees.openId === a.id;
          return (
            <View className='card' key={a.id} id={`activity-${a.id}`}>
              <ActivityFacts a={a} onOpenResolution={m.openResolution} />
              <BigButton id={`activity-${a.id}-attendees-toggle`} variant='secondary' text={open ? '收起名单' : a.status === 'open' ? '签到 / 签退' : '查看名单'} onClick={() => m.attendees.toggle(a.id)} />
              {open ? <AttendeeList activity={a} m={m.attendees} /> : null}
              {a.status === 'open' ? <BigButton id={`activity-${a.id}-credit`} text='记入时长' loading={m.busy === `credit-${a.id}`} onClick={() => m.credit(a)} /> : null}
              {m.results[a.id] ? <CreditResult r={m.results[a.id]} attendees={open ? m.attendees.list.data : null} /> : null}
            </View>
          );
        })}
      </StaffGate>
    </PageShell>
  );
}
