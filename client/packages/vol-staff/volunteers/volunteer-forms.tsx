import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { chinaDateTime } from '@/components/deliberation/china-time';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import '@/components/vol-staff/vol-staff.scss';
import { suspendImpact, type ReviewModel } from './use-review-model';

/** What each reason form says: 不通过 an application, 暂停 an approved volunteer. */
const REASON_FORMS = {
  decline: { label: '未通过的原因（申请人会看到）', placeholder: '例如：暂不在本社区居住', confirm: '确认不通过', cancel: '先不处理' },
  suspend: { label: '暂停的原因（志愿者会看到）', placeholder: '例如：连续三次接单后没有上门', confirm: '确认暂停', cancel: '先不暂停' },
};

interface ReasonFormProps {
  v: VolunteerItem;
  m: ReviewModel;
  /** The step: its words, the ids (`decline-reason`, `decline-confirm`…) and the busy key. */
  step: keyof typeof REASON_FORMS;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}

/** A step that needs a reason the person is told: the reason, then confirm or put off. */
function ReasonForm({ v, m, step, onConfirm, onCancel, children }: ReasonFormProps) {
  const w = REASON_FORMS[step];
  return (
    <View id={`volunteer-${v.id}-${step}-form`}>
      {children}
      <FormField id={`${step}-reason`} label={w.label} value={m.reason} maxlength={200} multiline placeholder={w.placeholder} onInput={m.setReason} />
      <View className='ds-actions'>
        <BigButton id={`${step}-confirm`} className='ds-actions__button' text={w.confirm} loading={m.busy === `${step}-${v.id}`} onClick={onConfirm} />
        <BigButton id={`${step}-cancel`} className='ds-actions__button' variant='plain' text={w.cancel} onClick={onCancel} />
      </View>
    </View>
  );
}

/** 不通过: the reason the applicant is told. */
export function DeclineForm({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  return <ReasonForm v={v} m={m} step='decline' onConfirm={() => m.decline(v)} onCancel={m.cancelDecline} />;
}

/** 暂停: what it means for this volunteer (tasks in hand stay theirs), and the reason they are told. */
export function SuspendForm({ v, m }: { v: VolunteerItem; m: ReviewModel }) {
  return (
    <ReasonForm v={v} m={m} step='suspend' onConfirm={() => m.suspend(v)} onCancel={m.cancelSuspend}>
      <View id='suspend-impact'>
        {suspendImpact(v).map((line) => (
          <Text className='vs-line' key={line}>
            {line}
          </Text>
        ))}
      </View>
    </ReasonForm>
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
