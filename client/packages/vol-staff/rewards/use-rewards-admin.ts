import { useState } from 'react';
import type { RewardItem } from '@contracts/timebank.contract';
import { canExportRecords, canManageRewards, canOpenStaffRewards } from '@/services/permissions';
import { hoursText, minutesFromHours } from '@/components/vol-staff/hours';
import { useRoleGate } from '@/hooks/use-role-gate';
import { chinaToday } from '@/components/deliberation/china-time';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { createReward, exportServiceRecords, getTimebankSettings, listRewards, updateDailyCap, updateReward } from '@/services/timebank.api';

export interface RewardDraft {
  name: string;
  hours: string;
  stock: string;
  description: string;
}
const EMPTY: RewardDraft = { name: '', hours: '', stock: '', description: '' };

/** Rewards (community staff), the daily cap (community staff) and the export of service records (community and street). */
export function useRewardsAdmin() {
  const rewards = useResource(listRewards);
  const settings = useResource(getTimebankSettings);
  const gate = useRoleGate(canOpenStaffRewards, async (me) => {
    if (canManageRewards(me.role)) await Promise.all([rewards.reload(), settings.reload()]);
  });
  const action = useAction<string>();
  const [draft, setDraft] = useState<RewardDraft>(EMPTY);
  const [formOpen, setFormOpen] = useState(false);
  const [cap, setCap] = useState('');
  const [range, setRange] = useState({ from: chinaToday().slice(0, 8) + '01', to: chinaToday() });

  const put = (r: RewardItem) => rewards.setData((prev) => (prev ?? []).map((x) => (x.id === r.id ? r : x)));

  const create = async () => {
    const name = draft.name.trim();
    const minutes = minutesFromHours(draft.hours);
    const stock = draft.stock.trim() === '' ? null : /^\d+$/.test(draft.stock.trim()) ? Number(draft.stock.trim()) : NaN;
    if (!name) return action.setError('请填写兑换项目名称');
    if (minutes === null || minutes < 30 || minutes > 6000) return action.setError('所需时长请填 0.5 到 100 之间的小时数');
    if (Number.isNaN(stock)) return action.setError('数量请填整数，不限量就不填');
    const ok = await action.run('create', async () => {
      const created = await createReward({ name, costMinutes: minutes, stock, description: draft.description.trim() || null });
      rewards.setData((prev) => [...(prev ?? []), created]);
    }, '已添加');
    if (ok) {
      setDraft(EMPTY);
      setFormOpen(false);
    }
  };

  const toggleActive = async (r: RewardItem) => {
    if (r.active && !(await confirmAction('下架', `下架“${r.name}”后志愿者就不能兑换了，确定吗？`, '下架'))) return;
    await action.run(`active-${r.id}`, async () => put(await updateReward(r.id, { active: !r.active })), r.active ? '已下架' : '已上架');
  };

  const saveCap = async () => {
    const minutes = minutesFromHours(cap);
    if (minutes === null || minutes < 30 || minutes > 1440) return action.setError('每日上限请填 0.5 到 24 之间的小时数');
    const ok = await action.run('cap', async () => settings.setData(await updateDailyCap(minutes)), `每天最多记 ${hoursText(minutes)} 小时`);
    if (ok) setCap('');
  };

  const exportRecords = async () => {
    if (!range.from || !range.to || range.from > range.to) return action.setError('请选择开始和结束日期，开始不能晚于结束');
    await action.run('export', () => exportServiceRecords(range), '已导出');
  };

  return {
    gate,
    manages: canManageRewards(gate.role),
    exports: canExportRecords(gate.role),
    rewards,
    settings,
    busy: action.busy,
    error: action.error,
    formOpen,
    toggleForm: () => setFormOpen(!formOpen),
    draft,
    edit: (patch: Partial<RewardDraft>) => setDraft((d) => ({ ...d, ...patch })),
    create: () => void create(),
    toggleActive: (r: RewardItem) => void toggleActive(r),
    cap,
    setCap: (t: string) => setCap(t.slice(0, 5)),
    saveCap: () => void saveCap(),
    range,
    setRange: (patch: Partial<{ from: string; to: string }>) => setRange((r) => ({ ...r, ...patch })),
    exportRecords: () => void exportRecords(),
  };
}

export type RewardsAdmin = ReturnType<typeof useRewardsAdmin>;
