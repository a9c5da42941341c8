import { useState } from 'react';
import type { RewardItem } from '@contracts/timebank.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { canUseVolunteerServices } from '@/services/permissions';
import { hoursText } from '@/components/vol-staff/hours';
import { useRoleGate } from '@/hooks/use-role-gate';
import { getMyTimebank, listRewards, redeemReward } from '@/services/timebank.api';

/** What hours can buy, my balance, and redeeming one (after asking); the server has the last word on hours and stock. */
export function useRewardsModel() {
  const rewards = useResource(listRewards);
  const mine = useResource(getMyTimebank);
  const action = useAction<number>();
  const [done, setDone] = useState<string | null>(null);
  const gate = useRoleGate(canUseVolunteerServices, () => Promise.all([rewards.reload(), mine.reload()]));

  const redeem = async (r: RewardItem) => {
    const ok = await confirmAction('确认兑换', `用 ${hoursText(r.costMinutes)} 小时兑换“${r.name}”？兑换后时长会从余额里扣除。`, '兑换');
    if (!ok) return;
    setDone(null);
    await action.run(r.id, async () => {
      const res = await redeemReward(r.id);
      rewards.setData((prev) => (prev ?? []).map((x) => (x.id === r.id ? { ...x, stock: res.stock } : x)));
      mine.setData((prev) => (prev ? { ...prev, balanceMinutes: res.balanceMinutes } : prev));
      setDone(`已兑换“${r.name}”，余额还有 ${hoursText(res.balanceMinutes)} 小时。请凭兑换记录到社区领取。`);
    });
  };

  return {
    gate,
    rewards,
    balance: mine.data?.balanceMinutes ?? null,
    mineError: mine.error,
    retryMine: () => void mine.reload(),
    busy: action.busy,
    error: action.error,
    done,
    redeem: (r: RewardItem) => void redeem(r),
  };
}
