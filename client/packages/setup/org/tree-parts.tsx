import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { USUAL_HOUSEHOLDS, type SetupBuilding, type SetupCommunity, type SetupGrid, type SetupKind } from '@contracts/setup.contract';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips } from '@/components/choice-chips/choice-chips';
import { FormField } from '@/components/delib-staff/form-field';
import { Notice } from '@/components/notice/notice';
import { keyOf, type OrgModel, type SetupTarget } from './use-org-model';

/** The open form, shown under the card it belongs to: name (and households for a grid), or the grid to move to. */
export function EditorSlot({ at, m, grids }: { at: string; m: OrgModel; grids?: SetupGrid[] }) {
  const e = m.editor;
  if (!e || e.at !== at) return null;
  const isGrid = e.op !== 'move' && e.kind === 'grids';
  return (
    <View className='setup-form' id='setup-form'>
      <Text className='setup-form__title'>{e.title}</Text>
      {e.op === 'move' ? (
        <ChoiceChips
          idPrefix='setup-move-to'
          selected={m.moveTo}
          onSelect={m.setMoveTo}
          choices={(grids ?? []).filter((g) => !g.retired && g.id !== e.fromGridId).map((g) => ({ key: g.id, label: g.name }))}
        />
      ) : (
        <FormField id='setup-name-input' label='名称' value={m.name} onInput={m.setName} maxlength={50} placeholder={placeholder(e.kind)} />
      )}
      {isGrid ? (
        <FormField id='setup-households-input' label='覆盖户数' type='number' value={m.households} onInput={m.setHouseholds} maxlength={4}
          hint={`一般一个网格 ${USUAL_HOUSEHOLDS} 户；不知道可以先空着`} />
      ) : null}
      {e.op === 'move' ? <Text className='plain-line caption'>楼里居民的网格随楼栋一起调整；已经提出的问题仍留在原网格处理。</Text> : null}
      {m.error ? <Notice tone='error' id='setup-form-error' text={m.error} /> : null}
      <View className='ds-actions'>
        <BigButton id='setup-save' className='ds-actions__button' text='保存' loading={m.busy === 'save'} onClick={m.save} />
        <BigButton id='setup-cancel' className='ds-actions__button' variant='plain' text='取消' onClick={m.cancel} />
      </View>
    </View>
  );
}

const placeholder = (kind: SetupKind) =>
  ({ communities: '例如：采三社区', grids: '例如：第4网格', buildings: '例如：10号楼', units: '例如：1单元', departments: '例如：城管局', 'volunteer-teams': '例如：邻里互助暖心行' })[kind];

/** 改名 / 停用, or 恢复 for a retired item; `extra` buttons go first. */
export function ItemActions({ t, retired, m, canEdit, onEdit, children }: {
  t: SetupTarget; retired: boolean; m: OrgModel; canEdit: boolean; onEdit?: () => void; children?: ReactNode;
}) {
  if (!canEdit) return null;
  const key = keyOf(t.kind, t.id);
  const id = `setup-${key}`;
  if (retired) {
    return (
      <View className='ds-actions'>
        <BigButton id={`${id}-restore`} className='ds-actions__button' variant='secondary' text='恢复' loading={m.busy === `restore-${key}`} onClick={() => m.restore(t)} />
      </View>
    );
  }
  return (
    <View className='ds-actions'>
      {children}
      <BigButton id={`${id}-rename`} className='ds-actions__button' variant='secondary' text={t.kind === 'grids' ? '改名 / 户数' : '改名'} onClick={onEdit ?? (() => m.startEdit(t))} />
      <BigButton id={`${id}-retire`} className='ds-actions__button' variant='plain' text='停用' loading={m.busy === `retire-${key}`} onClick={() => m.retire(t)} />
    </View>
  );
}

export function Title({ name, retired, tag }: { name: string; retired: boolean; tag?: string }) {
  return (
    <View className='ds-row'>
      <Text className='setup-title'>{name}</Text>
      {retired ? <Text className='ds-tag ds-tag--bad'>已停用</Text> : tag ? <Text className='ds-tag'>{tag}</Text> : null}
    </View>
  );
}

function UnitRow({ u, m }: { u: SetupBuilding['units'][number]; m: OrgModel }) {
  const t = { kind: 'units' as const, id: u.id, name: u.name };
  return (
    <View className='setup-unit' id={`setup-units-${u.id}`}>
      <Title name={u.name} retired={u.retired} tag={u.residents ? `居民 ${u.residents} 人` : undefined} />
      <ItemActions t={t} retired={u.retired} m={m} canEdit />
      <EditorSlot at={keyOf('units', u.id)} m={m} />
    </View>
  );
}

