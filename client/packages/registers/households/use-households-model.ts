import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Page } from '@contracts/common.contract';
import type { HouseholdItem } from '@contracts/registers.contract';
import { useAction } from '@/hooks/use-action';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canReadRegisters } from '@/services/permissions';
import { exportRegister, getRegisterAreas, listHouseholds } from '@/services/registers.api';
import { Routes } from '@/services/routes';

/** 居民台账: the households of one's area by building and unit, searched by 门牌号 or 户主; staff also import and export. */
export function useHouseholdsModel() {
  const areas = useResource(getRegisterAreas);
  const [buildingId, setBuildingId] = useState<number | null>(null);
  const [unitId, setUnitId] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const fetchPage = useCallback(
    async (cursor: string | null): Promise<Page<HouseholdItem>> => {
      const page = await listHouseholds({ buildingId: buildingId ?? undefined, unitId: unitId ?? undefined, q: q || undefined, after: cursor ? Number(cursor) : undefined });
      return { items: page.items, nextCursor: page.nextAfter === null ? null : String(page.nextAfter) };
    },
    [buildingId, unitId, q],
  );
  const list = usePagedList(fetchPage);
  // Every show of the page (e.g. back from an import): the filters' buildings and the list again.
  const gate = useRoleGate(canReadRegisters, () => Promise.all([areas.reload(), list.reload()]));
  const action = useAction<string>();
  const ready = useRef(false);
  ready.current = gate.ready;
  const { reload } = list;
  const first = useRef(true);
  useEffect(() => {
    // A new filter or search: the first page again (the first load is the gate's).
    if (first.current) first.current = false;
    else if (ready.current) void reload();
  }, [reload]);

  const buildings = areas.data?.buildings ?? [];
  const building = buildings.find((b) => b.id === buildingId) ?? null;
  return {
    gate,
    areas,
    list,
    buildings,
    building,
    buildingId,
    unitId,
    canManage: areas.data?.canManage ?? false,
    draft,
    setDraft,
    busy: action.busy,
    error: action.error,
    chooseBuilding: (id: number) => {
      setBuildingId(id === 0 ? null : id);
      setUnitId(null);
    },
    chooseUnit: (id: number) => setUnitId(id === 0 ? null : id),
    search: () => setQ(draft.trim()),
    open: (h: HouseholdItem) => void Taro.navigateTo({ url: `${Routes.registersHousehold}?id=${h.id}` }),
    goImport: () => void Taro.navigateTo({ url: Routes.registersImport }),
    goLeaders: () => void Taro.navigateTo({ url: Routes.registersLeaders }),
    exportSheet: () => void action.run('export', exportRegister, '已导出'),
  };
}

export type HouseholdsModel = ReturnType<typeof useHouseholdsModel>;
