import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { QrCode } from '@/components/deliberation/qr-code';
import { SessionFacts } from '@/components/deliberation/session-facts';
import { ShareButton } from '@/components/deliberation/share-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { AgendaList } from './agenda-list';
import { OutcomeView } from './outcome-view';
import { useSessionModel } from './use-session-model';
import { VoteCard } from './vote-card';
import './index.scss';

type Model = ReturnType<typeof useSessionModel>;

/** The session, my status and the sign-up / cancel buttons; my check-in QR code once I have a seat. */
function Registration({ m }: { m: Model }) {
  const s = m.session;
  const view = m.view;
  if (!s || !view) return null;
  const reg = m.registration;
  return (
    <View>
      <View className='card' id='session-card'>
        <SessionFacts session={s} idPrefix='session' showMine={m.isResident} />
        {m.isResident && view.hint ? (
          <Text className='session-page__hint' id='session-hint'>
            {view.hint}
          </Text>
        ) : null}
        {reg.error ? <Notice tone='error' text={reg.error} id='registration-error' /> : null}
        {m.isResident && view.canSignUp ? (
          <BigButton id='session-sign-up' text='我要报名' loading={reg.busy === 'sign-up'} onClick={() => reg.signUp(s)} />
        ) : null}
        {m.isResident && view.canCancel ? (
          <BigButton id='session-cancel' variant='plain' text='取消报名' loading={reg.busy === 'cancel'} onClick={() => reg.cancel(s)} />
        ) : null}
      </View>
      {m.ticket && !m.ticket.checkedInAt ? (
        <View className='card session-page__ticket' id='session-ticket'>
          <Text className='delib-card__title'>我的签到码</Text>
          <QrCode id='checkin-qr' value={m.ticket.checkInCode} caption='到议事亭时请出示给工作人员扫码；扫不了就念出这串签到码' />
        </View>
      ) : null}
    </View>
  );
}

function Sections({ m }: { m: Model }) {
  return (
    <View>
      <Text className='section-title'>议程</Text>
      <ErrorRetry error={m.agendaError} onRetry={() => void m.agenda.reload()} />
      {m.agenda.data ? <AgendaList items={m.agenda.data.items} onOpenTopic={m.openTopic} /> : null}

      <Text className='section-title'>表决</Text>
      <ErrorRetry error={m.votes.error} onRetry={() => void m.votes.reload()} />
      {m.votes.data && m.votes.data.length === 0 ? (
        <Text className='plain-line' id='votes-empty'>
          现在没有表决。议事时开始表决后，可以在这里投票。
        </Text>
      ) : null}
      {(m.votes.data ?? []).map((vote) => (
        <VoteCard
          key={vote.id}
          vote={vote}
          chosen={m.voting.chosenOf(vote.id)}
          error={m.voting.errorOf(vote.id)}
          busy={m.voting.busy === vote.id}
          onToggle={(optionId) => m.voting.toggle(vote, optionId)}
          onSubmit={() => m.voting.submit(vote)}
        />
      ))}
      {m.votes.data ? <BigButton id='votes-refresh' variant='plain' text='刷新表决' loading={m.votes.loading} onClick={() => void m.votes.reload()} /> : null}

      <Text className='section-title'>纪要和决议</Text>
      <ErrorRetry error={m.outcome.error} onRetry={() => void m.outcome.reload()} />
      {m.outcome.data ? <OutcomeView outcome={m.outcome.data} onOpenResolution={m.openResolution} /> : null}
    </View>
  );
}

export default function SessionPage() {
  const m = useSessionModel();
  if (m.invalid) {
    return (
      <PageShell className='session-page'>
        <Text className='plain-line'>{m.invalid}</Text>
      </PageShell>
    );
  }
  return (
    <PageShell className='session-page'>
      <ErrorRetry error={m.pageError} onRetry={m.reload} />
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.ended ? (
        <Text className='plain-line' id='session-ended'>
          这场议事已经结束，下面是议程、表决和结果。
        </Text>
      ) : null}
      <Registration m={m} />
      {m.session || m.ended ? (
        <View className='session-page__actions'>
          {m.canAddToCalendar ? (
            <BigButton id='session-calendar' variant='secondary' text='加到手机日历' loading={m.calendarBusy} onClick={m.addToCalendar} />
          ) : null}
          <ShareButton id='session-share' onCopyLink={m.copyLink} />
        </View>
      ) : null}
      {m.pageError ? null : <Sections m={m} />}
    </PageShell>
  );
}
