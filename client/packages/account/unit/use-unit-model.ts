import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { BuildingItem, CommunityItem, UnitItem } from '@contracts/org.contract';
import { useUnitPicker, type UnitPickStep } from '@/hooks/use-unit-picker';
import { setMyUnit } from '@/services/users.api';
import { errorMessage } from '@/services/request';
import { goBackOr } from '@/services/navigation';
import { Routes } from '@/services/routes';

export type UnitStep = UnitPickStep;

export function useUnitModel() {
  const picker = useUnitPicker({ loading: true });
  const { setError } = picker;
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void picker.loadCommunities();
  }, []);

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

  return {
    step: picker.step,
    communities: picker.communities ?? [],
    buildings: picker.buildings,
    units: picker.units,
    community: picker.community,
    building: picker.building,
    loading: picker.loading,
    saving,
    error: picker.error,
    chooseCommunity: (c: CommunityItem) => void picker.chooseCommunity(c),
    chooseBuilding: (b: BuildingItem) => void picker.chooseBuilding(b),
    chooseUnit: (u: UnitItem) => void chooseUnit(u),
    back: picker.back,
    retry: () => void picker.loadCommunities(),
  };
}
