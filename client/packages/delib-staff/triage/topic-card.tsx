import { Text, View } from '@tarojs/components';
import type { TopicDetail, TopicItem, TopicQueueEntry } from '@contracts/deliberation-topics.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaWhen } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { formatDate } from '@/utils/format';
import type { TriageModel } from './use-triage-model';

const isQueueEntry = (t: TopicItem): t is TopicQueueEntry => 'queuePosition' in t;

function Panel({ topic, m }: { topic: TopicItem; m: TriageModel }) {
  const a = m.actions;
  if (a.panel?.topicId !== topic.id) return null;
  return (
    <View className='triage-panel' id={`topic-${topic.id}-panel`}>
      {a.panel.kind === 'schedule' ? (
        <View>
          <Text className='ds-field__label'>列入哪一场的议程？</Text>
          {a.sessions && a.sessions.length === 0 ? <Text className='plain-line muted'>没有可以安排的场次。</Text> : null}
          {(a.sessions ?? []).map((s) => (
            <BigButton key={s.id} id={`schedule-session-${s.id}`} variant='plain' text={`${chinaWhen(s.startsAt)} · ${s.place}`} loading={a.busy === `schedule-${s.id}`} onClick={() => a.schedule(s.id)} />
          ))}
        </View>
      ) : null}
      {a.panel.kind === 'merge' ? (
        <View>
          <Text className='ds-field__label'>并入哪个议题？（支持数会合在一起）</Text>
          {a.targets && a.targets.length === 0 ? <Text className='plain-line muted'>没有可以并入的议题。</Text> : null}
          {(a.targets ?? []).map((t) => (
            <BigButton key={t.id} id={`merge-target-${t.id}`} variant='plain' text={`${t.title}（${t.supportCount} 人支持）`} loading={a.busy === `merge-${t.id}`} onClick={() => a.merge(t.id)} />
          ))}
        </View>
      ) : null}
      {a.panel.kind === 'decline' ? (
        <View>
          <FormField id='decline-reason' label='不采纳的原因（提出议题的居民会看到）' multiline value={a.reason} maxlength={200} placeholder='例如：属于物业维修范围，已转物业公司处理' onInput={a.setReason} />
          <BigButton id='decline-submit' text='确认不采纳' loading={a.busy === 'decline'} onClick={a.decline} />
        </View>
      ) : null}
      {a.busy === 'load' ? <Text className='muted'>正在加载…</Text> : null}
      {a.error ? <Notice tone='error' text={a.error} id='triage-error' /> : null}
      <BigButton variant='plain' text='取消' onClick={a.close} />
    </View>
  );
}

function Detail({ d }: { d: TopicDetail | string | undefined }) {
  if (!d) return null;
  if (typeof d === 'string') return <Notice tone='error' text={d} />;
  return (
    <View className='triage-detail'>
      <InfoRow label='存在问题' value={d.problem} />
      <InfoRow label='希望' value={d.hope} />
      {d.linkedConcerns.length ? <InfoRow label='关联问题' value={d.linkedConcerns.map((c) => c.title).join('；')} /> : null}
      {d.mergedFrom.length ? <InfoRow label='已并入' value={d.mergedFrom.map((t) => t.title).join('、')} /> : null}
      {d.mergedInto ? <InfoRow label='并入了' value={d.mergedInto.title} /> : null}
      {d.declineReason ? <InfoRow label='不采纳原因' value={d.declineReason} /> : null}
    </View>
  );
}

export function TopicCard({ topic: t, m }: { topic: TopicItem; m: TriageModel }) {
  const a = m.actions;
  const open = t.status === 'proposed' || t.status === 'queued';
  const reached = t.supportCount >= t.threshold;
  const entry = isQueueEntry(t) ? t : null;
  return (
    <View className='card' id={`topic-${t.id}`}>
      <Text className='section-title'>{t.title}</Text>
      <View>
        <Text className='ds-tag'>{t.categoryText}</Text>
        <Text className='ds-tag'>{t.statusText}</Text>
        {reached ? <Text className='ds-tag ds-tag--ok'>已达门槛</Text> : null}
      </View>
      <InfoRow label='支持' value={`${t.supportCount} / ${t.threshold} 人`} />
      {entry ? (
        <InfoRow label='排队' value={entry.autoPlace ? `自动排队第 ${entry.queuePosition} 位` : `第 ${entry.queuePosition} 位，已停止自动排入，请手动选择场次`} />
      ) : null}
      {t.agenda ? <InfoRow label='议程' value={`${chinaWhen(t.agenda.sessionStartsAt)} · ${t.agenda.sessionPlace}，第 ${t.agenda.position} 项`} /> : null}
      <InfoRow label='提出' value={`${t.proposerName}，${formatDate(t.createdAt)}`} />
      <Detail d={m.details[t.id]} />
      <BigButton variant='plain' text={m.details[t.id] ? '收起详情' : '看详情'} onClick={() => m.toggleDetail(t.id)} />
      {t.agenda ? <BigButton variant='secondary' text='查看这场的议程' onClick={() => m.goAgenda(t.agenda!.sessionId)} /> : null}
      {open && a.panel?.topicId !== t.id ? (
        <View className='ds-actions'>
          <BigButton id={`topic-${t.id}-schedule`} className='ds-actions__button' variant='secondary' text='列入议程' onClick={() => a.open(t, 'schedule')} />
          <BigButton id={`topic-${t.id}-merge`} className='ds-actions__button' variant='secondary' text='合并到…' onClick={() => a.open(t, 'merge')} />
          <BigButton id={`topic-${t.id}-decline`} className='ds-actions__button' variant='plain' text='不采纳' onClick={() => a.open(t, 'decline')} />
          {entry ? (
            <BigButton
              id={`topic-${t.id}-auto`}
              className='ds-actions__button'
              variant='plain'
              text={entry.autoPlace ? '不自动排入' : '恢复自动排队'}
              loading={a.busy === `auto-${t.id}`}
              onClick={() => a.toggleAutoPlace(t.id, !entry.autoPlace)}
            />
          ) : null}
        </View>
      ) : null}
      <Panel topic={t} m={m} />
    </View>
  );
}
