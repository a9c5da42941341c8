import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { LoadState } from '@/components/delib-staff/load-state';
import { SessionSummary } from '@/components/delib-staff/session-summary';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { STAFF_ONLY_LINE } from '../shared/access';
import { useVoteModel } from './use-vote-model';
import { VoteCard } from './vote-card';
import { VoteFormView } from './vote-form-view';
import './index.scss';

export default function DelibStaffVotePage() {
  const m = useVoteModel();
  const g = m.gate;
  const items = m.agenda.data?.items ?? [];
  const list = m.votes.data ?? [];
  return (
    <PageShell className='delib-vote-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={STAFF_ONLY_LINE}>
        {!m.sessionId ? <Text className='plain-line'>没有找到这场议事，请从议事设置里打开。</Text> : null}
        {m.session ? <SessionSummary session={m.session} /> : null}
        <LoadState loading={m.agenda.loading} loaded={m.agenda.loaded} error={m.agenda.error} onRetry={() => void m.agenda.reload()} empty={items.length === 0} emptyText='这场议事还没有议程。请先在“议程”里添加，再发起表决。' />
        {m.form.fields ? (
          <VoteFormView form={m.form} items={items} />
        ) : items.length > 0 ? (
          <BigButton id='vote-new' text='发起表决' onClick={() => m.form.start(items.length === 1 ? items[0].id : null)} />
        ) : null}
        <Text className='section-title'>本场表决</Text>
        <LoadState loading={m.votes.loading} loaded={m.votes.loaded} error={m.votes.error} onRetry={() => void m.votes.reload()} empty={list.length === 0} emptyText='还没有发起表决。' />
        {m.error && !m.tally ? <Notice tone='error' text={m.error} id='vote-error' /> : null}
        {list.map((v) => (
          <VoteCard key={v.id} v={v} m={m} />
        ))}
        {list.length > 0 ? (
          <View>
            <BigButton variant='plain' text='刷新票数' loading={m.votes.loading} onClick={() => void m.votes.reload()} />
          </View>
        ) : null}
      </StaffGate>
    </PageShell>
  );
}
