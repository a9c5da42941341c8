import { Text, View } from '@tarojs/components';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import '@/components/vol-staff/vol-staff.scss';
import { suspendImpact, type ReviewModel } from './use-review-model';

/** 不通过: the reason the applicant is told. */
export function DeclineForm({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  return (
    <View id={`volunteer-${v.id}-decline-form`}>
      <FormField id='decline-reason' label='未通过的原因（申请人会看到）' value={m.reason} maxlength={200} multiline placeholder='例如：暂不在本社区居住' onInput={m.setReason} />
      <View className='ds-actions'>
        <BigButton id='decline-confirm' className='ds-actions__button' text='确认不通过' loading={m.busy === `decline-${v.id}`} onClick={() => m.decline(v)} />
        <BigButton id='decline-cancel' className='ds-actions__button' variant='plain' text='先不处理' onClick={m.cancelDecline} />
      </View>
    </View>
  );
}

/** 暂停: what it means for this volunteer (tasks in hand stay theirs), and the reason they are told. */
export function SuspendForm({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  return (
    <View id={`volunteer-${v.id}-suspend-form`}>
      <View id='suspend-impact'>
        {suspendImpact(v).map((line) => (
          <Text className='vs-line' key={line}>
            {line}
          </Text>
        ))}
      </View>
      <FormField id='suspend-reason' label='暂停的原因（志愿者会看到）' value={m.reason} maxlength={200} multiline placeholder='例如：连续三次接单后没有上门' onInput={m.setReason} />
      <View className='ds-actions'>
        <BigButton id='suspend-confirm' className='ds-actions__button' text='确认暂停' loading={m.busy === `suspend-${v.id}`} onClick={() => m.suspend(v)} />
        <BigButton id='suspend-cancel' className='ds-actions__button' variant='plain' text='先不暂停' onClick={m.cancelSuspend} />
      </View>
    </View>
  );
}

/** The volunteer's history, oldest first: 报名, 通过, 暂停 (with the reason), 恢复. */
export function VolunteerHistory({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  const h = m.history;
  const items = h.data ?? [];
  return (
    <View id={`volunteer-${v.id}-history`}>
      <LoadState loading={h.loading} loaded={h.loaded} error={h.error} onRetry={() => void h.reload()} empty={items.length === 0} emptyText='还没有记录。' />
      {items.map((e) => (
        <View className='vs-item' key={e.id}>
          <Text className='caption'>{chinaDateTime(e.at)}</Text>
          <Text className='vs-line'>
            {e.actorName} {e.typeLabel}
            {e.note ? `：${e.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
