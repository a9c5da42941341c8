import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/page-shell/page-shell';
import { BigButton } from '@/components/big-button/big-button';
import { Notice } from '@/components/notice/notice';
import { useUnitModel } from './use-unit-model';

const StepTitle = {
  community: '第一步：选择您所在的社区',
  building: '第二步：选择楼栋',
  unit: '第三步：选择单元',
} as const;

export default function ChooseUnitPage() {
  const m = useUnitModel();
  return (
    <PageShell className='unit-page'>
      <Text className='section-title' id='unit-step-title'>
        {StepTitle[m.step]}
      </Text>
      {m.community ? (
        <Text className='muted'>
          已选：{m.community.name}
          {m.step === 'unit' && m.building ? ` ${m.building.name}` : ''}
        </Text>
      ) : null}
      {m.error ? <Notice tone='error' text={m.error} /> : null}
      {m.loading ? <Text className='muted'>正在加载…</Text> : null}

      <View className='unit-page__choices'>
        {m.step === 'community'
          ? m.communities.map((c) => (
              <BigButton
                key={c.id}
                id={`community-${c.id}`}
                variant='plain'
                text={c.name}
                onClick={() => m.chooseCommunity(c)}
              />
            ))
          : null}
        {m.step === 'building'
          ? m.buildings.map((b) => (
              <BigButton key={b.id} id={`building-${b.id}`} variant='plain' text={b.name} onClick={() => m.chooseBuilding(b)} />
            ))
          : null}
        {m.step === 'unit'
          ? m.units.map((u) => (
              <BigButton
                key={u.id}
                id={`unit-${u.id}`}
                variant='plain'
                text={u.name}
                disabled={m.saving}
                onClick={() => m.chooseUnit(u)}
              />
            ))
          : null}
      </View>

      {!m.loading && m.step === 'community' && m.error ? (
        <BigButton text='重试' variant='secondary' onClick={m.retry} />
      ) : null}
      {m.step !== 'community' ? <BigButton id='unit-back' text='上一步' variant='secondary' onClick={m.back} /> : null}
    </PageShell>
  );
}
