import { Input, Text, Textarea, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import type { CategoryConfig } from '@contracts/concerns.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorRetry } from '@/components/error-retry/error-retry';
import { InfoRow } from '@/components/info-row/info-row';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import { hoursText, useCategoriesModel } from './use-categories-model';
import './index.scss';

type Model = ReturnType<typeof useCategoriesModel>;

function Editor({ m }: { m: Model }) {
  const f = m.fields;
  if (!f) return null;
  return (
    <View className='category-editor'>
      <View className='category-editor__row'>
        <Text className='category-editor__label'>{f.enabled ? '受理这类问题' : '暂不受理这类问题'}</Text>
        <Switch id='category-enabled' className='big-switch' checked={f.enabled} loadingIcon={null} ariaLabel='受理这类问题' onChange={(v: boolean) => m.setEnabled(v)} />
      </View>
      <Text className='category-editor__label'>填写提示（居民写问题时看到）</Text>
      <Textarea id='category-hint' className='category-editor__textarea' value={f.hint} maxlength={200} placeholder='例如：哪一层？还在漏吗？' onInput={(e) => m.setHint(e.detail.value)} />
      <Text className='category-editor__label'>紧急提醒（提交前醒目显示，可不填）</Text>
      <Textarea id='category-emergency' className='category-editor__textarea' value={f.emergencyNotice} maxlength={300} placeholder='例如：闻到燃气味请立即拨打 119' onInput={(e) => m.setEmergencyNotice(e.detail.value)} />
      <Text className='category-editor__label'>办理时限（小时）</Text>
      <Input id='category-hours' className='category-editor__input' type='number' value={f.resolveHours} maxlength={4} onInput={(e) => m.setResolveHours(e.detail.value)} />
      {m.saveError ? <Notice tone='error' text={m.saveError} id='category-save-error' /> : null}
      <BigButton id='category-save' text='保存' loading={m.saving} onClick={m.save} />
      <BigButton id='category-cancel' variant='plain' text='取消' onClick={m.cancel} />
    </View>
  );
}

function CategoryCard({ c, m }: { c: CategoryConfig; m: Model }) {
  const editing = m.editing === c.code;
  return (
    <View className={`card${c.enabled ? '' : ' category-card--off'}`} id={`category-card-${c.code}`}>
      <Text className='section-title'>
        {c.label}
        {c.enabled ? '' : '（暂不受理）'}
      </Text>
      {editing ? (
        <Editor m={m} />
      ) : (
        <View>
          <InfoRow label='办理时限' value={hoursText(c.resolveHours)} />
          <InfoRow label='填写提示' value={c.hint ?? '无'} />
          <InfoRow label='紧急提醒' value={c.emergencyNotice ?? '无'} />
          {m.canEdit && !m.editing ? <BigButton id={`category-edit-${c.code}`} variant='secondary' text='修改' onClick={() => m.edit(c)} /> : null}
        </View>
      )}
    </View>
  );
}

export default function StaffCategoriesPage() {
  const m = useCategoriesModel();
  return (
    <PageShell className='staff-categories-page'>
      <Text className='caption'>这里的设置只对本社区生效。</Text>
      <ErrorRetry error={m.error} onRetry={() => void m.reload()} />
      {!m.loaded && !m.error ? <Text className='muted'>正在加载…</Text> : null}
      {m.items.map((c) => (
        <CategoryCard key={c.code} c={c} m={m} />
      ))}
    </PageShell>
  );
}
