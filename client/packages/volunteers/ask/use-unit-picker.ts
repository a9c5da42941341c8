import { useState } from 'react';
import type { BuildingItem, CommunityItem, UnitItem } from '@contracts/org.contract';
import { listBuildings, listCommunities, listUnits } from '@/services/org.api';
import { errorMessage } from '@/services/request';

export type PickStep = 'community' | 'building' | 'unit' | 'done';

export interface PickedUnit {
  id: number;
  label: string;
}

/**
 * 代人求助: the grid worker picks the resident's unit in their own grid (community → building of their grid →
 * unit), as on the concerns 代办 page. The server checks again that the unit is in the worker's grid.
 */
export function useUnitPicker(gridName: string | null) {
  const [step, setStep] = useState<PickStep>('community');
  const [communities, setCommunities] = useState<CommunityItem[] | null>(null);
  const [buildings, setBuildings] = useState<BuildingItem[]>([]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [community, setCommunity] = useState<CommunityItem | null>(null);
  const [building, setBuilding] = useState<BuildingItem | null>(null);
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [loading, setLoading] = useState(false);
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

  const start = () => run(async () => setCommunities((await listCommunities()).items));

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

  const chooseUnit = (u: UnitItem) => {
    setUnit({ id: u.id, label: `${community?.name ?? ''} ${building?.name ?? ''} ${u.name}`.trim() });
    setStep('done');
  };

  const back = () => {
    setError(null);
    if (step === 'done') setStep('unit');
    else if (step === 'unit') setStep('building');
    else if (step === 'building') setStep('community');
  };

  return { step, communities, buildings, units, unit, loading, error, start: () => void start(), chooseCommunity, chooseBuilding, chooseUnit, back };
}

export type UnitPicker = ReturnType<typeof useUnitPicker>;
