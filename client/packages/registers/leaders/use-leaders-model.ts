import { useState } from 'react';
import { AreaLeaderLevelLabels, type LeaderSlot } from '@contracts/registers.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canReadRegisters } from '@/services/permissions';
import { assignLeader, clearLeader, listLeaders } from '@/services/registers.api';

export const slotKey = (s: Pick<LeaderSlot, 'level' | 'areaId'>) => `${s.level}-${s.areaId}`;

/** 网格长 per grid, 楼栋长 per building of one's area; community staff and street admins assign, replace or clear them. */
export function useLeadersModel() {
  const leaders = useResource(listLeaders);
  const gate = useRoleGate(canReadRegisters, () => leaders.reload());
  const action = useAction<string>();
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');

  const put = (slot: LeaderSlot) =>
    leaders.setData((prev) => (prev ? { ...prev, items: prev.items.map((s) => (slotKey(s) === slotKey(slot) ? { ...s, leader: slot.leader } : s)) } : prev));

  const open = (s: LeaderSlot) => {
    setEditing(slotKey(s));
    setName(s.leader?.name ?? '');
    setPhone(s.leader?.phone ?? '');
    action.setError(null);
  };

  const save = async (s: LeaderSlot) => {
    const ok = await action.run(`save-${slotKey(s)}`, async () => put(await assignLeader({ level: s.level, areaId: s.areaId, name: name.trim(), phone: phone.trim() })), '已保存');
    if (ok) setEditing(null);
  };

  const clear = async (s: LeaderSlot) => {
    if (!s.leader) return;
    const label = AreaLeaderLevelLabels[s.level];
    if (!(await confirmAction(`撤销${label}`, `不再由 ${s.leader.name} 担任${s.areaName}的${label}？`, '撤销'))) return;
    await action.run(`clear-${slotKey(s)}`, async () => {
      await clearLeader(s.level, s.areaId);
      put({ ...s, leader: null });
    }, '已撤销');
  };

  return {
    gate,
    leaders,
    editing,
    name,
    phone,
    setName,
    setPhone,
    busy: action.busy,
    error: action.error,
    open,
    close: () => setEditing(null),
    save: (s: LeaderSlot) => void save(s),
    clear: (s: LeaderSlot) => void clear(s),
  };
}

export type LeadersModel = ReturnType<typeof useLeadersModel>;
