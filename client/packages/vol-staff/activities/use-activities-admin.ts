import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActivityItem, CreditActivityResponse } from '@contracts/timebank.contract';
import { canRunActivities } from '@/services/permissions';
import { hoursText } from '@/components/vol-staff/hours';
import { useRoleGate } from '@/hooks/use-role-gate';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useDraftForm } from '@/hooks/use-draft-form';
import { useResource } from '@/hooks/use-resource';
import { createActivity, creditActivity, listActivities } from '@/services/timebank.api';
import { deliberationResolutionUrl } from '@/services/routes';
import { activityRequest, EMPTY_DRAFT } from '@/components/vol-staff/activity-form';
import { useAttendees } from './use-attendees';
import { useFromResolution } from './use-from-resolution';

/**
 * Staff activities: create (also from a 议事亭 resolution, ?resolutionId=), list, open one's attendees (check in / out),
 * and credit everyone checked in.
 */
export function useActivitiesAdmin() {
  const list = useResource(listActivities);
  const from = useFromResolution();
  const gate = useRoleGate(canRunActivities, () => Promise.all([list.reload(), from.load()]));
  const action = useAction<string>();
  const { resetForm, closeForm, openForm, ...form } = useDraftForm(EMPTY_DRAFT, () => action.setError(null));
  const [results, setResults] = useState<Record<number, CreditActivityResponse>>({});
  const attendees = useAttendees();

  // Opened from a resolution: the form opens, named after it (staff may change the name).
  const source = from.resolution;
  useEffect(() => {
    if (!source) return;
    if (!form.draft.title) form.edit({ title: source.title.slice(0, 100) });
    openForm();
  }, [source?.id]); // once per resolution read, not on every keystroke

  const save = async () => {
    const r = activityRequest(form.draft, { resolutionId: source?.id ?? null });
    if ('error' in r) {
      action.setError(r.error);
      return;
    }
    const ok = await action.run('create', async () => {
      const created = await createActivity(r.body);
      list.setData((prev) => [created, ...(prev ?? [])]);
    }, '活动已发布');
    if (ok) {
      resetForm();
      if (source) from.used();
    }
  };

  const credit = async (a: ActivityItem) => {
    const content = `给“${a.title}”所有已签到的志愿者每人记入 ${hoursText(a.creditMinutes)} 小时？没签到的记为缺席，不记时长。记入后不能撤回。`;
    if (!(await confirmAction('记入时长', content, '记入时长'))) return;
    await action.run(`credit-${a.id}`, async () => {
      const res = await creditActivity(a.id);
      setResults((prev) => ({ ...prev, [a.id]: res }));
      list.setData((prev) => (prev ?? []).map((x) => (x.id === a.id ? { ...x, status: 'credited' } : x)));
      // Show the names: who was credited, who did not come.
      if (attendees.openId === a.id) await attendees.reload();
      else attendees.toggle(a.id);
    }, '时长已记入');
  };

  return {
    gate,
    list,
    busy: action.busy,
    error: action.error,
    ...form,
    save: () => void save(),
    attendees,
    results,
    credit: (a: ActivityItem) => void credit(a),
    /** 来自议事决议: the resolution the form's activity will carry out, and a failure to read it. */
    fromResolution: source,
    fromResolutionError: from.error,
    retryFromResolution: () => void from.load(),
    openResolution: (resolutionId: number) => void Taro.navigateTo({ url: deliberationResolutionUrl(resolutionId) }),
  };
}

export type ActivitiesAdmin = ReturnType<typeof useActivitiesAdmin>;
