import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { Notice } from '@/components/notice/notice';
import type { SettingsSection } from './use-settings-section';

export function SettingsView({ m }: { m: SettingsSection }) {
  const s = m.settings.data;
  return (
    <View>
      <LoadState loading={m.settings.loading} loaded={m.settings.loaded} error={m.settings.error} onRetry={() => void m.settings.reload()} empty={false} emptyText='' />
      {s ? (
        <View className='card' id='settings-form'>
          <Text className='caption'>{s.customised ? '本社区的设置。' : '目前用的是默认值，可以按本社区情况修改。'}</Text>
          <FormField
            id='settings-threshold'
            label='议题需要多少位居民支持才排队上会'
            type='number'
            value={m.threshold}
            onInput={m.setThreshold}
            hint='包括提出议题的居民本人'
          />
          <FormField id='settings-slots' label='每场议事最多几项议程' type='number' value={m.slots} onInput={m.setSlots} />
          {m.error ? <Notice tone='error' text={m.error} id='settings-error' /> : null}
          <BigButton id='settings-save' text='保存' loading={m.saving} onClick={m.save} />
        </View>
      ) : null}
    </View>
  );
}
