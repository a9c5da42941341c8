import { Text, View } from '@tarojs/components';
import type { TopicDetail } from '@contracts/deliberation-topics.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDate } from '@/components/deliberation/china-time';
import { ProgressLine } from '@/components/deliberation/progress-line';
import { ShareButton } from '@/components/deliberation/share-button';
import { SupportButtonText, supportAction, supportText, topicTone } from '@/components/deliberation/topic-support';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { useTopicModel } from './use-topic-model';
import './index.scss';

type Model = ReturnType<typeof useTopicModel>;

function Status({ m, t }: { m: Model; t: TopicDetail }) {
  return (
    <View className='card' id='topic-status-card'>
      <Text className={`delib-chip delib-chip--${topicTone(t)}`} id='topic-status'>
        {t.statusText}
      </Text>
      <Text className='topic-page__explained' id='topic-status-explained'>
        {m.statusText}
      </Text>
      {t.agenda && (t.status === 'on_agenda' || t.status === 'discussed') ? (
        <BigButton id='topic-open-session' variant='secondary' text={`查看${chinaDate(t.agenda.sessionStartsAt)}的议事`} onClick={() => m.openSession(t.agenda!.sessionId)} />
      ) : null}
      {t.mergedInto ? (
        <BigButton id='topic-open-merged' variant='secondary' text='查看合并后的议题' onClick={() => m.openTopic(t.mergedInto!.id)} />
      ) : null}
    </View>
  );
}

function Support({ m, t }: { m: Model; t: TopicDetail }) {
  const possible = m.canSupport ? supportAction(t) : null;
  // Issue 10: an unconfirmed resident may withdraw a support given before, not give one (the server would refuse).
  const pending = possible === 'support' && m.unitPending !== null;
  const action = pending ? null : possible;
  return (
    <View className='card' id='topic-support-card'>
      <Text className='delib-line' id='topic-support-count'>
        {supportText(t)}
      </Text>
      {t.status === 'proposed' ? <ProgressLine value={t.supportCount} max={t.threshold} label={`${t.supportCount} / ${t.threshold} 人支持`} /> : null}
      {m.support.error ? <Notice tone='error' text={m.support.error} id='support-error' /> : null}
      {pending ? <Notice tone='warning' text={m.unitPending!} id='topic-unit-pending' /> : null}
      {action ? (
        <BigButton
          id={`topic-${action}`}
          variant={action === 'support' ? 'primary' : 'plain'}
          text={SupportButtonText[action]}
          loading={m.support.busy === t.id}
          onClick={() => m.support.toggle(t)}
        />
      ) : null}
    </View>
  );
}

function Body({ m, t }: { m: Model; t: TopicDetail }) {
  return (
    <View>
      <Text className='page-title' id='topic-title'>
        {t.title}
      </Text>
      <Status m={m} t={t} />
      <Support m={m} t={t} />
      <View className='card'>
        <Text className='topic-page__label'>哪里不对</Text>
        <Text className='topic-page__text' id='topic-problem'>
          {t.problem}
        </Text>
        <Text className='topic-page__label'>希望怎样</Text>
        <Text className='topic-page__text' id='topic-hope'>
          {t.hope}
        </Text>
        <InfoRow label='类别' value={t.categoryText} />
        <InfoRow label='提出人' value={t.mine ? `${t.proposerName}（我）` : t.proposerName} />
        <InfoRow label='提出时间' value={chinaDate(t.createdAt)} />
      </View>
      {t.linkedConcerns.length > 0 ? (
        <View className='card' id='topic-concerns'>
          <Text className='topic-page__label'>相关的问题反映</Text>
          {t.linkedConcerns.map((c) => (
            <Text key={c.id} className='delib-line'>
              · {c.title}
            </Text>
          ))}
        </View>
      ) : null}
      {t.mergedFrom.length > 0 ? (
        <View className='card' id='topic-merged-from'>
          <Text className='topic-page__label'>合并进来的议题</Text>
          {t.mergedFrom.map((x) => (
            <Text key={x.id} className='delib-line delib-link' onClick={() => m.openTopic(x.id)}>
              {x.title} ›
            </Text>
          ))}
        </View>
      ) : null}
      <ShareButton id='topic-share' onCopyLink={m.copyLink} />
    </View>
  );
}

export default function TopicPage() {
  const m = useTopicModel();
  return (
    <PageShell className='topic-page'>
      {m.invalid ? <Text className='plain-line'>{m.invalid}</Text> : null}
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.topic ? <Body m={m} t={m.topic} /> : null}
    </PageShell>
  );
}
