import { Text, Textarea, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { chinaWhen } from '@/components/deliberation/china-time';
import { LoadState } from '@/components/delib-staff/load-state';
import { SessionSummary } from '@/components/delib-staff/session-summary';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { STAFF_ONLY_LINE } from '../shared/access';
import { ResolutionCard } from './resolution-card';
import { ResolutionForm } from './resolution-form';
import { useMinutesModel, type MinutesModel } from './use-minutes-model';
import './index.scss';

function MinutesBox({ m }: { m: MinutesModel }) {
  const d = m.draft;
  return (
    <View className='card' id='minutes-box'>
      <Text className='minutes-attendees' id='minutes-attendees'>
        {m.attendees ? `到会 ${m.attendees.present} 人（报名 ${m.attendees.confirmed} 人，按现场签到统计）` : '到会人数：签到后自动统计'}
      </Text>
      <Textarea id='minutes-text' className='minutes-text' value={d.text} maxlength={d.max} placeholder='会议经过：议了什么，大家的意见，表决结果……' onInput={(e) => d.setText(e.detail.value)} />
      <Text className='caption'>
        {d.text.length}/{d.max}
        {m.minutes ? ` · ${m.minutes.updatedBy.name} 于 ${chinaWhen(m.minutes.updatedAt)} 保存` : ' · 还没有保存过'}
      </Text>
      {d.error ? <Notice tone='error' text={d.error} id='minutes-error' /> : null}
      {d.theirs ? (
        <View className='minutes-theirs' id='minutes-theirs'>
          <Text className='ds-field__label'>最新保存的内容：</Text>
          <Text className='ds-step__text'>{d.theirs}</Text>
        </View>
      ) : null}
      {m.canRecord ? <BigButton id='minutes-save' text='保存纪要' loading={d.saving} onClick={d.save} /> : null}
    </View>
  );
}

export default function DelibStaffMinutesPage() {
  const m = useMinutesModel();
  const g = m.gate;
  const res = m.resolutions;
  const list = m.outcome.data?.resolutions ?? [];
  return (
    <PageShell className='delib-minutes-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={STAFF_ONLY_LINE}>
        {!m.sessionId ? <Text className='plain-line'>没有找到这场议事，请从议事设置里打开。</Text> : null}
        {m.session ? <SessionSummary session={m.session} /> : null}
        {m.notice ? <Notice tone='warning' text={m.notice} id='minutes-notice' /> : null}
        <LoadState loading={m.outcome.loading} loaded={m.outcome.loaded} error={m.outcome.error} onRetry={() => void m.outcome.reload()} empty={false} emptyText='' />
        {m.outcome.data ? (
          <View>
            <Text className='section-title'>会议纪要</Text>
            <MinutesBox m={m} />
            <Text className='section-title'>决议（{list.length} 条）</Text>
            {list.length === 0 ? <Text className='plain-line muted'>还没有记录决议。</Text> : null}
            {res.error && !res.panel && !res.fields ? <Notice tone='error' text={res.error} id='resolutions-error' /> : null}
            {list.map((r, i) => (
              <ResolutionCard key={r.id} r={r} index={i} res={res} />
            ))}
            {res.fields ? <ResolutionForm res={res} items={m.agendaItems} today={m.today} /> : null}
            {!res.fields && m.canRecord ? <BigButton id='resolution-new' text='记录一条决议' onClick={res.startAdd} /> : null}
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
