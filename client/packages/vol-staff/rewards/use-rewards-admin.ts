import { useRef, useState } from 'react';
import { ErrorCode } from '@contracts/errors';
import type { RewardItem, UpdateRewardRequest } from '@contracts/timebank.contract';
import { canExportRecords, canManageRewards, canOpenStaffRewards } from '@/services/permissions';
import { hoursText, minutesFromHours } from '@/components/vol-staff/hours';
import { useRoleGate } from '@/hooks/use-role-gate';
import { chinaToday } from '@/components/deliberation/china-time';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useDraftForm } from '@/hooks/use-draft-form';
import { useResource } from '@/hooks/use-resource';
import { ApiError } from '@/services/request';
import { createReward, exportServiceRecords, getTimebankSettings, listRewards, updateDailyCap, updateReward } from '@/services/timebank.api';

export interface RewardDraft {
  name: string;
  hours: string;
  stock: string;
  description: string;
}
const EMPTY: RewardDraft = { name: '', hours: '', stock: '', description: '' };

/** The fields of a valid draft, or the first thing to fix in plain words. An empty stock means unlimited. */
export function rewardFields(d: RewardDraft): { name: string; costMinutes: number; stock: number | null; description: string | null } | { error: string } {
  const name = d.name.trim();
  const minutes = minutesFromHours(d.hours);
  const s = d.stock.trim();
  if (!name) return { error: '请填写兑换项目名称' };
  if (name.length > 60) return { error: '名称最多 60 个字' };
  if (minutes === null || minutes < 30 || minutes > 6000) return { error: '所需时长请填 0.5 到 100 之间的小时数' };
  if (s !== '' && !/^\d+$/.test(s)) return { error: '数量请填 0 或正整数，不限量就不填' };
  if (s !== '' && Number(s) > 100000) return { error: '数量最多 100000' };
  return { name, costMinutes: minutes, stock: s === '' ? null : Number(s), description: d.description.trim() || null };
}

const draftOf = (r: RewardItem): RewardDraft => ({
  name: r.name, hours: hoursText(r.costMinutes), stock: r.stock === null ? '' : String(r.stock), description: r.description ?? '',
});

/** Rewards (community staff), the daily cap (community staff) and the export of service records (community and street). */
export function useRewardsAdmin() {
  const rewards = useResource(listRewards);
  const settings = useResource(getTimebankSettings);
  const gate = useRoleGate(canOpenStaffRewards, async (me) => {
    if (canManageRewards(me.role)) await Promise.all([rewards.reload(), settings.reload()]);
  });
  /** The page's actions (add, 上架/下架, daily cap, export): their messages show at the top of the page. */
  const action = useAction<string>();
  /** Saving the open edit form: its messages show inside that form, above 保存. */
  const editAction = useAction<string>();
  const [editing, setEditing] = useState<number | null>(null);
  const { resetForm, closeForm, ...form } = useDraftForm(EMPTY, () => {
    setEditing(null);
    action.setError(null);
    editAction.setError(null);
  });
  const [editDraft, setEditDraft] = useState<RewardDraft>(EMPTY);
  /** The stock shown when editing began: the server refuses a stock change if someone redeemed since. */
  const stockSeen = useRef<number | null>(null);
  const [cap, setCap] = useState('');
  const [range, setRange] = useState({ from: chinaToday().slice(0, 8) + '01', to: chinaToday() });

  const put = (r: RewardItem) => rewards.setData((prev) => (prev ?? []).map((x) => (x.id === r.id ? r : x)));

  const create = async () => {
    const f = rewardFields(form.draft);
    if ('error' in f) return action.setError(f.error);
    const ok = await action.run('create', async () => {
      const created = await createReward(f);
      rewards.setData((prev) => [...(prev ?? []), created]);
    }, '已添加');
    if (ok) resetForm();
  };

  const startEdit = (r: RewardItem) => {
    setEditing(r.id);
    setEditDraft(draftOf(r));
    stockSeen.current = r.stock;
    closeForm();
    editAction.setError(null);
  };

  /** Saves what changed; a stock changed by a redemption meanwhile is refused, and the list shows the current figure. */
  const saveEdit = async (r: RewardItem) => {
    const f = rewardFields(editDraft);
    if ('error' in f) return editAction.setError(f.error);
    const body: UpdateRewardRequest = { name: f.name, description: f.description, costMinutes: f.costMinutes };
    if (f.stock !== stockSeen.current) Object.assign(body, { stock: f.stock, stockSeen: stockSeen.current });
    const ok = await editAction.run(`edit-${r.id}`, async () => {
      try {
        put(await updateReward(r.id, body));
      } catch (e) {
        if (e instanceof ApiError && e.code === ErrorCode.REWARD_STOCK_CHANGED) {
          const fresh = (await listRewards()).find((x) => x.id === r.id);
          if (fresh) {
            put(fresh);
            stockSeen.current = fresh.stock;
          }
        }
        throw e;
      }
    }, '已保存');
    if (ok) setEditing(null);
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
    ...form,
    create: () => void create(),
    toggleActive: (r: RewardItem) => void toggleActive(r),
    editing,
    editDraft,
    editBusy: editAction.busy,
    editError: editAction.error,
    startEdit,
    cancelEdit: () => {
      setEditing(null);
      editAction.setError(null);
    },
    editField: (patch: Partial<RewardDraft>) => setEditDraft((d) => ({ ...d, ...patch })),
    saveEdit: (r: RewardItem) => void saveEdit(r),
    cap,
    setCap: (t: string) => setCap(t.slice(0, 5)),
    saveCap: () => void saveCap(),
    range,
    setRange: (patch: Partial<{ from: string; to: string }>) => setRange((r) => ({ ...r, ...patch })),
    exportRecords: () => void exportRecords(),
  };
}

export type RewardsAdmin = ReturnType<typeof useRewardsAdmin>;
