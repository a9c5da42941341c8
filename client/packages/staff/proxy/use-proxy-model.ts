import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CategoryConfig, ConcernCategory } from '@contracts/concerns.contract';
import { CONCERN_TEXT_MAX } from '@contracts/concerns.constants';
import type { BuildingItem, CommunityItem, UnitItem } from '@contracts/org.contract';
import type { MeResponse } from '@contracts/users.contract';
import { photoProblem, uploadedIds, usePhotoUploads, type UploadItem } from '@/hooks/use-photo-uploads';
import { useUnitPicker, type UnitPickStep } from '@/hooks/use-unit-picker';
import { createProxyConcern, listCategories } from '@/services/concerns.api';
import { listCommunities } from '@/services/org.api';
import { ApiError, errorMessage } from '@/services/request';
import { concernDetailUrl } from '@/services/routes';
import { getMe } from '@/services/users.api';
import { defaultCategories } from '@/utils/categories';
import { randomId } from '@/utils/format';

export type ProxyStep = UnitPickStep | 'form';

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
  const gridName = me?.scope?.level === 'grid' ? me.scope.name : null;
  // Only the buildings of the worker's own grid.
  const picker = useUnitPicker({ gridName, final: 'form', loading: true });
  const { step, unit, setError } = picker;
  const [categories, setCategories] = useState<CategoryConfig[] | null>(null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [submitting, setSubmitting] = useState(false);
  /** Key of the last attempt whose outcome is unknown: a retry reuses it (never two concerns). */
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);

  const edit = (change: Partial<Fields> | ((prev: Fields) => Partial<Fields>)) => {
    key.current = null;
    setFields((prev) => ({ ...prev, ...(typeof change === 'function' ? change(prev) : change) }));
  };
  const photos = usePhotoUploads(fields.photos, (change) => edit((prev) => ({ photos: change(prev.photos) })), setError);

  const load = () =>
    picker.run(async () => {
      const [user, list] = await Promise.all([getMe(), listCommunities()]);
      setMe(user);
      picker.setCommunities(list.items);
      listCategories().then((r) => setCategories(r.items)).catch(() => setCategories(null));
    });

  useEffect(() => {
    void load();
  }, []);

  const chooseUnit = (u: UnitItem) => {
    key.current = null;
    picker.pick(u);
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
    communities: picker.communities ?? [],
    buildings: picker.buildings,
    units: picker.units,
    unitLabel: picker.unitLabel,
    community: picker.community,
    building: picker.building,
    fields,
    tiles: configs.filter((c) => c.enabled).map((c) => ({ key: c.code, label: c.label })),
    placeholder: chosen?.hint || '居民反映的事情，例如：楼上漏水，厨房天花板在滴水。',
    emergencyNotice: chosen?.emergencyNotice || null,
    maxLength: CONCERN_TEXT_MAX,
    loading: picker.loading,
    submitting,
    error: picker.error,
    retryLoad: () => void load(),
    chooseCommunity: (c: CommunityItem) => void picker.chooseCommunity(c),
    chooseBuilding: (b: BuildingItem) => void picker.chooseBuilding(b),
    chooseUnit,
    back: picker.back,
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
