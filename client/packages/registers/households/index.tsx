import { Input, Text, View } from '@tarojs/components';
import type { HouseholdItem } from '@contracts/registers.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { LoadState } from '@/components/delib-staff/load-state';
import { StaffGate } from '@/components/delib-staff/staff-gate';
import { LoadMore } from '@/components/load-more/load-more';
import { Notice } from '@/components/notice/notice';
import { PageShell } from '@/components/page-shell/page-shell';
import '@/components/delib-staff/delib-staff.scss';
import '@/components/vol-staff/vol-staff.scss';
import '../registers.scss';
import { useHouseholdsModel, type HouseholdsModel } from './use-households-model';

const DENIED = '居民台账由网格员、社区和街道工作人员使用。';

function HouseholdRow({ h, onOpen }: { h: HouseholdItem; onOpen: () => void }) {
  return (
    <View className='vs-item' id={`household-${h.id}`} onClick={onOpen}>
      <Text className='vs-title'>{`${h.buildingName}${h.unitName} ${h.room}`}</Text>
      <Text className='vs-line'>{`户主 ${h.headName} · ${h.people} 人 · 电话 ${h.headPhoneMasked ?? '未登记'}`}</Text>
      {h.tags.length ? <Text className='rg-tags'>{h.tags.join('、')}</Text> : null}
    </View>
  );
}

function Filters({ m }: { m: HouseholdsModel }) {
  const many = new Set(m.buildings.map((b) => b.communityId)).size > 1;
  const buildingChoices = [{ key: 0, label: '全部楼栋' }, ...m.buildings.map((b) => ({ key: b.id, label: many ? `${b.communityName} ${b.name}` : b.name }))];
  return (
    <View className='card'>
      <ChoiceChips idPrefix='rg-building' choices={buildingChoices} selected={m.buildingId ?? 0} onSelect={m.chooseBuilding} />
      {m.building ? (
        <ChoiceChips
          idPrefix='rg-unit'
          choices={[{ key: 0, label: '全部单元' }, ...m.building.units.map((u) => ({ key: u.id, label: `${u.name}（${u.households} 户）` }))]}
          selected={m.unitId ?? 0}
          onSelect={m.chooseUnit}
        />
      ) : null}
      <Input id='rg-search' className='rg-search' value={m.draft} maxlength={20} placeholder='门牌号或户主姓名' onInput={(e) => m.setDraft(e.detail.value)} onConfirm={m.search} />
      <BigButton id='rg-search-go' variant='secondary' text='搜索' onClick={m.search} />
    </View>
  );
}

export default function RegisterHouseholdsPage() {
  const m = useHouseholdsModel();
  const g = m.gate;
  return (
    <PageShell className='registers-households-page'>
      <StaffGate meError={g.meError} onRetry={g.retryMe} ready={g.ready} denied={g.denied} deniedText={DENIED}>
        {m.canManage ? (
          <View className='card'>
            <BigButton id='rg-import' text='导入台账（Excel 表格）' onClick={m.goImport} />
            <BigButton id='rg-export' variant='secondary' text='导出台账' loading={m.busy === 'export'} onClick={m.exportSheet} />
          </View>
        ) : null}
        <BigButton id='rg-leaders' variant='plain' text='网格长和楼栋长' onClick={m.goLeaders} />
        {m.error ? <Notice tone='error' id='rg-error' text={m.error} /> : null}
        <LoadState loading={m.areas.loading} loaded={m.areas.loaded} error={m.areas.error} onRetry={() => void m.areas.reload()} empty={m.buildings.length === 0} emptyText='您负责的范围里还没有楼栋。' />
        {m.buildings.length ? <Filters m={m} /> : null}
        <LoadState loading={m.list.loading} loaded={m.list.loaded} error={m.list.error} onRetry={() => void m.list.reload()} empty={m.list.items.length === 0} emptyText='没有找到住户。' id='rg-empty' />
        {m.list.items.map((h) => (
          <HouseholdRow key={h.id} h={h} onOpen={() => m.open(h)} />
        ))}
        {m.list.items.length ? <LoadMore hasMore={m.list.hasMore} loading={m.list.loading} onLoadMore={() => void m.list.loadMore()} /> : null}
      </StaffGate>
    </PageShell>
  );
}
