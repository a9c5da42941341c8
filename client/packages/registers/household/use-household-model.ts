import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { HouseholdDetail, HouseholdTag } from '@contracts/registers.contract';
import { useAction } from '@/hooks/use-action';
import { useIdParam } from '@/hooks/use-id-param';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canReadRegisters } from '@/services/permissions';
import { getHousehold, updateHousehold } from '@/services/registers.api';

export interface HouseholdDraft {
  headName: string;
  headPhone: string;
  people: string;
  tags: HouseholdTag[];
  note: string;
}

const draftOf = (h: HouseholdDetail): HouseholdDraft => ({ headName: h.headName, headPhone: h.headPhone, people: String(h.people), tags: [...h.tags], note: h.note ?? '' });

/** One household with the full phone (the read is recorded in the audit log), and its edit. */
export function useHouseholdModel() {
  const id = useIdParam();
  const household = useResource(() => getHousehold(id ?? 0));
  const gate = useRoleGate(canReadRegisters, () => (id ? household.reload() : Promise.resolve()));
  const action = useAction<string>();
  const [draft, setDraft] = useState<HouseholdDraft | null>(null);

  const save = async () => {
    if (!draft || !id) return;
    const people = Number(draft.people);
    await action.run('save', async () => {
      household.setData(await updateHousehold(id, { headName: draft.headName.trim(), headPhone: draft.headPhone.trim(), people, tags: draft.tags, note: draft.note.trim() || null }));
      setDraft(null);
    }, '已保存');
  };

  return {
    id,
    gate,
    household,
    draft,
    busy: action.busy,
    error: action.error,
    edit: () => household.data && setDraft(draftOf(household.data)),
    cancel: () => (setDraft(null), action.setError(null)),
    change: (patch: Partial<HouseholdDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d)),
    toggleTag: (t: HouseholdTag) => setDraft((d) => (d ? { ...d, tags: d.tags.includes(t) ? d.tags.filter((x) => x !== t) : [...d.tags, t] } : d)),
    save: () => void save(),
    call: () => household.data && void Taro.makePhoneCall({ phoneNumber: household.data.headPhone }).catch(() => undefined),
  };
}

export type HouseholdModel = ReturnType<typeof useHouseholdModel>;
