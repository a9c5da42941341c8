import { Text, View } from '@tarojs/components';
import type { VoteItem, VoteResults } from '@contracts/deliberation-votes.contract';
import { VoteEligibilityLabels } from '@contracts/deliberation-votes.constants';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { ProgressLine } from '@/components/deliberation/progress-line';
import { TickRow } from '@/components/deliberation/tick-row';
import { Notice } from '@/components/notice/notice';
import { choiceText } from './use-votes';

function Results({ vote, results }: { vote: VoteItem; results: VoteResults }) {
  const most = Math.max(1, ...results.options.map((o) => o.total));
  return (
    <View className='vote-card__results' id={`vote-${vote.id}-results`}>
      <Text className='vote-card__label'>{results.final ? '表决结果' : '目前的票数（投票还没结束）'}</Text>
      {vote.options.map((option) => {
        const r = results.options.find((x) => x.optionId === option.id);
        const online = r?.online ?? 0;
        const offline = r?.offline ?? 0;
        const total = r?.total ?? 0;
        return (
          <View key={option.id} className='vote-card__result' id={`vote-${vote.id}-result-${option.id}`}>
            <Text className='vote-card__option-label'>{option.label}</Text>
            <Text className='vote-card__count'>
              线上 {online} 票 ＋ 现场举手 {offline} 票 ＝ 共 {total} 票
            </Text>
            <ProgressLine value={total} max={most} label={`${option.label} 共 ${total} 票`} />
          </View>
        );
      })}
      <Text className='caption'>
        线上投票 {results.ballots} 人{results.offlineRecordedAt ? `，现场举手共 ${results.offlineTotal} 票` : '，现场举手票数还没有录入'}
      </Text>
    </View>
  );
}

export interface VoteCardProps {
  vote: VoteItem;
  chosen: number[];
  error: string | null;
  busy: boolean;
  onToggle: (optionId: number) => void;
  onSubmit: () => void;
}

/** One vote: the question, how to choose, my ballot or the options to choose from, and the results when shown. */
export function VoteCard({ vote, chosen, error, busy, onToggle, onSubmit }: VoteCardProps) {
  const open = vote.status === 'open';
  const how = vote.mode === 'single' ? '单选，选 1 项' : `可多选，最多选 ${vote.maxChoices} 项`;
  return (
    <View className='card vote-card' id={`vote-${vote.id}`}>
      <Text className='caption'>议题：{vote.agendaTitle}</Text>
      <Text className='delib-card__title'>{vote.question}</Text>
      <Text className={`delib-chip delib-chip--${open ? 'warning' : 'muted'}`}>
        {open ? `投票中，${chinaDateTime(vote.closesAt)} 截止` : '投票已结束'}
      </Text>
      <Text className='delib-line muted'>
        {how}；可投票：{VoteEligibilityLabels[vote.eligibility]}
      </Text>
      {vote.myBallot ? (
        <Text className='delib-status delib-status--success' id={`vote-${vote.id}-mine`}>
          您已投票：{choiceText(vote, vote.myBallot.optionIds)}
        </Text>
      ) : null}
      {vote.canVote ? (
        <View className='vote-card__options'>
          {vote.options.map((option) => (
            <TickRow key={option.id} id={`vote-${vote.id}-option-${option.id}`} on={chosen.includes(option.id)} onToggle={() => onToggle(option.id)}>
              <Text>{option.label}</Text>
            </TickRow>
          ))}
          {error ? <Notice tone='error' text={error} id={`vote-${vote.id}-error`} /> : null}
          <BigButton id={`vote-${vote.id}-submit`} text='投票' loading={busy} onClick={onSubmit} />
        </View>
      ) : null}
      {!vote.canVote && error ? <Notice tone='error' text={error} id={`vote-${vote.id}-error`} /> : null}
      {!vote.canVote && !vote.myBallot && vote.cannotVoteReason ? (
        <Text className='delib-line muted' id={`vote-${vote.id}-reason`}>
          {vote.cannotVoteReason}
        </Text>
      ) : null}
      {vote.results ? (
        <Results vote={vote} results={vote.results} />
      ) : (
        <Text className='delib-line muted' id={`vote-${vote.id}-no-results`}>
          投票结束后公布结果
        </Text>
      )}
    </View>
  );
}
