import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CategoryConfig, ConcernCategory } from '@contracts/concerns.contract';
import { CONCERN_TEXT_MAX } from '@contracts/concerns.constants';
import type { BuildingItem, CommunityItem, UnitItem } from '@contracts/org.contract';
import type { MeResponse } from '@contracts/users.contract';
import { photoProblem, uploadedIds, usePhotoUploads, type UploadItem } from '@/hooks/use-photo-uploads';
import { createProxyConcern, listCategories } from '@/services/concerns.api';
import { listBuildings, listCommunities, listUnits } from '@/services/org.api';
import { ApiError, errorMessage } from '@/services/request';
import { concernDetailUrl } from '@/services/routes';
import { getMe } from '@/services/users.api';
import { defaultCategories } from '@/utils/categories';
import { randomId } from '@/utils/format';

export type ProxyStep = 'community' | 'building' | 'unit' | 'form';

interface Fields {
  residentName: string;
  residentPhone: string;
  category: ConcernCategory | null;
  text: string;
  photos: UploadItem[];
}

const EMPTY: Fields = { residentName: '', residentPhone: '', category: null, text: '', photos: [] };
const PHONE = /^1\d{10}$/;

function problemOf(f: Fields): string | null {
  if (!f.residentName.trim()) return '请填写居民姓名';
  if (f.residentPhone.trim() && !PHONE.test(f.residentPhone.trim())) return '手机号应为 11 位数字，以 1 开头；没有可不填';
  if (!f.category) return '请选择问题类别';
  if (!f.text.trim()) return '请写下居民反映的事情';
  return photoProblem(f.photos);
}

/**
 * 代办: the grid worker picks the resident's unit in their own grid (community → building of their
 * grid → unit), then writes down the concern. The server checks the unit is in the worker's grid.
 */
export function useProxyModel() {
  const [me, setMe] = useState<MeResponse | null>(null);
  const [step, setStep] = useState<ProxyStep>('community');
  const [communities, setCommunities] = useState<CommunityItem[]>([]);
  const [buildings, setBuildings] = useState<BuildingItem[]>([]);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [community, setCommunity] = useState<CommunityItem | null>(null);
  const [building, setBuilding] = useState<BuildingItem | null>(null);
  const [unit, setUnit] = useState<UnitItem | null>(null);
  const [categories, setCategories] = useState<CategoryConfig[] | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [loading, setLoading] = useState(true);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Key of the last attempt whose outcome is unknown: a retry reuses it (never two concerns). */
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);

  const edit = (change: Partial<Fields> | ((prev: Fields) => Partial<Fields>)) => {
    key.current = null;
    setFields((prev) => ({ ...prev, ...(typeof change === 'function' ? change(prev) : change) }));
  };
  const photos = usePhotoUploads(fields.photos, (change) => edit((prev) => ({ photos: change(prev.photos) })), setError);

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

  const load = () =>
    run(async () => {
      const [user, list] = await Promise.all([getMe(), listCommunities()]);
      setMe(user);
      setCommunities(list.items);
      listCategories().then((r) => setCategories(r.items)).catch(() => setCategories(null));
    });

  useEffect(() => {
    void load();
  }, []);

  const gridName = me?.scope?.level === 'grid' ? me.scope.name : null;

  const chooseCommunity = (c: CommunityItem) =>
    run(async () => {
      const all = (await listBuildings(c.id)).items;
      // Only the buildings of the worker's own grid.
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
    key.current = null;
    setUnit(u);
    setError(null);
    setStep('form');
  };

  const back = () => {
    setError(null);
    if (step === 'form') setStep('unit');
    else if (step === 'unit') setStep('building');
    else if (step === 'building') setStep('community');
  };

  const submit = async () => {
    if (inFlight.current || !unit) return;
    const problem = problemOf(fields);
    if (problem) {
      setError(problem);
      return;
    }
    const attemptKey = key.current ?? randomId();
    key.current = attemptKey;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const phone = fields.residentPhone.trim();
      const created = await createProxyConcern(
        {
          unitId: unit.id,
          residentName: fields.residentName.trim(),
          ...(phone ? { residentPhone: phone } : {}),
          category: fields.category as ConcernCategory,
          text: fields.text.trim(),
          photoIds: uploadedIds(fields.photos),
          isPublic: false,
        },
        attemptKey,
      );
      void Taro.showToast({ title: '已代为提交', icon: 'success' });
      void Taro.redirectTo({ url: concernDetailUrl(created.id) });
    } catch (e) {
      setError(errorMessage(e));
      if (!(e instanceof ApiError && e.outcomeUnknown)) key.current = null;
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const configs = categories ?? defaultCategories;
  const chosen = configs.find((c) => c.code === fields.category);

  return {
    step,
    gridName,
    communities,
    buildings,
    units,
    unitLabel: community && building && unit ? `${community.name} ${building.name} ${unit.name}` : '',
    community,
    building,
    fields,
    tiles: configs.filter((c) => c.enabled).map((c) => ({ key: c.code, label: c.label })),
    placeholder: chosen?.hint || '居民反映的事情，例如：楼上漏水，厨房天花板在滴水。',
    emergencyNotice: chosen?.emergencyNotice || null,
    maxLength: CONCERN_TEXT_MAX,
    loading,
    submitting,
    error,
    retryLoad: () => void load(),
    chooseCommunity: (c: CommunityItem) => void chooseCommunity(c),
    chooseBuilding: (b: BuildingItem) => void chooseBuilding(b),
    chooseUnit,
    back,
    setName: (residentName: string) => edit({ residentName: residentName.slice(0, 30) }),
    setPhone: (residentPhone: string) => edit({ residentPhone: residentPhone.replace(/\s/g, '').slice(0, 11) }),
    setCategory: (category: ConcernCategory) => edit({ category }),
    setText: (text: string) => edit({ text: text.slice(0, CONCERN_TEXT_MAX) }),
    photoMax: photos.max,
    addPhotos: photos.add,
    removePhoto: photos.remove,
    retryPhoto: photos.retry,
    submit: () => void submit(),
  };
}
