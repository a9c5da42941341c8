import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CategoryConfig, ConcernCategory } from '@contracts/concerns.contract';
import { useMe } from '@/hooks/use-me';
import { listCategories, updateCategory } from '@/services/concerns.api';
import { canConfigureCategories } from '@/services/permissions';
import { errorMessage } from '@/services/request';

export const RESOLVE_HOURS_MAX = 24 * 90;

export interface CategoryEdit {
  hint: string;
  emergencyNotice: string;
  resolveHours: string;
  enabled: boolean;
}

const toEdit = (c: CategoryConfig): CategoryEdit => ({
  hint: c.hint ?? '',
  emergencyNotice: c.emergencyNotice ?? '',
  resolveHours: String(c.resolveHours),
  enabled: c.enabled,
});

/** "72 小时（3 天）": the resolve time in plain words. */
export function hoursText(hours: number): string {
  return hours % 24 === 0 ? `${hours} 小时（${hours / 24} 天）` : `${hours} 小时`;
}

/** Community staff: the hint, emergency notice, time to resolve and on/off of each category, for their community. */
export function useCategoriesModel() {
  const [items, setItems] = useState<CategoryConfig[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<ConcernCategory | null>(null);
  const [fields, setFields] = useState<CategoryEdit | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    setError(null);
    try {
      setItems((await listCategories()).items);
      setLoaded(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  const { me } = useMe(reload);

  const edit = (c: CategoryConfig) => {
    setEditing(c.code);
    setFields(toEdit(c));
    setSaveError(null);
  };

  const save = async () => {
    if (!editing || !fields) return;
    const hours = Number(fields.resolveHours);
    if (!Number.isInteger(hours) || hours < 1 || hours > RESOLVE_HOURS_MAX) {
      setSaveError(`办理时限请填 1 到 ${RESOLVE_HOURS_MAX} 之间的整数（小时）`);
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const res = await updateCategory(editing, {
        hint: fields.hint.trim() || null,
        emergencyNotice: fields.emergencyNotice.trim() || null,
        resolveHours: hours,
        enabled: fields.enabled,
      });
      setItems(res.items);
      setEditing(null);
      setFields(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const change = (patch: Partial<CategoryEdit>) => setFields((prev) => (prev ? { ...prev, ...patch } : prev));

  return {
    items,
    loaded,
    error,
    reload,
    canEdit: canConfigureCategories(me?.role),
    editing,
    fields,
    saving,
    saveError,
    edit,
    cancel: () => {
      setEditing(null);
      setFields(null);
      setSaveError(null);
    },
    save: () => void save(),
    setHint: (hint: string) => change({ hint: hint.slice(0, 200) }),
    setEmergencyNotice: (emergencyNotice: string) => change({ emergencyNotice: emergencyNotice.slice(0, 300) }),
    setResolveHours: (resolveHours: string) => change({ resolveHours: resolveHours.replace(/\D/g, '').slice(0, 4) }),
    setEnabled: (enabled: boolean) => change({ enabled }),
  };
}
