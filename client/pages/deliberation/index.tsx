import { Text, View } from '@tarojs/components';
import type { SessionItem } from '@contracts/deliberation.contract';
import { BigButton } from '@/components/big-button/big-button';
import { SessionFacts } from '@/components/deliberation/session-facts';
import { registrationView } from '@/components/deliberation/registration';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { useDeliberationModel } from './use-deliberation-model';
import './index.scss';

type Model = ReturnType<typeof useDeliberationModel>;

function AgendaTopics({ m }: { m: Model }) {
  if (m.agendaError) {
    return (
      <View className='deliberation-page__agenda'>
        <Notice tone='error' text={`议题没有加载出来：${m.agendaError}`} onTap={m.reloadAgenda} />
      </View>
    );
  }
  if (!m.agenda) return null;
  return (
    <View className='deliberation-page__agenda' id='next-session-agenda'>
      <Text className='deliberation-page__label'>要商量的事</Text>
      {m.agenda.items.length === 0 ? <Text className='muted'>议题还在安排中</Text> : null}
      {m.agenda.items.map((item) => (
        <Text key={item.id} className='deliberation-page__topic'>
          {item.position}. {item.title}
        </Text>
      ))}
    </View>
  );
}

function NextSession({ m, s }: { m: Model; s: SessionItem }) {
  const view = registrationView(s);
  const reg = m.registration;
  return (
    <View className='card deliberation-page__next' id='next-session'>
      <SessionFacts session={s} idPrefix='next-session' showMine={m.isResident} />
      <AgendaTopics m={m} />
      {m.isResident && view.hint ? (
        <Text className='deliberation-page__hint' id='next-session-hint'>
          {view.hint}
        </Text>
      ) : null}
      {reg.error ? <Notice tone='error' text={reg.error} id='registration-error' /> : null}
      {m.isResident && view.canSignUp ? (
        <BigButton id='next-session-sign-up' text='我要报名' loading={reg.busy === 'sign-up'} onClick={() => reg.signUp(s)} />
      ) : null}
      {m.isResident && view.canCancel ? (
        <BigButton id='next-session-cancel' variant='plain' text='取消报名' loading={reg.busy === 'cancel'} onClick={() => reg.cancel(s)} />
      ) : null}
      <BigButton
        id='next-session-open'
        variant='secondary'
        text={m.isResident && view.registered ? '查看详情和签到码' : '查看议程和详情'}
        onClick={() => m.openSession(s.id)}
      />
    </View>
  );
}

function Sessions({ m }: { m: Model }) {
  return (
    <View>
      <Text className='section-title'>下一场议事</Text>
      {m.next ? (
        <NextSession m={m} s={m.next} />
      ) : (
        <Text className='plain-line' id='no-next-session'>
          社区还没有安排下一场议事。
        </Text>
      )}
      {m.later.length > 0 ? <Text className='section-title'>之后的议事</Text> : null}
      {m.later.map((s) => (
        <View key={s.id} className='card deliberation-page__later' id={`session-${s.id}`} onClick={() => m.openSession(s.id)}>
          <SessionFacts session={s} idPrefix={`session-${s.id}`} showMine={m.isResident} />
          <Text className='delib-link'>查看详情 ›</Text>
        </View>
      ))}
    </View>
  );
}

export default function DeliberationPage() {
  const m = useDeliberationModel();
  return (
    <PageShell className='deliberation-page'>
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading && !m.sessions && !m.noCommunity ? <Text className='muted'>正在加载…</Text> : null}
      {m.noCommunity ? (
        <View id='delib-no-community'>
          <Text className='plain-line'>
            {m.isResident ? '您还没有选择居住的单元，选好后就能参加本社区的议事。' : m.noCommunity}
          </Text>
          {m.isResident ? <BigButton id='delib-choose-unit' text='选择单元' onClick={m.goChooseUnit} /> : null}
        </View>
      ) : null}
      {m.notMember ? (
        <View id='delib-not-member'>
          <Text className='plain-line'>议事亭由社区居民和社区工作人员参加。</Text>
          {m.isStreet ? <BigButton id='delib-street-board' variant='secondary' text='查看各社区的决议公示' onClick={m.goResolutions} /> : null}
        </View>
      ) : null}
      {m.sessions && !m.notMember ? (
        <View>
          {m.unitPending ? <Notice tone='warning' text={m.unitPending} id='delib-unit-pending' /> : null}
          <Sessions m={m} />
          <Text className='section-title'>议题和决议</Text>
          <BigButton id='delib-topics' variant='secondary' text='议题：提议题、支持邻居的议题' onClick={m.goTopics} />
          <BigButton id='delib-resolutions' variant='secondary' text='决议公示：看看落实得怎么样' onClick={m.goResolutions} />
          {m.canManage ? (
            <View id='delib-manage'>
              <Text className='section-title'>议事管理</Text>
              <BigButton id='delib-manage-series' variant='plain' text='议事场次和签到' onClick={m.goSeries} />
              <BigButton id='delib-manage-triage' variant='plain' text='议题审核和议程' onClick={m.goTriage} />
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  );
}
