import { CustomWrapper, Text, View } from '@tarojs/components';
import type { HelpRequestItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { hoursText } from '@/components/vol-staff/hours';
import { HelpRequestCard } from '@/components/volunteers/help-request-card';
import { StepButtonText } from '@/pages/volunteers/use-help-steps';
import type { SeatStep } from '@/services/help-requests.api';
import { useTasksModel } from './use-tasks-model';

type Model = ReturnType<typeof useTasksModel>;

/** The volunteer's steps in the order they are shown; the first one is the main button. */
const TASK_STEPS: readonly SeatStep[] = ['accept', 'done', 'decline', 'withdraw'];

function mySeatText(item: HelpRequestItem): string | null {
  if (item.mySeat === 'dispatched') return '社区派给您的，请接受或谢绝';
  if (item.status === 'done') return '您已标记完成，等求助人确认';
  if (item.status === 'confirmed') return item.creditedMinutes ? `已完成，记上 ${hoursText(item.creditedMinutes)} 小时服务时长` : '已完成';
  return null;
}

function Task({ m, item }: { m: Model; item: HelpRequestItem }) {
  const steps = TASK_STEPS.filter((s) => item.actions.includes(s));
  const seat = mySeatText(item);
  return (
    <HelpRequestCard item={item} view='volunteer' onOpen={m.openRequest}>
      {seat ? <Text className='vol-line vol-card__coming' id={`help-${item.id}-seat`}>{seat}</Text> : null}
      {steps.map((s, i) => (
        <BigButton
          key={s}
          id={`help-${item.id}-${s}`}
          variant={i === 0 && (s === 'accept' || s === 'done') ? 'primary' : 'plain'}
          text={StepButtonText[s]}
          loading={m.steps.busy(item.id, s)}
          onClick={() => m.steps.run(item, s)}
        />
      ))}
    </HelpRequestCard>
  );
}

export default function TasksPage() {
  const m = useTasksModel();
  return (
    <PageShell className='tasks-page'>
      {m.steps.error ? <Notice tone='error' text={m.steps.error} id='tasks-error' /> : null}
      <ErrorRetry error={m.loadError} onRetry={m.reload} />
      {!m.loaded && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.loaded && m.items.length === 0 ? (
        <View id='tasks-empty'>
          <Text className='plain-line'>您现在没有任务。</Text>
          <BigButton id='tasks-go-hall' variant='secondary' text='去接单大厅看看' onClick={m.goHall} />
        </View>
      ) : null}
      <CustomWrapper>
        <View>
          {m.items.map((item) => (
            <Task key={item.id} m={m} item={item} />
          ))}
        </View>
      </CustomWrapper>
      {m.items.length > 0 ? <LoadMore hasMore={m.hasMore} loading={m.loading} onLoadMore={() => void m.loadMore()} /> : null}
    </PageShell>
  );
}
