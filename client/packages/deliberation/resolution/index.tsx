import { Text, View } from '@tarojs/components';
import type { ResolutionDetail } from '@contracts/deliberation-outcomes.contract';
import { ResolutionStatusLabels } from '@contracts/deliberation-outcomes.constants';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDate, chinaDateTime, chinaDay } from '@/components/deliberation/china-time';
import { historyText, ownerText, resolutionTone } from '@/components/deliberation/resolution-status';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { activityStatusText } from '@/components/vol-staff/activity-status';
import { useResolutionModel } from './use-resolution-model';
import './index.scss';

type Model = ReturnType<typeof useResolutionModel>;

function Facts({ m, r }: { m: Model; r: ResolutionDetail }) {
  return (
    <View className={`card${r.overdue ? ' delib-card--overdue' : ''}`} id='resolution-facts'>
      <Text className={`delib-chip delib-chip--${r.status === 'done' ? 'success' : 'warning'}`} id='resolution-status'>
        {ResolutionStatusLabels[r.status]}
      </Text>
      {r.overdue ? (
        <Text className={`delib-chip delib-chip--${resolutionTone(r)}`} id='resolution-overdue'>
          已逾期
        </Text>
      ) : null}
      <Text className='page-title' id='resolution-text'>
        {r.text}
      </Text>
      <InfoRow label='负责' value={ownerText(r)} id='resolution-owner' />
      <InfoRow label='完成期限' value={chinaDay(r.dueDate)} id='resolution-due' />
      {r.doneAt ? <InfoRow label='完成时间' value={chinaDateTime(r.doneAt)} /> : null}
      {r.status === 'escalated' && r.escalationReason ? <InfoRow label='上报原因' value={r.escalationReason} id='resolution-escalation' /> : null}
      <InfoRow label='社区' value={r.communityName} />
      <InfoRow label='关注' value={`${r.followers} 人${r.following ? '（含您）' : ''}`} id='resolution-followers' />
      {r.topicId !== null && r.topicTitle ? (
        <Text className='delib-line delib-link' onClick={() => m.openTopic(r.topicId as number)}>
          来自议题：{r.topicTitle} ›
        </Text>
      ) : null}
      <Text className='delib-line delib-link' id='resolution-session' onClick={() => m.openSession(r.sessionId)}>
        {chinaDate(r.sessionStartsAt)}的议事 ›
      </Text>
    </View>
  );
}

/** 志愿活动 started from the resolution: name, China-time start, state; each opens its activity screen (if the role has one). */
function Activities({ m, r }: { m: Model; r: ResolutionDetail }) {
  const open = m.openActivity;
  return (
    <View className='card' id='resolution-activities'>
      {r.activities.map((a) => (
        <View key={a.id} className='resolution-page__activity' id={`resolution-activity-${a.id}`} onClick={open ? () => open(a.id) : undefined}>
          <Text className={`resolution-page__event-title${open ? ' delib-link' : ''}`}>
            {a.title}
            {open ? ' ›' : ''}
          </Text>
          <Text className='caption'>
            {chinaDateTime(a.startsAt)} · {activityStatusText(a)}
          </Text>
        </View>
      ))}
    </View>
  );
}

function History({ r }: { r: ResolutionDetail }) {
  return (
    <View className='card' id='resolution-history'>
      {r.history.length === 0 ? <Text className='muted'>还没有进展记录。</Text> : null}
      {r.history.map((e) => (
        <View key={e.id} className='resolution-page__event' id={`history-${e.id}`}>
          <Text className='resolution-page__event-title'>{historyText(e)}</Text>
          {e.note ? <Text className='resolution-page__event-note'>{e.note}</Text> : null}
          <Text className='caption'>
            {e.by.name} · {chinaDateTime(e.at)}
          </Text>
        </View>
      ))}
    </View>
  );
}

export default function ResolutionPage() {
  const m = useResolutionModel();
  const r = m.resolution;
  return (
    <PageShell className='resolution-page'>
      {m.invalid ? <Text className='plain-line'>{m.invalid}</Text> : null}
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {r ? (
        <View>
          <Facts m={m} r={r} />
          {m.follow.error ? <Notice tone='error' text={m.follow.error} id='follow-error' /> : null}
          {m.canFollow ? (
            <BigButton
              id='resolution-follow'
              variant={r.following ? 'plain' : 'primary'}
              text={r.following ? '已关注（点此取消）' : '关注进展，有变化通知我'}
              loading={m.follow.busy === r.id}
              onClick={() => m.follow.toggle(r)}
            />
          ) : null}
          {r.activities.length ? (
            <View>
              <Text className='section-title'>志愿活动（{r.activities.length} 个）</Text>
              <Activities m={m} r={r} />
            </View>
          ) : null}
          <Text className='section-title'>落实经过</Text>
          <History r={r} />
        </View>
      ) : null}
    </PageShell>
  );
}
