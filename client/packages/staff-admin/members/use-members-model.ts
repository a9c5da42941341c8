import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { InvitationItem, StaffMember } from '@contracts/staff.contract';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { useRoleGate } from '@/hooks/use-role-gate';
import { canManageStaff } from '@/services/permissions';
import { Routes } from '@/services/routes';
import { changeStaffRole, getStaffAreas, listPendingInvitations, listStaff, revokeInvitation, revokeStaffRole } from '@/services/staff.api';
import { grantAreaName, grantBody, grantMissing, useGrantDraft } from '../shared/grant-picker';
import { RoleLabels } from '@contracts/roles';

/** 人员与邀请: the staff of one's area (change role, 撤销身份) and the invitations not yet used (作废). */
export function useMembersModel() {
  const staff = useResource(listStaff);
  const invitations = useResource(listPendingInvitations);
  const areas = useResource(getStaffAreas);
  const gate = useRoleGate(canManageStaff, () => Promise.all([staff.reload(), invitations.reload()]));
  const action = useAction<string>();
  const [editing, setEditing] = useState<number | null>(null);
  const grant = useGrantDraft(areas.data);

  const startChange = (s: StaffMember) => {
    action.setError(null);
    grant.reset();
    setEditing(editing === s.id ? null : s.id);
    if (!areas.data) void areas.reload();
  };

  const saveChange = async (s: StaffMember) => {
    const missing = grantMissing(grant.draft);
    if (missing) return action.setError(missing);
    const to = `${RoleLabels[grant.draft.role!]}（${grantAreaName(grant.draft, areas.data!)}）`;
    const self = s.self ? '这是您自己的身份，调整后您可能无法再打开这个页面。' : '';
    if (!(await confirmAction('调整身份', `把 ${s.name} 的身份从${s.roleLabel}（${s.areaName}）改为${to}？立即生效，TA 会收到通知。${self}`, '调整'))) return;
    const ok = await action.run(`change-${s.id}`, async () => {
      await changeStaffRole(s.id, grantBody(grant.draft));
      setEditing(null);
      await Promise.all([staff.reload(), areas.reload()]);
    }, '已调整');
    if (ok && s.self) await gate.retryMe();
  };

  const revoke = async (s: StaffMember) => {
    const self = s.self ? '这是您自己的身份，撤销后您将变为居民。' : '';
    if (!(await confirmAction('撤销身份', `撤销 ${s.name} 的${s.roleLabel}身份？立即生效，TA 将变为居民，并收到通知。${self}`, '撤销'))) return;
    await action.run(`revoke-${s.id}`, async () => {
      await revokeStaffRole(s.id);
      await staff.reload();
    }, '已撤销');
  };

  const cancelInvitation = async (inv: InvitationItem) => {
    if (!(await confirmAction('作废邀请码', `作废给 ${inv.inviteeName} 的${inv.roleLabel}邀请码？作废后这个邀请码不能再使用。`, '作废'))) return;
    await action.run(`invitation-${inv.id}`, async () => {
      await revokeInvitation(inv.id);
      invitations.setData((prev) => (prev ?? []).filter((x) => x.id !== inv.id));
    }, '已作废');
  };

  return {
    gate, staff, invitations, areas, grant, editing, startChange, saveChange, revoke, cancelInvitation,
    invite: () => void Taro.navigateTo({ url: Routes.staffInvite }),
    busy: action.busy, error: action.error,
  };
}

export type MembersModel = ReturnType<typeof useMembersModel>;
