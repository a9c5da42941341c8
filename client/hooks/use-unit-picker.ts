import { useState } from 'react';
import type { BuildingItem, CommunityItem, UnitItem } from '@contracts/org.contract';
import { listBuildings, listCommunities, listUnits } from '@/services/org.api';
import { errorMessage } from '@/services/request';

export type UnitPickStep = 'community' | 'building' | 'unit';

interface Options<Final extends string> {
  /** Only the buildings of this grid (a grid worker acting for a resident of their grid); null: all of them. */
  gridName?: string | null;
  /** The step after a unit is chosen with `pick` (代办 'form', 代人求助 'done'); none when choosing ends the page. */
  final?: Final;
  /** The page loads the communities as it opens. */
  loading?: boolean;
}

/**
 * Community → building → unit, one list at a time: 我的房屋 (account/unit), 代办 (staff/proxy) and 代人求助
 * (volunteers/ask). `loading` and `error` are the page's own too: its other work goes through `run` and `setError`.
 */
export function useUnitPicker<Final extends string = never>({ gridName = null, final, loading: startLoading = false }: Options<Final> = {}) {
  const [step, setStep] = useState<UnitPickStep | Final>('community');
  const [communities, setCommunities] = useState<CommunityItem[] | null>(null);
  const [buildings, setBuildings] = useState<BuildingItem[]>([]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [community, setCommunity] = useState<CommunityItem | null>(null);
  const [building, setBuilding] = useState<BuildingItem | null>(null);
  const [unit, setUnit] = useState<UnitItem | null>(null);
  const [loading, setLoading] = useState(startLoading);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setLoading(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const loadCommunities = () => run(async () => setCommunities((await listCommunities()).items));

  const chooseCommunity = (c: CommunityItem) =>
    run(async () => {
      const all = (await listBuildings(c.id)).items;
      setBuildings(gridName ? all.filter((b) => b.gridName === gridName) : all);
      setCommunity(c);
      setStep('building');
    });

  const chooseBuilding = (b: BuildingItem) =>
    run(async () => {
      setUnits((await listUnits(b.id)).items);
      setBuilding(b);
      setStep('unit');
    });

  /** The unit is chosen: on to the final step. */
  const pick = (u: UnitItem) => {
    setUnit(u);
    setError(null);
    if (final) setStep(final);
  };

  const back = () => {
    setError(null);
    if (final && step === final) setStep('unit');
    else if (step === 'unit') setStep('building');
    else if (step === 'building') setStep('community');
  };

  return {
    step,
    communities,
    setCommunities,
    buildings,
    units,
    community,
    building,
    unit,
    /** "社区 楼栋 单元" of the picked unit, '' before one is picked. */
    unitLabel: community && building && unit ? `${community.name} ${building.name} ${unit.name}` : '',
    loading,
    error,
    setError,
    run,
    loadCommunities,
    chooseCommunity,
    chooseBuilding,
    pick,
    back,
  };
}

export type UnitPicker<Final extends string = never> = ReturnType<typeof useUnitPicker<Final>>;
