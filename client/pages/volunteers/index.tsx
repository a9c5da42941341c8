import { Text, View } from '@tarojs/components';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { PageShell } from '@/components/page-shell/page-shell';
import { HelpRequestCard } from '@/components/volunteers/help-request-card';
import { useVolunteersModel } from './use-volunteers-model';

type Model = ReturnType<typeof useVolunteersModel>;

function VolunteerPart({ m, v }: { m: Model; v: VolunteerItem | null }) {
  if (!v) {
    return (
      <View id='vol-not-volunteer'>
        <Text className='plain-line'>有空的时候帮帮邻居：陪老人聊天、教用手机、跑跑腿。</Text>
        <BigButton id='vol-apply' variant='secondary' text='报名当志愿者' onClick={m.goApply} />
      </View>
    );
  }
  if (v.status === 'applied') {
    return (
      <View id='vol-applied'>
        <Text className='plain-line' id='vol-waiting'>您的志愿者报名已交给社区，正在审核，请耐心等待。</Text>
        <BigButton id='vol-application' variant='plain' text='查看我的报名' onClick={m.goApply} />
      </View>
    );
  }
  if (v.status === 'declined') {
    return (
      <View id='vol-declined'>
        <Text className='plain-line'>社区没有通过您的报名。{v.declineReason ? `原因：${v.declineReason}` : ''}</Text>
        <BigButton id='vol-apply' variant='secondary' text='重新报名' onClick={m.goApply} />
      </View>
    );
  }
  if (v.status === 'suspended') {
    return (
      <View id='vol-suspended'>
        <Text className='plain-line'>您的志愿服务已暂停，暂时不能接新单、报名活动。{v.suspendReason ? `原因：${v.suspendReason}` : ''}有疑问请联系社区。</Text>
        {v.tasksInHand > 0 ? <Text className='plain-line'>已经接下的 {v.tasksInHand} 个任务请照常完成，完成后照常记时长。</Text> : null}
        <BigButton id='vol-tasks' variant='secondary' text='我的任务' onClick={m.goTasks} />
      </View>
    );
  }
  return (
    <View id='vol-approved'>
      <Text className='plain-line'>您是小红帽志愿者，谢谢您帮助邻居！</Text>
      <BigButton id='vol-hall' text='接单大厅：看看谁需要帮忙' onClick={m.goHall} />
      <BigButton id='vol-tasks' variant='secondary' text='我的任务' onClick={m.goTasks} />
      <BigButton id='vol-hours' variant='plain' text='我的服务时长' onClick={m.goHours} />
      <BigButton id='vol-rewards' variant='plain' text='用时长兑换' onClick={m.goRewards} />
      <BigButton id='vol-activities' variant='plain' text='志愿活动' onClick={m.goActivities} />
    </View>
  );
}

function ResidentPart({ m }: { m: Model }) {
  const r = m.resident!;
  return (
    <View>
      <BigButton id='vol-ask' text='请人帮忙' onClick={m.goAsk} />
      <Text className='section-title'>我的求助</Text>
      {r.active.length === 0 ? (
        <Text className='plain-line' id='vol-no-requests'>您现在没有正在进行的求助。</Text>
      ) : (
        r.active.map((item) => <HelpRequestCard key={item.id} item={item} view='requester' onOpen={m.openRequest} />)
      )}
      <BigButton id='vol-my-requests' variant='plain' text='我的全部求助' onClick={m.goRequests} />
      <Text className='section-title'>当志愿者</Text>
      <VolunteerPart m={m} v={r.volunteer} />
    </View>
  );
}

function StaffPart({ m }: { m: Model }) {
  const s = m.staff!;
  if (!s.dispatch) return <Text className='plain-line' id='vol-staff-none'>小红帽志愿服务由社区组织，您这里没有要处理的事。</Text>;
  return (
    <View id='vol-staff'>
      {s.proxy ? <BigButton id='vol-proxy-ask' text='代居民请人帮忙' onClick={m.goAskForResident} /> : null}
      <BigButton id='vol-dispatch' variant='secondary' text='派单：给求助安排志愿者' onClick={m.goDispatch} />
      {s.proxy ? <BigButton id='vol-proxy-requests' variant='plain' text='我代发的求助' onClick={m.goRequests} /> : null}
      {s.review ? <BigButton id='vol-staff-volunteers' variant='plain' text='审核志愿者' onClick={m.goStaffVolunteers} /> : null}
      {s.activities ? <BigButton id='vol-staff-activities' variant='plain' text='志愿活动和签到' onClick={m.goStaffActivities} /> : null}
      {s.rewards ? <BigButton id='vol-staff-rewards' variant='plain' text='兑换奖励' onClick={m.goStaffRewards} /> : null}
    </View>
  );
}

export default function VolunteersPage() {
  const m = useVolunteersModel();
  return (
    <PageShell className='volunteers-page'>
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading && !m.error ? <Text className='muted'>正在加载…</Text> : null}
      {m.noUnit ? (
        <View id='vol-no-unit'>
          <Text className='plain-line'>您还没有选择居住的单元，选好后就能请人帮忙、报名当志愿者。</Text>
          <BigButton id='vol-choose-unit' text='选择单元' onClick={m.goChooseUnit} />
        </View>
      ) : null}
      {m.resident ? <ResidentPart m={m} /> : null}
      {m.staff ? <StaffPart m={m} /> : null}
    </PageShell>
  );
}
