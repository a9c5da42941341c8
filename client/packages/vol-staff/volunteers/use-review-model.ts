import { useRef, useState } from 'react';
import type { VolunteerStatus } from '@contracts/volunteers.constants';
import type { VolunteerItem } from '@contracts/volunteers.contract';
import { canReviewVolunteers } from '@/services/permissions';
import { useRoleGate } from '@/hooks/use-role-gate';
import { confirmAction, useAction } from '@/hooks/use-action';
import { useResource } from '@/hooks/use-resource';
import { approveVolunteer, declineVolunteer, listVolunteers } from '@/services/volunteers-staff.api';

export type ReviewTab = Extract<VolunteerStatus, 'applied' | 'approved'>;

/** Applications to approve or decline (with a reason the applicant is told), and the approved volunteers. */
export function useReviewModel() {
  const [tab, setTab] = useState<ReviewTab>('applied');
  const tabRef = useRef<ReviewTab>('applied');
  const list = useResource(() => listVolunteers(tabRef.current));
  const gate = useRoleGate(canReviewVolunteers, () => list.reload());
  const action = useAction<string>();
  const [declining, setDeclining] = useState<number | null>(null);
  const [reason, setReason] = useState('');

  const drop = (id: number) => list.setData((prev) => (prev ? { items: prev.items.filter((v) => v.id !== id) } : prev));

  const switchTab = (next: ReviewTab) => {
    if (next === tab) return;
    tabRef.current = next;
    setTab(next);
    setDeclining(null);
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
    if (ok) {
      setDeclining(null);
      setReason('');
    }
  };

  return {
    gate,
    tab,
    switchTab,
    list,
    busy: action.busy,
    error: action.error,
    approve,
    declining,
    startDecline: (v: VolunteerItem) => {
      setDeclining(v.id);
      setReason('');
      action.setError(null);
    },
    cancelDecline: () => setDeclining(null),
    reason,
    setReason: (t: string) => setReason(t.slice(0, 200)),
    decline: (v: VolunteerItem) => void decline(v),
  };
}

export type ReviewModel = ReturnType<typeof useReviewModel>;
