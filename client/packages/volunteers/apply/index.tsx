import { Text, Textarea, View } from '@tarojs/components';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { AvailabilitySlotLabels, VolunteerSkillLabels } from '@contracts/volunteers.constants';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { MultiTiles } from '@/components/volunteers/multi-tiles';
import { useApplyModel } from './use-apply-model';

type Model = ReturnType<typeof useApplyModel>;

const StatusWords: Record<VolunteerItem['status'], string> = {
  applied: '您的报名已交给社区，正在审核，请耐心等待。',
  approved: '您已经是小红帽志愿者了，可以去接单大厅接单。',
  declined: '社区没有通过您的报名。',
  suspended: '您的志愿服务已暂停，暂时不能接新单、不能报名活动；已经接下的任务请照常完成，完成后照常记时长。有疑问请联系社区。',
};

function Status({ m, v }: { m: Model; v: VolunteerItem }) {
  return (
    <View className='card' id='apply-status-card'>
      <Text className='section-title' id='apply-status'>{v.statusLabel}</Text>
      <Text className='vol-line' id='apply-status-text'>
        {StatusWords[v.status]}
        {v.status === 'declined' && v.declineReason ? `原因：${v.declineReason}` : ''}
      </Text>
      {v.status === 'suspended' && v.suspendReason ? <Text className='vol-line' id='apply-suspend-reason'>暂停原因：{v.suspendReason}</Text> : null}
      {v.leads.length ? (
        <Text className='vol-line' id='apply-leads'>
          您是{v.leads.map((t) => t.name).join('、')}的队长{v.status === 'approved' ? '，可以在“志愿活动”里为本队发起活动。' : '，暂停期间不能以队长身份发起活动。'}
        </Text>
      ) : null}
      <InfoRow label='队伍' value={v.teams.map((t) => t.name).join('、') || '未选'} />
      <InfoRow label='能帮的事' value={v.skills.map((s) => VolunteerSkillLabels[s]).join('、')} />
      <InfoRow label='空闲时间' value={v.availability.map((s) => AvailabilitySlotLabels[s]).join('、')} />
      {v.status === 'suspended' && v.tasksInHand > 0 ? (
        <BigButton id='apply-tasks' text={`我手上的任务（${v.tasksInHand} 个）`} onClick={m.goTasks} />
      ) : null}
      {v.status !== 'declined' ? <BigButton id='apply-back' variant='secondary' text='回到小红帽' onClick={m.goBack} /> : null}
    </View>
  );
}

function Form({ m }: { m: Model }) {
  return (
    <View id='apply-form'>
      <Text className='section-title'>1. 想加入哪支队伍（可不选）</Text>
      {m.teams.length === 0 ? <Text className='plain-line muted'>社区还没有志愿者队伍，不选也可以报名。</Text> : null}
      <MultiTiles idPrefix='apply-team' choices={m.teams} selected={m.fields.teamIds} onToggle={m.toggleTeam} />
      <Text className='section-title'>2. 能帮什么忙（可多选）</Text>
      <MultiTiles idPrefix='apply-skill' choices={m.skills} selected={m.fields.skills} onToggle={m.toggleSkill} />
      {m.errors.skills ? <Text className='error-text' id='apply-skills-error'>{m.errors.skills}</Text> : null}
      <Text className='section-title'>3. 平时什么时候有空（可多选）</Text>
      <MultiTiles idPrefix='apply-slot' choices={m.slots} selected={m.fields.availability} onToggle={m.toggleSlot} />
      {m.errors.availability ? <Text className='error-text' id='apply-availability-error'>{m.errors.availability}</Text> : null}
      <Text className='section-title'>4. 介绍一下自己（可不写）</Text>
      <View className='card'>
        <Textarea id='apply-intro' className='vol-textarea' value={m.fields.intro} maxlength={200} placeholder='例如：退休教师，会用电脑' onInput={(e) => m.setIntro(e.detail.value)} />
      </View>
      {m.submitError ? <Notice tone='error' text={m.submitError} id='apply-error' /> : null}
      <BigButton id='apply-submit' text={m.volunteer ? '重新报名' : '提交报名'} loading={m.busy} onClick={m.submit} />
    </View>
  );
}

export default function ApplyPage() {
  const m = useApplyModel();
  return (
    <PageShell className='apply-page'>
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.volunteer ? <Status m={m} v={m.volunteer} /> : null}
      {m.showForm ? <Form m={m} /> : null}
    </PageShell>
  );
}
