import type { StaffTeamItem, TeamMemberItem } from '@contracts/volunteers.contract';
import { canAppointTeamLeaders } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useOpenDetail } from '@/hooks/use-open-detail';
import { useResource } from '@/hooks/use-resource';
import { listStaffTeams, listTeamMembers, setTeamLeader } from '@/services/volunteers-admin.api';

export const LEADER_CAN = '队长可以为本队发起活动、查看报名名单；签到、签退和记入时长仍由社区工作人员负责。';

/** The teams of one's community (street admins: the street) with their 队长; appoint one from the approved members, or clear it. */
export function useTeamsModel() {
  const teams = useResource(listStaffTeams);
  const gate = useRoleGate(canAppointTeamLeaders, () => teams.reload());
  const action = useAction<string>();
  const members = useOpenDetail(listTeamMembers);

  const put = (t: StaffTeamItem) => teams.setData((prev) => (prev ?? []).map((x) => (x.id === t.id ? t : x)));

  const toggle = (t: StaffTeamItem) => {
    members.toggle(t.id);
    action.setError(null);
  };

  const appoint = async (t: StaffTeamItem, p: TeamMemberItem) => {
    const former = t.leader ? `${t.leader.name} 将不再担任队长。` : '';
    if (!(await confirmAction('设为队长', `让 ${p.name} 担任${t.name}的队长？${former}${LEADER_CAN}`, '设为队长'))) return;
    await action.run(`appoint-${t.id}-${p.userId}`, async () => {
      put(await setTeamLeader(t.id, p.userId));
      await members.reload();
    }, `${p.name} 已担任队长`);
  };

  const clear = async (t: StaffTeamItem) => {
    if (!t.leader) return;
    if (!(await confirmAction('撤销队长', `撤销 ${t.leader.name} 的${t.name}队长？撤销后 TA 不能再以队长身份发起活动。`, '撤销'))) return;
    await action.run(`clear-${t.id}`, async () => {
      put(await setTeamLeader(t.id, null));
      if (members.openNow() === t.id) await members.reload();
    }, '已撤销队长');
  };

  return {
    gate,
    teams,
    busy: action.busy,
    error: action.error,
    openId: members.openId,
    toggle,
    members,
    appoint: (t: StaffTeamItem, p: TeamMemberItem) => void appoint(t, p),
    clear: (t: StaffTeamItem) => void clear(t),
  };
}

export type TeamsModel = ReturnType<typeof useTeamsModel>;
