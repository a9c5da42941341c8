import { useState } from 'react';
import type { ActivityItem } from '@contracts/timebank.contract';
import { useAction } from '@/hooks/use-action';
import { useDraftForm } from '@/hooks/use-draft-form';
import { useOpenDetail } from '@/hooks/use-open-detail';
import { useResource } from '@/hooks/use-resource';
import { activityRequest, EMPTY_DRAFT } from '@/components/vol-staff/activity-form';
import { createActivity, listAttendees } from '@/services/timebank.api';
import { getMyVolunteer } from '@/services/volunteers.api';

/** The one line a leader's screens say about what stays with the community. */
export const LEADER_LIMITS_LINE = '签到、签退和记入时长由社区工作人员负责。';

/**
 * A 队长's part of the activity screens: the teams they lead (from their own volunteer profile; none while their
 * service is suspended), 发起活动 for one of them, and the roster of their team's activities.
 */
export function useLeader(onCreated: (a: ActivityItem) => void) {
  const profile = useResource(getMyVolunteer);
  const action = useAction<string>();
  const { resetForm, closeForm, ...form } = useDraftForm(EMPTY_DRAFT, () => action.setError(null));
  const [teamId, setTeamId] = useState<number | null>(null);
  const roster = useOpenDetail(listAttendees);

  const v = profile.data;
  const leads = v && v.status === 'approved' ? v.leads : [];
  const chosenTeam = leads.length === 1 ? leads[0].id : teamId;

  const save = async () => {
    if (chosenTeam === null) return action.setError('请选择为哪支队伍发起活动');
    const r = activityRequest(form.draft, { teamId: chosenTeam, creditFromLength: true });
    if ('error' in r) return action.setError(r.error);
    const ok = await action.run('create', async () => onCreated(await createActivity(r.body)), '活动已发布');
    if (ok) resetForm();
  };

  return {
    reload: () => profile.reload(),
    /** Loading the caller's volunteer profile failed (the leader's part cannot be shown until it loads). */
    profileError: profile.error,
    leads,
    /** Whether the caller leads the activity's team (their roster is shown). */
    leadsTeamOf: (a: ActivityItem) => a.teamId !== null && leads.some((t) => t.id === a.teamId),
    ...form,
    teamId: chosenTeam,
    chooseTeam: setTeamId,
    save: () => void save(),
    busy: action.busy,
    error: action.error,
    rosterId: roster.openId,
    roster,
    toggleRoster: (a: ActivityItem) => roster.toggle(a.id),
  };
}

export type LeaderModel = ReturnType<typeof useLeader>;
