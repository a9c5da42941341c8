import { Text, Textarea, View } from '@tarojs/components';
import type { ConcernDetail } from '@contracts/concerns.contract';
import { CloseReasonLabels } from '@contracts/concerns.constants';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { ConcernTimeline } from '@/components/concern-timeline/concern-timeline';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { PhotoGrid } from '@/components/photo-grid/photo-grid';
import { PhotoPicker } from '@/components/photo-picker/photo-picker';
import { RatingWords, StarRating } from '@/components/star-rating/star-rating';
import { formatDateTime } from '@/utils/format';
import { actionLabel, closeReasonChoices } from './concern-actions';
import { useDetailModel } from './use-detail-model';
import './index.scss';

type Form = ReturnType<typeof useDetailModel>['form'];

function holderText(c: ConcernDetail): string {
  if (c.holderName) return `${c.holderLevelLabel}：${c.holderName}${c.holderRoleLabel ? `（${c.holderRoleLabel}）` : ''}`;
  return `${c.holderLevelLabel}：等待${c.departmentName ?? c.holderLevelLabel}受理`;
}

function Facts({ c }: { c: ConcernDetail }) {
  return (
    <View className='card'>
      <Text className='page-title' id='concern-category'>
        {c.categoryLabel}
      </Text>
      <InfoRow label='状态' value={c.overdue ? `${c.statusLabel}（已超时）` : c.statusLabel} id='concern-status' />
      {c.deadlineText ? <InfoRow label='办理时限' value={c.deadlineText} id='concern-deadline' /> : null}
      <InfoRow label='当前处理' id='concern-holder' value={holderText(c)} />
      <InfoRow label='首接负责' id='concern-first-owner' value={c.firstOwnerName ?? '暂无'} />
      {c.departmentName ? <InfoRow label='职能部门' value={c.departmentName} id='concern-department' /> : null}
      <InfoRow label='地点' value={c.placeLabel + (c.unconfirmed ? '（住址未确认）' : '')} id='concern-place' />
      <InfoRow label='所属网格' value={c.gridName} />
      <InfoRow label='反映人' value={c.proxyFor ? `${c.submitterName}（网格员代办）` : c.submitterName} />
      <InfoRow label='是否公开' value={c.isPublic ? '公开给社区邻居' : '不公开'} />
      <InfoRow label='也遇到了' id='concern-metoo' value={`${c.meTooCount} 位邻居${c.joined ? '（含您）' : ''}`} />
      <InfoRow label='提交时间' value={formatDateTime(c.createdAt)} />
      {c.closeReason && c.rating === null ? <InfoRow label='关闭原因' value={CloseReasonLabels[c.closeReason]} /> : null}
      {c.rating !== null ? (
        <InfoRow
          label='居民评价'
          id='concern-rating'
          value={`${'★'.repeat(c.rating)}${'☆'.repeat(5 - c.rating)} ${c.rating} 星（${RatingWords[c.rating]}）${c.ratingComment ? `：${c.ratingComment}` : ''}`}
        />
      ) : null}
    </View>
  );
}

function ActionPanel({ c, form }: { c: ConcernDetail; form: Form }) {
  if (!form.open || !form.form) return null;
  const f = form.fields;
  return (
    <View className='card action-panel' id={`action-panel-${form.open}`}>
      <Text className='section-title'>{form.open === 'escalate' || form.open === 'return' ? actionLabel(form.open, c) : form.form.title}</Text>
      {form.open === 'rate' ? <StarRating value={f.rating} onChange={form.setRating} /> : null}
      {form.open === 'close' ? (
        <ChoiceChips idPrefix='close-reason' choices={closeReasonChoices} selected={f.closeReason} onSelect={form.setCloseReason} />
      ) : null}
      {form.open === 'escalate' && c.departments.length > 0 ? (
        <View>
          <Text className='action-panel__label'>选择要“吹哨”的职能部门</Text>
          <ChoiceChips
            idPrefix='department'
            choices={c.departments.map((d) => ({ key: d.id, label: d.name }))}
            selected={f.departmentId}
            onSelect={form.setDepartment}
          />
        </View>
      ) : null}
      {form.form.noteLabel ? (
        <View>
          <Text className='action-panel__label'>{form.form.noteLabel}</Text>
          <Textarea id='action-note' className='action-panel__textarea' value={f.note} maxlength={500} onInput={(e) => form.setNote(e.detail.value)} />
        </View>
      ) : null}
      {form.open === 'resolve' ? (
        <View>
          <Text className='action-panel__label'>处理后的照片（可不选）</Text>
          <PhotoPicker photos={f.photos} onAdd={form.addPhotos} onRemove={form.removePhoto} onRetry={form.retryPhoto} />
        </View>
      ) : null}
      {form.error ? <Notice tone='error' text={form.error} id='action-error' /> : null}
      <BigButton id='action-confirm' text={form.form.confirm} loading={form.busy === form.open} onClick={form.confirm} />
      <BigButton id='action-cancel' variant='plain' text='取消' onClick={form.cancel} />
    </View>
  );
}

export default function ConcernDetailPage() {
  const m = useDetailModel();
  const c = m.concern;
  const form = m.form;
  return (
    <PageShell className='concern-detail-page'>
      <ErrorRetry error={m.error} onRetry={() => void m.reload()} />
      {!c && m.loading ? <Text className='muted'>正在加载…</Text> : null}
      {c ? (
        <View>
          <Facts c={c} />
          <Text className='section-title'>问题内容</Text>
          <View className='card'>
            <Text className='concern-detail-page__text' id='concern-text'>
              {c.text}
            </Text>
            <PhotoGrid urls={c.photoUrls ?? []} local={m.photos} onOpen={m.openPhoto} />
          </View>

          {form.error && !form.open ? <Notice tone='error' text={form.error} id='action-error' /> : null}
          {form.open ? (
            <ActionPanel c={c} form={form} />
          ) : (
            <View className='concern-detail-page__actions' id='concern-actions'>
              {c.actions.map((action, i) => (
                <BigButton
                  key={action}
                  id={`action-${action}`}
                  variant={i === 0 ? 'primary' : 'secondary'}
                  text={actionLabel(action, c)}
                  loading={form.busy === action}
                  onClick={() => form.start(action)}
                />
              ))}
            </View>
          )}

          <Text className='section-title'>处理经过</Text>
          <View className='card'>
            <ConcernTimeline events={c.timeline} photos={m.photos} onOpenPhoto={m.openPhoto} />
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
