import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { HouseholdDetail, HouseholdTag } from '@contracts/registers.contract';
import { useAction } from '@/hooks/use-action';
import { useIdParam } from '@/hooks/use-id-param';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canReadRegisters } from '@/services/permissions';
import { getHousehold, updateHousehold } from '@/services/registers.api';
import { memberDraftOf, memberInputOf, membersProblem, newMemberDraft, type MemberDraft } from './member-draft';

export interface HouseholdDraft {
  headName: string;
  headPhone: string;
  people: string;
  tags: HouseholdTag[];
  note: string;
  /** 家庭成员 as edited; sent (replacing the household's list) only when `membersChanged`. */
  members: MemberDraft[];
  membersChanged: boolean;
}

const draftOf = (h: HouseholdDetail): HouseholdDraft => ({
  headName: h.headName, headPhone: h.headPhone, people: String(h.people), tags: [...h.tags], note: h.note ?? '',
  members: h.members.map(memberDraftOf), membersChanged: false,
});

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
    const problem = draft.membersChanged ? membersProblem(draft.members) : null;
    if (problem) return action.setError(problem);
    const members = draft.membersChanged ? { members: draft.members.map(memberInputOf) } : {};
    await action.run('save', async () => {
      household.setData(await updateHousehold(id, { headName: draft.headName.trim(), headPhone: draft.headPhone.trim(), people, tags: draft.tags, note: draft.note.trim() || null, ...members }));
      setDraft(null);
    }, '已保存');
  };
  const editMembers = (change: (ms: MemberDraft[]) => MemberDraft[]) => setDraft((d) => (d ? { ...d, members: change(d.members), membersChanged: true } : d));

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
    addMember: () => editMembers((ms) => [...ms, newMemberDraft()]),
    removeMember: (i: number) => editMembers((ms) => ms.filter((_, k) => k !== i)),
    changeMember: (i: number, patch: Partial<MemberDraft>) => editMembers((ms) => ms.map((x, k) => (k === i ? { ...x, ...patch } : x))),
    save: () => void save(),
    call: () => household.data && void Taro.makePhoneCall({ phoneNumber: household.data.headPhone }).catch(() => undefined),
    callMember: (phone: string) => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined),
  };
}

export type HouseholdModel = ReturnType<typeof useHouseholdModel>;
