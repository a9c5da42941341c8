import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { Notice } from '@/components/notice/notice';
import type { UnitPicker } from '@/hooks/use-unit-picker';

const StepTitle = {
  community: '第一步：选择居民所在的社区',
  building: '第二步：选择楼栋',
  unit: '第三步：选择单元',
} as const;

/** 代人求助: community → building of my grid → unit, one big button each. */
export function UnitSteps({ p, gridName }: { p: UnitPicker<'done'>; gridName: string | null }) {
  if (p.step === 'done') return null;
  return (
    <View id='ask-unit-steps'>
      <Text className='section-title' id='ask-step-title'>
        {StepTitle[p.step]}
      </Text>
      {p.step === 'building' && gridName ? <Text className='muted'>只列出您负责的{gridName}的楼栋</Text> : null}
      {p.loading ? <Text className='muted'>正在加载…</Text> : null}
      {p.error ? <Notice tone='error' text={p.error} id='ask-unit-error' /> : null}
      {p.step === 'community' && p.error ? <BigButton text='重试' variant='secondary' onClick={() => void p.loadCommunities()} /> : null}
      {p.step === 'community' ? (p.communities ?? []).map((c) => <BigButton key={c.id} id={`ask-community-${c.id}`} variant='plain' text={c.name} onClick={() => void p.chooseCommunity(c)} />) : null}
      {p.step === 'building' && !p.loading && p.buildings.length === 0 ? (
        <Text className='plain-line muted'>这个社区里没有您网格的楼栋，请返回换一个社区。</Text>
      ) : null}
      {p.step === 'building' ? p.buildings.map((b) => <BigButton key={b.id} id={`ask-building-${b.id}`} variant='plain' text={b.name} onClick={() => void p.chooseBuilding(b)} />) : null}
      {p.step === 'unit' ? p.units.map((u) => <BigButton key={u.id} id={`ask-unit-${u.id}`} variant='plain' text={u.name} onClick={() => p.pick(u)} />) : null}
      {p.step !== 'community' ? <BigButton id='ask-unit-back' variant='secondary' text='上一步' onClick={p.back} /> : null}
    </View>
  );
}
