import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { PickerField } from '@/components/delib-staff/picker-field';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { hoursText } from '@/components/vol-staff/hours';
import '@/components/vol-staff/vol-staff.scss';
import type { RewardsAdmin } from './use-rewards-admin';

export function RewardsSection({ m }: { m: RewardsAdmin }) {
  const r = m.rewards;
  const items = r.data ?? [];
  const d = m.draft;
  return (
    <View>
      <Text className='section-title'>兑换项目</Text>
      <LoadState loading={r.loading} loaded={r.loaded} error={r.error} onRetry={() => void r.reload()} empty={items.length === 0} emptyText='还没有兑换项目。' />
      {items.map((x) => (
        <View className='card' key={x.id} id={`reward-${x.id}`}>
          <View className='ds-row'>
            <Text className='vs-title'>{x.name}</Text>
            <Text className={`ds-tag${x.active ? ' ds-tag--ok' : ''}`}>{x.active ? '可兑换' : '已下架'}</Text>
          </View>
          <Text className='vs-line'>
            需 {hoursText(x.costMinutes)} 小时 · {x.stock === null ? '数量不限' : `还剩 ${x.stock} 份`}
          </Text>
          {x.description ? <Text className='vs-line caption'>{x.description}</Text> : null}
          <BigButton id={`reward-${x.id}-toggle`} variant='plain' text={x.active ? '下架' : '重新上架'} loading={m.busy === `active-${x.id}`} onClick={() => m.toggleActive(x)} />
        </View>
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
