import { Text, View } from '@tarojs/components';
import type { RewardItem } from '@contracts/timebank.contract';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { PickerField } from '@/components/delib-staff/picker-field';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { Notice } from '@/components/notice/notice';
import { hoursText } from '@/components/vol-staff/hours';
import '@/components/vol-staff/vol-staff.scss';
import type { RewardDraft, RewardsAdmin } from './use-rewards-admin';

/** 编辑: name, hours, the stock left, description; this form's own message (the server's or the check's) right above 保存. */
function EditForm({ x, m }: { x: RewardItem; m: RewardsAdmin }) {
  const d = m.editDraft;
  const edit = (patch: Partial<RewardDraft>) => m.editField(patch);
  return (
    <View id={`reward-${x.id}-edit-form`}>
      <FormField id='reward-edit-name' label='名称' value={d.name} maxlength={60} onInput={(name) => edit({ name })} />
      <FormField id='reward-edit-hours' label='所需时长（小时）' type='number' value={d.hours} maxlength={5} onInput={(hours) => edit({ hours })} />
      <FormField id='reward-edit-stock' label='还剩几份（不限量就不填）' type='number' value={d.stock} maxlength={6} hint={`已兑换 ${x.redeemedCount} 份，不算在剩余数量里`} onInput={(stock) => edit({ stock })} />
      <FormField id='reward-edit-description' label='说明（可不填）' multiline value={d.description} maxlength={300} onInput={(description) => edit({ description })} />
      {m.editError ? <Notice tone='error' id='reward-edit-error' text={m.editError} /> : null}
      <View className='ds-actions'>
        <BigButton id='reward-edit-save' className='ds-actions__button' text='保存' loading={m.editBusy === `edit-${x.id}`} onClick={() => m.saveEdit(x)} />
        <BigButton id='reward-edit-cancel' className='ds-actions__button' variant='plain' text='取消' onClick={m.cancelEdit} />
      </View>
    </View>
  );
}

function RewardCard({ x, m }: { x: RewardItem; m: RewardsAdmin }) {
  const editing = m.editing === x.id;
  return (
    <View className='card' id={`reward-${x.id}`}>
      <View className='ds-row'>
        <Text className='vs-title'>{x.name}</Text>
        <Text className={`ds-tag${x.active ? ' ds-tag--ok' : ''}`}>{x.active ? '可兑换' : '已下架'}</Text>
      </View>
      <Text className='vs-line'>
        需 {hoursText(x.costMinutes)} 小时 · {x.stock === null ? '数量不限' : `还剩 ${x.stock} 份`} · 已兑换 {x.redeemedCount} 份
      </Text>
      {x.description ? <Text className='vs-line caption'>{x.description}</Text> : null}
      {editing ? <EditForm x={x} m={m} /> : null}
      {!editing ? (
        <View className='ds-actions'>
          <BigButton id={`reward-${x.id}-edit`} className='ds-actions__button' variant='secondary' text='编辑' onClick={() => m.startEdit(x)} />
          <BigButton id={`reward-${x.id}-toggle`} className='ds-actions__button' variant='plain' text={x.active ? '下架' : '上架'} loading={m.busy === `active-${x.id}`} onClick={() => m.toggleActive(x)} />
        </View>
      ) : null}
    </View>
  );
}

export function RewardsSection({ m }: { m: RewardsAdmin }) {
  const r = m.rewards;
  const items = r.data ?? [];
  const d = m.draft;
  return (
    <View>
      <Text className='section-title'>兑换项目</Text>
      <LoadState loading={r.loading} loaded={r.loaded} error={r.error} onRetry={() => void r.reload()} empty={items.length === 0} emptyText='还没有兑换项目。' />
      {items.map((x) => (
        <RewardCard key={x.id} x={x} m={m} />
      ))}
      <BigButton id='reward-new' variant='secondary' text={m.formOpen ? '收起' : '添加兑换项目'} onClick={m.toggleForm} />
      {m.formOpen ? (
        <View className='card' id='reward-form'>
          <FormField id='reward-name' label='名称' value={d.name} maxlength={60} placeholder='例如：免费理发一次' onInput={(name) => m.edit({ name })} />
          <FormField id='reward-hours' label='所需时长（小时）' type='number' value={d.hours} maxlength={5} placeholder='例如：2' onInput={(hours) => m.edit({ hours })} />
          <FormField id='reward-stock' label='数量（不限量就不填）' type='number' value={d.stock} maxlength={6} onInput={(stock) => m.edit({ stock })} />
          <FormField id='reward-description' label='说明（可不填）' multiline value={d.description} maxlength={300} onInput={(description) => m.edit({ description })} />
          <BigButton id='reward-save' text='添加' loading={m.busy === 'create'} onClick={m.create} />
        </View>
      ) : null}
    </View>
  );
}

export function CapSection({ m }: { m: RewardsAdmin }) {
  const s = m.settings;
  return (
    <View className='card' id='cap-section'>
      <Text className='section-title'>每人每天最多记多少时长</Text>
      <ErrorRetry error={s.error} onRetry={() => void s.reload()} />
      {s.data ? (
        <Text className='vs-line' id='cap-current'>
          现在：每人每天最多 {hoursText(s.data.dailyCapMinutes)} 小时{s.data.customised ? '' : '（默认）'}
        </Text>
      ) : null}
      <FormField id='cap-hours' label='改为（小时）' type='number' value={m.cap} maxlength={5} placeholder='例如：8' onInput={m.setCap} />
      <BigButton id='cap-save' variant='secondary' text='保存上限' loading={m.busy === 'cap'} onClick={m.saveCap} />
    </View>
  );
}

export function ExportSection({ m }: { m: RewardsAdmin }) {
  return (
    <View className='card' id='export-section'>
      <Text className='section-title'>导出服务记录（Excel）</Text>
      <Text className='caption'>{m.manages ? '本社区' : '本街道各社区'}志愿者的服务记录：姓名、队伍、活动或微心愿、日期、时长。</Text>
      <PickerField id='export-from' label='从' mode='date' value={m.range.from} placeholder='开始日期' onChange={(from) => m.setRange({ from })} />
      <PickerField id='export-to' label='到' mode='date' value={m.range.to} placeholder='结束日期' onChange={(to) => m.setRange({ to })} />
      <BigButton id='export-go' text='导出 Excel' loading={m.busy === 'export'} onClick={m.exportRecords} />
    </View>
  );
}
