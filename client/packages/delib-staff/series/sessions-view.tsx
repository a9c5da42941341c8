import { Text, View } from '@tarojs/components';
import type { SessionItem } from '@contracts/deliberation.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaToday, chinaWhen } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { PickerField } from '@/components/delib-staff/picker-field';
import { SessionSummary } from '@/components/delib-staff/session-summary';
import { Notice } from '@/components/notice/notice';
import type { SessionsSection } from './use-sessions-section';

function ChangeForm({ s }: { s: SessionsSection }) {
  const f = s.form;
  if (!f) return null;
  const busy = s.busy === `${f.kind}-${f.sessionId}`;
  return (
    <View className='series-change' id={`session-${f.sessionId}-${f.kind}-form`}>
      {f.kind === 'cancel' ? (
        <FormField id='session-cancel-reason' label='取消的原因（会通知每位报名的居民）' multiline value={f.reason} maxlength={200} placeholder='例如：暴雨预警，本周议事暂停' onInput={s.setReason} />
      ) : (
        <View>
          <PickerField id='session-move-day' label='新的日期' mode='date' value={f.day} start={chinaToday()} placeholder='请选择日期' onChange={s.setDay} />
          <PickerField id='session-move-time' label='新的开始时间' mode='time' value={f.time} placeholder='请选择时间' onChange={s.setTime} />
          <FormField id='session-move-place' label='地点' value={f.place} maxlength={100} onInput={s.setPlace} />
        </View>
      )}
      {s.error ? <Notice tone='error' text={s.error} id='session-change-error' /> : null}
      <BigButton id='session-change-submit' text={f.kind === 'cancel' ? '确认取消这场议事' : '确认改期'} loading={busy} onClick={s.submit} />
      <BigButton id='session-change-close' variant='plain' text={f.kind === 'cancel' ? '不取消了' : '不改了'} onClick={s.closeForm} />
    </View>
  );
}

function SessionCard({ session, s, full }: { session: SessionItem; s: SessionsSection; full: boolean }) {
  const scheduled = session.status === 'scheduled';
  const formHere = s.form?.sessionId === session.id;
  return (
    <View className='card' id={`session-${session.id}`}>
      <SessionSummary session={session} detailed />
      {scheduled ? (
        <View className='ds-actions'>
          {full ? <BigButton className='ds-actions__button' variant='secondary' text='议程' onClick={() => s.goAgenda(session.id)} /> : null}
          <BigButton className='ds-actions__button' variant='secondary' text='签到' onClick={() => s.goCheckin(session.id)} />
          {full ? <BigButton className='ds-actions__button' variant='secondary' text='表决' onClick={() => s.goVote(session.id)} /> : null}
          {full ? <BigButton className='ds-actions__button' variant='secondary' text='纪要与决议' onClick={() => s.goMinutes(session.id)} /> : null}
        </View>
      ) : null}
      {full && s.changeable(session) && !formHere ? (
        <View className='ds-actions'>
          <BigButton id={`session-${session.id}-move`} className='ds-actions__button' variant='plain' text='改期' onClick={() => s.openMove(session)} />
          <BigButton id={`session-${session.id}-cancel`} className='ds-actions__button' variant='plain' text='取消这场' onClick={() => s.openCancel(session)} />
        </View>
      ) : null}
      {formHere ? <ChangeForm s={s} /> : null}
    </View>
  );
}

/** Sessions that have ended (newest first): their minutes and resolutions. */
function HeldSessions({ s }: { s: SessionsSection }) {
  const past = s.held.data ?? [];
  return (
    <View>
      <Text className='section-title'>已举行的议事</Text>
      <LoadState loading={s.held.loading} loaded={s.held.loaded} error={s.held.error} onRetry={() => void s.held.reload()} empty={past.length === 0} emptyText='还没有已经结束的议事。' />
      {past.map((p) => (
        <View className='card' key={p.id} id={`held-${p.id}`}>
          <Text className='ds-step__text'>
            {chinaWhen(p.startsAt)} · {p.place}
          </Text>
          {p.status === 'cancelled' ? <Text className='caption'>已取消：{p.cancelReason}</Text> : null}
          {p.status === 'cancelled' ? null : <BigButton variant='secondary' text='纪要与决议' onClick={() => s.goMinutes(p.id)} />}
        </View>
      ))}
    </View>
  );
}

export function SessionsView({ s, full }: { s: SessionsSection; full: boolean }) {
  const list = s.sessions.data ?? [];
  return (
    <View>
      <LoadState
        loading={s.sessions.loading}
        loaded={s.sessions.loaded}
        error={s.sessions.error}
        onRetry={() => void s.sessions.reload()}
        empty={list.length === 0}
        emptyText={full ? '还没有近期的议事。请在“议事安排”里建立每周的议事。' : '近期没有议事。'}
        id='sessions-empty'
      />
      {list.map((session) => (
        <SessionCard key={session.id} session={session} s={s} full={full} />
      ))}
      {full ? <HeldSessions s={s} /> : null}
    </View>
  );
}
