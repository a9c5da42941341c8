import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { FormField } from '@/components/delib-staff/form-field';
import { LoadState } from '@/components/delib-staff/load-state';
import { Notice } from '@/components/notice/notice';
import type { RepresentativesSection } from './use-representatives-section';

export function RepresentativesView({ m }: { m: RepresentativesSection }) {
  const list = m.reps.data ?? [];
  return (
    <View>
      <Text className='caption'>居民代表可以使用每场议事预留的座位。</Text>
      <LoadState loading={m.reps.loading} loaded={m.reps.loaded} error={m.reps.error} onRetry={() => void m.reps.reload()} empty={list.length === 0} emptyText='还没有居民代表。' />
      {list.map((r) => (
        <View className='card ds-row' key={r.userId} id={`rep-${r.userId}`}>
          <Text className='section-title'>{r.name}</Text>
          <BigButton id={`rep-${r.userId}-remove`} className='series-rep__remove' variant='plain' text='移除' loading={m.busy === `remove-${r.userId}`} onClick={() => m.remove(r)} />
        </View>
      ))}

      <Text className='section-title'>添加居民代表</Text>
      {m.canSearch ? (
        <View className='card'>
          <FormField id='rep-search' label='按姓名查找本社区居民' value={m.query} maxlength={30} placeholder='例如：王' onInput={m.setQuery} />
          <BigButton id='rep-search-go' variant='secondary' text='查找' loading={m.searching} onClick={m.search} />
          {m.found && m.found.length === 0 ? <Text className='plain-line muted'>没有找到这位居民。</Text> : null}
          {(m.found ?? []).map((c) => (
            <View className='series-candidate' key={c.userId} id={`rep-candidate-${c.userId}`}>
              <Text className='ds-step__text'>
                {c.name}
                {c.unitLabel ? ` · ${c.unitLabel}` : ''}
              </Text>
              <BigButton variant='secondary' text={`设 ${c.name} 为居民代表`} loading={m.busy === `add-${c.userId}`} onClick={() => m.add(c)} />
            </View>
          ))}
        </View>
      ) : null}
      {m.noSession ? <Text className='plain-line muted'>请先建立每周议事，才能在这里查找居民。</Text> : null}
      {m.error ? <Notice tone='error' text={m.error} id='rep-error' /> : null}
    </View>
  );
}
