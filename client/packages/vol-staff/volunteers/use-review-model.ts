import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { VolunteerStatus } from '@contracts/volunteers.constants';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { canReviewVolunteers } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useOpenDetail } from '@/hooks/use-open-detail';
import { useResource } from '@/hooks/use-resource';
import { Routes } from '@/services/routes';
import { approveVolunteer, declineVolunteer, listVolunteers } from '@/services/volunteers-staff.api';
import { reinstateVolunteer, suspendVolunteer, volunteerHistory } from '@/services/volunteers-admin.api';

export type ReviewTab = Extract<VolunteerStatus, 'applied' | 'approved' | 'suspended'>;

/** Open form on one card: 不通过 (an application) or 暂停 (an approved volunteer); both need a reason the person is told. */
type OpenForm = { id: number; kind: 'decline' | 'suspend' } | null;

/**
 * What suspending this volunteer means, in plain words, for the form and the confirmation: tasks in hand stay theirs
 * (credited as usual), dispatches not yet accepted are taken back, sign-ups for activities not started yet are
 * cancelled, a leader cannot act as one meanwhile.
 */
export function suspendImpact(v: VolunteerItem): string[] {
  const lines: string[] = [];
  if (v.tasksInHand > 0) lines.push(`${v.name} 手上还有 ${v.tasksInHand} 个任务没做完：暂停后这些任务仍由 TA 做完，对方确认后照常记时长。`);
  if (v.pendingDispatches > 0) lines.push(`派给 TA 的 ${v.pendingDispatches} 条派单还没接受，暂停后会收回，需要重新派给别人。`);
  if (v.upcomingSignUps > 0) lines.push(`TA 报名了 ${v.upcomingSignUps} 个还没开始的活动，暂停后会取消这些报名，名额留给别人（只通知 TA 本人）。`);
  if (v.leads.length > 0) lines.push(`TA 是${v.leads.map((t) => t.name).join('、')}的队长，暂停期间不能以队长身份发起活动。`);
  lines.push('暂停后 TA 不能接新单、不能被派单、不能报名活动，恢复后就可以了。');
  return lines;
}

/** Applications to approve or decline, approved volunteers to suspend (暂停), suspended ones to reinstate (恢复), and each one's history. */
export function useReviewModel() {
  const [tab, setTab] = useState<ReviewTab>('applied');
  const tabRef = useRef<ReviewTab>('applied');
  const list = useResource(() => listVolunteers(tabRef.current));
  const gate = useRoleGate(canReviewVolunteers, () => list.reload());
  const action = useAction<string>();
  const [form, setForm] = useState<OpenForm>(null);
  const [reason, setReason] = useState('');
  const history = useOpenDetail(volunteerHistory);

  const drop = (id: number) => list.setData((prev) => (prev ? { items: prev.items.filter((v) => v.id !== id) } : prev));
  const openForm = (next: OpenForm) => {
    setForm(next);
    setReason('');
    action.setError(null);
  };

  const switchTab = (next: ReviewTab) => {
    if (next === tab) return;
    tabRef.current = next;
    setTab(next);
    setForm(null);
    history.close();
    list.setData(null);
    void list.reload();
  };

  const approve = (v: VolunteerItem) => void action.run(`approve-${v.id}`, async () => {
    await approveVolunteer(v);
    drop(v.id);
  }, `已通过 ${v.name}`);

  const decline = async (v: VolunteerItem) => {
    const text = reason.trim();
    if (!text) {
      action.setError('请写明未通过的原因，申请人会看到');
      return;
    }
    if (!(await confirmAction('不通过申请', `确定不通过 ${v.name} 的申请？原因会告诉申请人。`, '不通过'))) return;
    const ok = await action.run(`decline-${v.id}`, async () => {
      await declineVolunteer(v, text);
      drop(v.id);
    }, '已告知申请人');
    if (ok) openForm(null);
  };

  const suspend = async (v: VolunteerItem) => {
    const text = reason.trim();
    if (text.length < 2) {
      action.setError('请写明暂停的原因（至少 2 个字），志愿者会看到');
      return;
    }
    const tasks = v.tasksInHand > 0 ? `TA 手上的 ${v.tasksInHand} 个任务仍由 TA 做完。` : '';
    if (!(await confirmAction('暂停志愿服务', `确定暂停 ${v.name} 的志愿服务？${tasks}原因会告诉 TA。`, '暂停'))) return;
    const ok = await action.run(`suspend-${v.id}`, async () => {
      await suspendVolunteer(v, text);
      drop(v.id);
    }, `已暂停 ${v.name}`);
    if (ok) openForm(null);
  };

  const reinstate = async (v: VolunteerItem) => {
    if (!(await confirmAction('恢复志愿服务', `恢复 ${v.name} 的志愿服务？恢复后 TA 可以接单、报名活动。`, '恢复'))) return;
    await action.run(`reinstate-${v.id}`, async () => {
      await reinstateVolunteer(v);
      drop(v.id);
    }, `已恢复 ${v.name}`);
  };

  return {
    gate,
    tab,
    switchTab,
    list,
    busy: action.busy,
    error: action.error,
    approve,
    declining: form?.kind === 'decline' ? form.id : null,
    startDecline: (v: VolunteerItem) => openForm({ id: v.id, kind: 'decline' }),
    cancelDecline: () => setForm(null),
    decline: (v: VolunteerItem) => void decline(v),
    suspending: form?.kind === 'suspend' ? form.id : null,
    startSuspend: (v: VolunteerItem) => openForm({ id: v.id, kind: 'suspend' }),
    cancelSuspend: () => setForm(null),
    suspend: (v: VolunteerItem) => void suspend(v),
    reinstate: (v: VolunteerItem) => void reinstate(v),
    reason,
    setReason: (t: string) => setReason(t.slice(0, 200)),
    historyId: history.openId,
    history,
    toggleHistory: (v: VolunteerItem) => history.toggle(v.id),
    goTeams: () => void Taro.navigateTo({ url: Routes.volStaffTeams }),
  };
}

export type ReviewModel = ReturnType<typeof useReviewModel>;
