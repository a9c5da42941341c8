import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { BuildingItem, CommunityItem, UnitItem } from '@contracts/org.contract';
import { listBuildings, listCommunities, listUnits } from '@/services/org.api';
import { setMyUnit } from '@/services/users.api';
import { errorMessage } from '@/services/request';
import { goBackOr } from '@/services/navigation';
import { Routes } from '@/services/routes';

export type UnitStep = 'community' | 'building' | 'unit';

export function useUnitModel() {
  const [step, setStep] = useState<UnitStep>('community');
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [buildings, setBuildings] = useState<BuildingItem[]>([]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [community, setCommunity] = useState<CommunityItem | null>(null);
  const [building, setBuilding] = useState<BuildingItem | null>(null);
  const [loading, setLoading] = useState(true);
  const [saving, setSaving] = useState(false);
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

  const loadCommunities = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setCommunities((await listCommunities()).items);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void loadCommunities();
  }, [loadCommunities]);

  const chooseCommunity = (c: CommunityItem) =>
    run(async () => {
      setBuildings((await listBuildings(c.id)).items);
      setCommunity(c);
      setStep('building');
    });

  const chooseBuilding = (b: BuildingItem) =>
    run(async () => {
      setUnits((await listUnits(b.id)).items);
      setBuilding(b);
      setStep('unit');
    });

  const chooseUnit = async (u: UnitItem) => {
    setSaving(true);
    setError(null);
    try {
      await setMyUnit(u.id);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      goBackOr(Routes.me);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const back = () => {
    setError(null);
    if (step === 'unit') setStep('building');
    else if (step === 'building') setStep('community');
  };

  return {
    step,
    communities,
    buildings,
    units,
    community,
    building,
    loading,
    saving,
    error,
    chooseCommunity: (c: CommunityItem) => void chooseCommunity(c),
    chooseBuilding: (b: BuildingItem) => void chooseBuilding(b),
    chooseUnit: (u: UnitItem) => void chooseUnit(u),
    back,
    retry: () => void loadCommunities(),
  };
}
