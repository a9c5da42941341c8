import { Text, Textarea, View } from '@tarojs/components';
import type { HelpRequestDetail } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaTimeRange } from '@/components/deliberation/china-time';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { FormField } from '@/components/delib-staff/form-field';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { StarRating } from '@/components/star-rating/star-rating';
import { hoursText } from '@/components/vol-staff/hours';
import { statusTone } from '@/components/volunteers/help-text';
import '@/components/volunteers/volunteers.scss';
import { StepButtonText } from '@/pages/volunteers/use-help-steps';
import type { SeatStep } from '@/services/help-requests.api';
import { History } from './history';
import type { ConfirmMode } from './use-confirm';
import { useRequestModel } from './use-request-model';

type Model = ReturnType<typeof useRequestModel>;

const VOLUNTEER_STEPS: readonly SeatStep[] = ['claim', 'accept', 'done', 'decline', 'withdraw'];

function ConfirmCard({ m, d, mode }: { m: Model; d: HelpRequestDetail; mode: ConfirmMode }) {
  const c = m.confirm;
  const behalf = mode === 'behalf';
  return (
    <View className='card' id='request-confirm'>
      <Text className='section-title'>{behalf ? `替${d.requesterName}确认完成` : '帮得怎么样？请打个分'}</Text>
      {behalf ? <Text className='vol-line' id='request-confirm-behalf'>{`请问问${d.requesterName}帮得怎么样，替居民打个分。确认后，志愿者的服务时长就记上了。`}</Text> : null}
      <StarRating value={c.rating} onChange={c.setRating} />
      <Textarea
        id='request-comment'
        className='vol-textarea'
        value={c.comment}
        maxlength={200}
        placeholder={behalf ? '居民想对志愿者说的话（可不写）' : '想对志愿者说的话（可不写）'}
        onInput={(e) => c.setComment(e.detail.value)}
      />
      {behalf ? (
        <FormField id='request-confirm-hours' label='实际服务时长（小时，可不填）' type='number' value={c.hours} maxlength={5} placeholder='不填按预约时间计' hint='最多 4 小时' onInput={c.setHours} />
      ) : null}
      {c.error ? <Notice tone='error' text={c.error} id='request-confirm-error' /> : null}
      <BigButton id='request-confirm-submit' text={behalf ? '替居民确认完成' : '确认完成'} loading={c.busy} onClick={() => c.submit(d, mode)} />
    </View>
  );
}

function Steps({ m, d }: { m: Model; d: HelpRequestDetail }) {
  const steps = VOLUNTEER_STEPS.filter((s) => d.actions.includes(s));
  return (
    <View>
      {m.steps.error ? <Notice tone='error' text={m.steps.error} id='request-step-error' /> : null}
      {steps.map((s, i) => (
        <BigButton key={s} id={`request-${s}`} variant={i === 0 ? 'primary' : 'plain'} text={StepButtonText[s]} loading={m.steps.busy(d.id, s)} onClick={() => m.steps.run(d, s)} />
      ))}
      {d.actions.includes('cancel') ? (
        <BigButton id='request-cancel' variant='plain' text={StepButtonText.cancel} loading={m.steps.busy(d.id, 'cancel')} onClick={() => m.steps.run(d, 'cancel')} />
      ) : null}
    </View>
  );
}

function Body({ m, d }: { m: Model; d: HelpRequestDetail }) {
  return (
    <View>
      <Text className='page-title' id='request-title'>{d.skillLabel}</Text>
      <View className='card' id='request-status-card'>
        <Text className={`vol-chip vol-chip--${statusTone(d)}`} id='request-status'>{d.statusLabel}</Text>
        <Text className='vol-line' id='request-explained'>{m.explained}</Text>
        {m.coming ? <Text className='vol-line vol-card__coming' id='request-coming'>{m.coming}</Text> : null}
      </View>
      {m.confirmMode ? <ConfirmCard m={m} d={d} mode={m.confirmMode} /> : null}
      <Steps m={m} d={d} />
      <View className='card'>
        <Text className='vol-line vol-card__text' id='request-description'>{d.description}</Text>
        <InfoRow label='时间' value={chinaTimeRange(d.windowFrom, d.windowTo)} />
        <InfoRow label='地点' value={d.placeLabel} />
        <InfoRow label='需要' value={`${d.volunteersNeeded} 位志愿者，已有 ${d.takenCount} 位`} />
        <InfoRow label='求助人' value={d.proxyFor ? `${d.requesterName}（网格员代发）` : d.requesterName} />
        {d.rating ? <InfoRow id='request-rating' label='评价' value={`${d.rating} 星${d.ratingComment ? `：${d.ratingComment}` : ''}`} /> : null}
        {d.creditedMinutes ? <InfoRow id='request-credited' label='服务时长' value={`每位志愿者 ${hoursText(d.creditedMinutes)} 小时`} /> : null}
      </View>
      {d.volunteers.length > 0 ? (
        <View className='card' id='request-volunteers'>
          <Text className='section-title'>志愿者</Text>
          {d.volunteers.map((v) => (
            <Text key={v.userId} className='vol-line'>{v.name}：{v.statusLabel}</Text>
          ))}
        </View>
      ) : null}
      <Text className='section-title'>经过</Text>
      <History events={d.events} />
    </View>
  );
}

export default function RequestPage() {
  const m = useRequestModel();
  return (
    <PageShell className='request-page'>
      {m.invalid ? <Text className='plain-line'>{m.invalid}</Text> : null}
      <ErrorRetry error={m.error} onRetry={m.reload} />
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {m.detail ? <Body m={m} d={m.detail} /> : null}
    </PageShell>
  );
}