function BuildingCard({ b, grids, communityId, m }: { b: SetupBuilding; grids: SetupGrid[]; communityId: number; m: OrgModel }) {
  const key = keyOf('buildings', b.id);
  const t = { kind: 'buildings' as const, id: b.id, name: b.name };
  const open = !!m.open[key];
  return (
    <View className='setup-card setup-card--building' id={`setup-${key}`}>
      <Title name={b.name} retired={b.retired} tag={`${b.units.filter((u) => !u.retired).length} 个单元`} />
      <BigButton id={`setup-${key}-toggle`} variant='plain' text={open ? '收起单元' : '查看单元'} onClick={() => m.toggle(key)} />
      <ItemActions t={t} retired={b.retired} m={m} canEdit>
        <BigButton id={`setup-${key}-move`} className='ds-actions__button' variant='secondary' text='调到别的网格' onClick={() => m.startMove(b.id, communityId, b.gridId)} />
      </ItemActions>
      <EditorSlot at={key} m={m} grids={grids} />
      {open ? (
        <View className='setup-children'>
          {b.units.map((u) => <UnitRow key={u.id} u={u} m={m} />)}
          {!b.retired ? <BigButton id={`setup-${key}-add-unit`} variant='secondary' text='＋ 新建单元' onClick={() => m.startCreate('units', b.id, `${key}-new`)} /> : null}
          <EditorSlot at={`${key}-new`} m={m} />
        </View>
      ) : null}
    </View>
  );
}

function GridCard({ g, c, m }: { g: SetupGrid; c: SetupCommunity; m: OrgModel }) {
  const key = keyOf('grids', g.id);
  const t = { kind: 'grids' as const, id: g.id, name: g.name };
  const open = !!m.open[key];
  return (
    <View className='setup-card setup-card--grid' id={`setup-${key}`}>
      <Title name={g.name} retired={g.retired} />
      <Text className='setup-line' id={`setup-${key}-households`}>覆盖户数：{g.households === null ? `未填写（一般 ${USUAL_HOUSEHOLDS} 户）` : `${g.households} 户`}</Text>
      <Text className='setup-line'>网格员：{g.gridWorkerName ?? '还没有'}</Text>
      <Text className='setup-line caption'>楼栋 {g.buildingCount} 栋 · 单元 {g.unitCount} 个 · 已登记居民 {g.residentCount} 人</Text>
      <BigButton id={`setup-${key}-toggle`} variant='plain' text={open ? '收起楼栋' : '查看楼栋'} onClick={() => m.toggle(key)} />
      <ItemActions t={t} retired={g.retired} m={m} canEdit onEdit={() => m.startEdit(t, g.households)} />
      <EditorSlot at={key} m={m} />
      {open ? (
        <View className='setup-children'>
          {g.buildings.map((b) => <BuildingCard key={b.id} b={b} grids={c.grids} communityId={c.id} m={m} />)}
          {!g.retired ? <BigButton id={`setup-${key}-add-building`} variant='secondary' text='＋ 新建楼栋' onClick={() => m.startCreate('buildings', g.id, `${key}-new`)} /> : null}
          <EditorSlot at={`${key}-new`} m={m} />
        </View>
      ) : null}
    </View>
  );
}

export function CommunityCard({ c, m, canEditCommunity }: { c: SetupCommunity; m: OrgModel; canEditCommunity: boolean }) {
  const key = keyOf('communities', c.id);
  const t = { kind: 'communities' as const, id: c.id, name: c.name };
  const open = !!m.open[key];
  return (
    <View className='card setup-card' id={`setup-${key}`}>
      <Title name={c.name} retired={c.retired} tag={`${c.grids.filter((g) => !g.retired).length} 个网格`} />
      <BigButton id={`setup-${key}-toggle`} variant='secondary' text={open ? '收起网格' : '查看网格'} onClick={() => m.toggle(key)} />
      <ItemActions t={t} retired={c.retired} m={m} canEdit={canEditCommunity} />
      <EditorSlot at={key} m={m} />
      {open ? (
        <View className='setup-children'>
          {c.grids.map((g) => <GridCard key={g.id} g={g} c={c} m={m} />)}
          {!c.retired ? (
            <View className='ds-actions'>
              <BigButton id={`setup-${key}-add-grid`} className='ds-actions__button' text='＋ 新建网格' onClick={() => m.startCreate('grids', c.id, `${key}-new`)} />
              <BigButton id={`setup-${key}-add-team`} className='ds-actions__button' variant='secondary' text='＋ 社区志愿服务队' onClick={() => m.startCreate('volunteer-teams', c.id, `${key}-new`)} />
            </View>
          ) : null}
          <EditorSlot at={`${key}-new`} m={m} />
        </View>
      ) : null}
    </View>
  );
}
